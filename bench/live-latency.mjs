#!/usr/bin/env node
// Live-update latency under `wrangler dev`: 20 listeners watch one session of one tenant while an agent makes edits
// through MCP, once as MCP clients (2026-07-28 subscriptions/listen) and once as dashboard pages (the session's event
// stream); both are fed by the tenant object's hub. Prints p50/p99 of the time from
// an edit's response to each listener receiving its event (negative: the event arrived before the response, as the
// hub is told before the edit answers), and of the time from sending the edit. Target: p99 under 500 ms.
// Usage: node bench/live-latency.mjs [base-url]   (without a URL it starts wrangler dev on a free port with fresh state)
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const LISTENERS = 20;
const EDITS = 40;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts wrangler dev with fresh local state; returns its URL and a stop function. */
async function startWrangler() {
  const state = mkdtempSync(join(tmpdir(), "live-latency-"));
  const wrangler = "node_modules/.bin/wrangler";
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" };
  await new Promise((resolve, reject) =>
    spawn(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { env, stdio: "ignore" }).on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`migrations failed (${code})`)),
    ),
  );
  const port = await freePort();
  const child = spawn(wrangler, ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state], { env, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 90; i++) {
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop: () => child.kill("SIGTERM") };
    await new Promise((r) => setTimeout(r, 1000));
  }
  child.kill("SIGTERM");
  throw new Error("wrangler dev did not start");
}

/** A signed-in dashboard visitor over plain fetch: cookies kept, forms posted with their CSRF token. */
async function signedIn(baseUrl) {
  const cookies = new Map();
  let page = "";
  const request = async (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    headers.set("origin", baseUrl);
    const res = await fetch(baseUrl + path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return res;
  };
  const load = async (path) => (page = await (await request(path)).text());
  const post = async (path, fields) => {
    const body = new URLSearchParams({ ...fields, _csrf: page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? "" });
    const res = await request(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    page = await res.text();
    return res;
  };
  const email = `latency-${Date.now()}@example.com`;
  const password = "a long enough password";
  await load("/signup");
  await post("/signup", { name: "latency", email, password, next: "/dashboard/tokens" });
  await load("/signin");
  await post("/signin", { email, password, next: "/dashboard/tokens" });
  await load("/dashboard/tokens");
  await post("/dashboard/tokens", { name: "latency agent", scope_read: "1", scope_write: "1", expiry: "none" });
  const token = page.match(/id="new-token">(dxe_[0-9A-Za-z]+)</)?.[1];
  if (!token) throw new Error("could not create a token through the dashboard");
  return { request, token };
}

/**
 * Reads an SSE response in the background, calling onBlock with each event block and when it arrived; resolves with
 * the reader once `ready` (called by onBlock) says the stream is attached.
 */
async function followEvents(res, onBlock) {
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let ready;
  const attached = new Promise((resolve) => (ready = resolve));
  (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        onBlock(block, performance.now(), ready);
      }
    }
  })().catch(() => {});
  await attached;
  return reader;
}

const dataOf = (block) => block.match(/^data: (.*)$/m)?.[1];

/** Opens the session's event stream and records when each position's edit event arrives. */
async function listen(visitor, id, arrivals) {
  const res = await visitor.request(`/dashboard/sessions/${id}/live`, { headers: { accept: "text/event-stream" } });
  if (res.status !== 200) throw new Error(`listener refused: ${res.status} ${await res.text()}`);
  return followEvents(res, (block, now, ready) => {
    if (block.startsWith("event: ready")) ready();
    const data = dataOf(block);
    if (block.startsWith("event: change") && data) {
      const event = JSON.parse(data);
      if (event.kind === "edited") (arrivals.get(event.position) ?? arrivals.set(event.position, []).get(event.position)).push(now);
    }
  });
}

/** An MCP 2026-07-28 subscriptions/listen stream on the document; records when each resources/updated arrives. */
async function listenMcp(baseUrl, token, id, times) {
  const envelope = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
  const res = await fetch(`${baseUrl}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "subscriptions/listen",
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "subscriptions/listen",
      params: { notifications: { resourceSubscriptions: [`docx://documents/${id}`] }, _meta: envelope },
    }),
  });
  if (res.status !== 200) throw new Error(`listen refused: ${res.status} ${await res.text()}`);
  return followEvents(res, (block, now, ready) => {
    const data = dataOf(block);
    if (!data) return;
    const message = JSON.parse(data);
    if (message.method === "notifications/subscriptions/acknowledged") ready();
    if (message.method === "notifications/resources/updated") times.push(now);
  });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const given = process.argv[2];
const server = given ? { url: given, stop: () => {} } : await startWrangler();
try {
  const visitor = await signedIn(server.url);
  const client = new Client({ name: "docx-edge-live-latency", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/mcp", server.url), {
      requestInit: { headers: { authorization: `Bearer ${visitor.token}` } },
    }),
  );
  const id = (await client.callTool({ name: "document_create", arguments: { title: "Latency" } })).structuredContent.session.id;
  const arrivals = new Map();
  const readers = await Promise.all(Array.from({ length: LISTENERS }, () => listen(visitor, id, arrivals)));
  // resources/updated carries only the URI: the k-th notification a listener gets belongs to the k-th edit.
  const mcpTimes = Array.from({ length: LISTENERS }, () => []);
  readers.push(...(await Promise.all(mcpTimes.map((times) => listenMcp(server.url, visitor.token, id, times)))));

  const sent = new Map();
  const answered = new Map();
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    const result = await client.callTool({
      name: "add_element",
      arguments: { doc_id: id, path: "/body/children/0", value: { type: "paragraph", text: `Edit ${i + 1}` } },
    });
    if (result.isError) throw new Error(`edit failed: ${JSON.stringify(result.content)}`);
    const position = result.structuredContent.position;
    sent.set(position, start);
    answered.set(position, performance.now());
    await new Promise((r) => setTimeout(r, 50)); // an agent's pace, and within the tenant's request limit
  }
  await new Promise((r) => setTimeout(r, 1000));

  const fmt = (v) => `${v.toFixed(1)} ms`;
  const editMs = [...answered].map(([p, t]) => t - sent.get(p));
  const positions = [...answered.keys()];
  const report = (label, arrivalsOf) => {
    const afterResponse = [];
    const afterSend = [];
    let missing = 0;
    for (const position of positions) {
      const times = arrivalsOf(position);
      missing += LISTENERS - times.length;
      for (const t of times) {
        afterResponse.push(t - answered.get(position));
        afterSend.push(t - sent.get(position));
      }
    }
    console.log(`${label}: ${LISTENERS} listeners, ${EDITS} edits, ${afterResponse.length} deliveries, ${missing} missing`);
    console.log(
      `  edit response → listener receives: p50 ${fmt(percentile(afterResponse, 50))}, p99 ${fmt(percentile(afterResponse, 99))}, max ${fmt(Math.max(...afterResponse))}`,
    );
    console.log(`  edit sent → listener receives:     p50 ${fmt(percentile(afterSend, 50))}, p99 ${fmt(percentile(afterSend, 99))}`);
    console.log(`  target p99 (response → receipt) < 500 ms: ${percentile(afterResponse, 99) < 500 ? "met" : "NOT met"}`);
    return missing;
  };
  console.log(`floor (the edit call itself): p50 ${fmt(percentile(editMs, 50))}, p99 ${fmt(percentile(editMs, 99))}`);
  const missing =
    report("MCP subscriptions/listen", (position) =>
      mcpTimes.map((times) => times[positions.indexOf(position)]).filter((t) => t !== undefined),
    ) + report("dashboard event stream", (position) => arrivals.get(position) ?? []);
  for (const reader of readers) await reader.cancel().catch(() => {});
  await client.close();
  if (missing > 0) process.exitCode = 1;
} finally {
  server.stop();
}
