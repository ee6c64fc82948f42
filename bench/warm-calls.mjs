// `npm run bench:calls`: small warm tool calls over /mcp under wrangler dev, next to the floor of a minimal stateless
// MCP Worker with one trivial tool (bench/minimal-mcp: same SDK, transport settings and workerd). 8 concurrent
// keep-alive clients per case for a few seconds; prints requests/s, p50 and p99, and each case's ratio to the floor.
// The floor and the cases run in alternating rounds and each ratio is the median over rounds against the floor of
// its own round, so load from elsewhere on the machine shifts both sides alike. The per-tenant request limiter stays
// on, with its limit raised in the bench's copy of wrangler.toml, so its cost is measured but it does not throttle.
// Benchmarks print figures; nothing asserts a time.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 8;
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" };
const wrangler = ["node_modules/wrangler/bin/wrangler.js"];

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startWorker(config, port, state) {
  const log = openSync(join(logs, `wrangler-${port}.log`), "w");
  const child = spawn(
    process.execPath,
    [...wrangler, "dev", "-c", config, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state],
    { env, stdio: ["ignore", log, log] },
  );
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: "HEAD" });
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  child.kill("SIGTERM");
  throw new Error(`wrangler dev -c ${config} did not start on port ${port}`);
}

const MODERN = "2026-07-28";
const envelope = { "io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {} };

/** One JSON-RPC call as a 2026-07-28 client sends it: stateless, with the envelope and the headers the spec requires. */
function rpc(url, token, method, params) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": MODERN,
      "mcp-method": method,
      ...(params?.name ? { "mcp-name": params.name } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: { ...params, _meta: envelope } }),
  });
}

async function call(url, token, name, args) {
  const response = await rpc(url, token, "tools/call", { name, arguments: args });
  const body = await response.json();
  if (!response.ok || body.error || body.result?.isError)
    throw new Error(`${name}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.result.structuredContent;
}

/** Drives one request shape with CLIENTS concurrent loops for SECONDS; every answer must be a 200 without error. */
async function measure(label, send) {
  const latencies = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        const response = await send();
        const text = await response.text();
        if (response.status !== 200 || text.includes('"error"') || text.includes('"isError":true')) {
          if (failures++ === 0) console.error(`${label}: first failure: ${response.status} ${text.slice(0, 300)}`);
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { label, requests: latencies.length, failures, rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99) };
}

const state = mkdtempSync(join(tmpdir(), "docx-edge-calls-"));
const logs = mkdtempSync(join(tmpdir(), "docx-edge-calls-logs-"));
const config = ".bench-wrangler.toml";
writeFileSync(
  config,
  readFileSync("wrangler.toml", "utf8").replace(
    /(name = "TENANT_LIMITER"\nnamespace_id = "\d+"\nsimple = \{ limit = )\d+/,
    (_, head) => `${head}1000000`,
  ),
);
const children = [];
try {
  spawnSync(process.execPath, [...wrangler, "d1", "migrations", "apply", "DB", "--local", "-c", config, "--persist-to", state], {
    env,
    stdio: "ignore",
  });
  const mint = (toolSet) =>
    spawnSync(process.execPath, ["scripts/token.mjs", "--tenant", "bench-calls", "--tool-set", toolSet, "--persist-to", state], {
      env,
      encoding: "utf8",
    })
      .stdout.trim()
      .split("\n")
      .pop();
  // The default tool set for every case; the complete set only for its own tools/list row.
  const [token, completeToken] = [mint("compact"), mint("complete")];
  const [productPort, floorPort] = [await freePort(), await freePort()];
  children.push(await startWorker(config, productPort, state), await startWorker("bench/minimal-mcp/wrangler.toml", floorPort, state));
  const mcp = `http://127.0.0.1:${productPort}/mcp`;
  const floorUrl = `http://127.0.0.1:${floorPort}/`;

  const { session } = await call(mcp, token, "document_create", { title: "Bench" });
  await call(mcp, token, "add_element", {
    doc_id: session.id,
    path: "/body/children/0",
    value: JSON.stringify({ type: "paragraph", text: "One short paragraph." }),
  });
  const query = { name: "query", arguments: { doc_id: session.id, path: "/body/paragraph[0]", format: "json" } };

  // Warm both isolates first, so start-up and the first parse are not counted.
  await measure("warm-up", () => rpc(floorUrl, null, "tools/call", { name: "echo", arguments: { text: "hi" } }));
  await measure("warm-up", () => rpc(mcp, token, "tools/call", query));

  const floorCase = () => rpc(floorUrl, null, "tools/call", { name: "echo", arguments: { text: "hi" } });
  const shapes = [
    // Not a target: authentication, limits and the protocol with no tool work, to show where the rest goes.
    ["server/discover (no tool work)", () => rpc(mcp, token, "server/discover", {})],
    ["query of one paragraph", () => rpc(mcp, token, "tools/call", query)],
    ["document_list", () => rpc(mcp, token, "tools/call", { name: "document_list", arguments: {} })],
    ["tools/list (compact, the default)", () => rpc(mcp, token, "tools/list", {})],
    ["tools/list (complete set)", () => rpc(mcp, completeToken, "tools/list", {})],
  ];
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const floor = await measure("floor: echo (minimal MCP Worker)", floorCase);
    const cases = [];
    for (const [label, send] of shapes) cases.push(await measure(label, send));
    rounds.push({ floor, cases });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const summary = (pick) => {
    const runs = rounds.map(pick);
    return {
      label: runs[0].result.label,
      requests: runs.reduce((n, r) => n + r.result.requests, 0),
      failures: runs.reduce((n, r) => n + r.result.failures, 0),
      rps: median(runs.map((r) => r.result.rps)),
      p50: median(runs.map((r) => r.result.p50)),
      p99: median(runs.map((r) => r.result.p99)),
      ratio: median(runs.map((r) => r.result.rps / r.floor.rps)),
    };
  };
  console.log(
    `Small warm calls under wrangler dev: ${CLIENTS} concurrent keep-alive clients, ${ROUNDS} rounds of ${SECONDS} s per case ` +
      "(medians over rounds; each ratio against its own round's floor); target: each >= 0.5x the floor.",
  );
  const rows = [
    summary((r) => ({ result: r.floor, floor: r.floor })),
    ...shapes.map((_, i) => summary((r) => ({ result: r.cases[i], floor: r.floor }))),
  ].map((r) => ({
    case: r.label,
    requests: r.requests,
    failures: r.failures,
    "req/s": r.rps.toFixed(0),
    "p50 ms": r.p50.toFixed(1),
    "p99 ms": r.p99.toFixed(1),
    "vs floor": r.ratio.toFixed(2),
  }));
  console.table(rows);
} finally {
  for (const child of children) child.kill("SIGTERM");
  rmSync(config, { force: true });
  if (process.env.BENCH_KEEP_STATE) console.log(`state in ${state}, wrangler logs in ${logs}`);
  else rmSync(state, { recursive: true, force: true });
}
