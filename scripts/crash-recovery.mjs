#!/usr/bin/env node
// `npm run crash-recovery`: proves an acknowledged edit survives the death of the process that served it. Starts
// `wrangler dev` on fresh local state, opens a library document over /mcp, edits it, and as soon as the edit is
// acknowledged kills wrangler and workerd with SIGKILL (no shutdown, no flush). A new `wrangler dev` on the same
// state must then show the edit, list it in history, and save it to the library.
// Then the 503 "Your worker restarted mid-request": wrangler's proxy answers it to a POST in flight when workerd
// exits and miniflare starts a new one (a crash, e.g. out of memory, or a reload). The script runs the slow calls of
// issue 14 (the L report and the 60 MB report: open, edit, save) sampling workerd's memory, then kills workerd alone
// during a slow call to show that exact answer, and that the edit of that unacknowledged call can be retried.
// Prints each step and workerd's memory; exits non-zero when a check fails.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { buildDocx, p } from "../test/docx/support/build-docx.ts";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" };
const wrangler = "node_modules/wrangler/bin/wrangler.js";
const state = mkdtempSync(join(tmpdir(), "docx-edge-crash-"));
let failures = 0;

const step = (name, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
  return ok;
};

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** wrangler dev in its own process group, so one kill reaches workerd too. */
async function startWorker(port) {
  const log = openSync(join(state, `wrangler-${port}.log`), "w");
  const child = spawn(process.execPath, [wrangler, "dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state], {
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not start on port ${port}; see ${join(state, `wrangler-${port}.log`)}`);
}

/** The live processes of wrangler's session (it leads its own: detached), as "pid rss command state" lines. */
const sessionProcesses = (leader) =>
  spawnSync("ps", ["-o", "pid=,rss=,comm=,stat=", "-s", String(leader)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter((l) => l.trim() && !/\sZ\S*$/.test(l)); // a killed child nobody reaped yet is a zombie: dead

/** Resident memory of every workerd process wrangler started, in MB. */
function workerdMemory(leader) {
  return sessionProcesses(leader)
    .filter((l) => l.includes("workerd"))
    .map((l) => Number(l.trim().split(/\s+/)[1]) / 1024)
    .reduce((a, b) => a + b, 0);
}

/** One tools/call as a stateless client sends it; the raw response. */
function postCall(base, token, name, args) {
  return fetch(`${base}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-06-18",
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }),
  });
}

async function call(base, token, name, args) {
  const response = await postCall(base, token, name, args);
  const text = await response.text();
  const body = JSON.parse(text.startsWith("{") ? text : (text.split("\ndata: ")[1] ?? "{}"));
  if (!response.ok || body.error || body.result?.isError) throw new Error(`${name}: ${response.status} ${text.slice(0, 300)}`);
  return body.result.structuredContent;
}

/** Samples workerd's resident memory every 50 ms while `run` goes; returns its result, the peak and the time. */
async function sampled(leader, run) {
  let peak = workerdMemory(leader);
  const timer = setInterval(() => {
    peak = Math.max(peak, workerdMemory(leader));
  }, 50);
  const started = performance.now();
  try {
    return { result: await run(), peak, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, workerdMemory(leader));
  }
}

const CORPUS = new URL("../../shared/corpus/generated/", import.meta.url).pathname;
const SIXTY_MB = join(tmpdir(), "docx-edge-bench-60MB.docx"); // written by `npm run bench`

async function slowCalls(base, token, leader) {
  const upload = (name, bytes) =>
    fetch(`${base}/api/files/${name}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
      body: bytes,
    });
  const documents = [
    ["L.docx", join(CORPUS, "L.docx")],
    ["60MB.docx", SIXTY_MB],
  ];
  for (const [name, path] of documents) {
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch {
      console.log(`skip ${name}: ${path} is missing (run npm run bench once to build the 60 MB report)`);
      continue;
    }
    step(`upload ${name} (${(bytes.length / 1048576).toFixed(1)} MB)`, (await upload(name, bytes)).ok);
    const open = await sampled(leader, () => call(base, token, "document_open", { path: name, auto_save: false }));
    const id = open.result.session.id;
    const edit = await sampled(leader, () =>
      call(base, token, "insert_text", { doc_id: id, path: "/body/paragraph[3]", text: "Edited. ", offset: 0 }),
    );
    const save = await sampled(leader, () => call(base, token, "document_save", { doc_id: id }));
    const after = await call(base, token, "query", { doc_id: id, path: "/body/paragraph[3]", format: "json" });
    step(
      `${name}: open ${open.ms.toFixed(0)} ms, edit ${edit.ms.toFixed(0)} ms, save ${save.ms.toFixed(0)} ms, no 503`,
      after.items?.[0]?.text?.startsWith("Edited. "),
      `workerd peak ${Math.max(open.peak, edit.peak, save.peak).toFixed(0)} MB`,
    );
    await call(base, token, "document_close", { doc_id: id, discard: true });
  }

  // The 503 itself: workerd dies while a POST is in flight (as it does when it runs out of memory).
  const big = existsSync(SIXTY_MB) ? "60MB.docx" : "report.docx";
  const pending = postCall(base, token, "document_open", { path: big });
  await new Promise((r) => setTimeout(r, 150));
  // wrangler runs two workerd processes: its proxy (which answers the 503) and the Worker's own, which holds the
  // documents and so is the larger one.
  const [worker] = sessionProcesses(leader)
    .filter((l) => l.includes("workerd"))
    .map((l) => l.trim().split(/\s+/).map(Number))
    .sort((a, b) => b[1] - a[1]);
  process.kill(worker[0], "SIGKILL");
  const answer = await pending;
  const text = await answer.text();
  // Which answer depends on whether miniflare registered the new workerd before the proxy saw the connection drop:
  // 503 "restarted mid-request" then (a slow death: an out-of-memory abort, a reload), 500 "Network connection lost"
  // otherwise (SIGKILL is instant). Either way the call was never acknowledged.
  step(
    "workerd killed mid-request: the POST is refused, not acknowledged",
    (answer.status === 503 && text.includes("Your worker restarted mid-request")) ||
      (answer.status === 500 && text.includes("Network connection lost")),
    `${answer.status} ${text.split("\n")[0].slice(0, 100)}`,
  );
  for (
    let i = 0;
    i < 60 &&
    !(await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 500));
  const again = await call(base, token, "document_open", { path: big, auto_save: false });
  step("miniflare started a new workerd and the same call succeeds when retried", typeof again.session?.id === "string");
}

let child = null;
try {
  spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { env, stdio: "ignore" });
  const token = spawnSync(process.execPath, ["scripts/token.mjs", "--tenant", "crash", "--persist-to", state], { env, encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .pop();
  const port = await freePort();
  child = await startWorker(port);
  const base = `http://127.0.0.1:${port}`;

  const source = buildDocx({ body: p("Quarterly report") + p("Revenue grew.") });
  const put = await fetch(`${base}/api/files/report.docx`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
    body: source,
  });
  step("upload report.docx", put.ok, String(put.status));
  const { session } = await call(base, token, "document_open", { path: "report.docx", auto_save: false });
  const edited = await call(base, token, "insert_text", {
    doc_id: session.id,
    path: "/body/paragraph[1]",
    text: " Costs fell.",
    offset: 13,
  });
  step("insert_text acknowledged", edited.position === 1, `position ${edited.position}`);
  const before = workerdMemory(child.pid);

  // No graceful shutdown: the whole group (wrangler, workerd) dies at once, right after the acknowledgement.
  process.kill(-child.pid, "SIGKILL");
  await new Promise((r) => child.once("exit", r));
  await new Promise((r) => setTimeout(r, 200));
  const left = sessionProcesses(child.pid);
  step(
    "wrangler and workerd killed with SIGKILL",
    before > 0 && left.length === 0,
    `workerd held ${before.toFixed(0)} MB; ${left.length} processes left`,
  );

  child = await startWorker(port);
  const query = await call(base, token, "query", { doc_id: session.id, path: "/body/paragraph[1]", format: "json" });
  step(
    "the edit is there after the restart",
    query.items?.[0]?.text === "Revenue grew. Costs fell.",
    JSON.stringify(query.items?.[0]?.text),
  );
  const history = await call(base, token, "document_history", { doc_id: session.id });
  step("history lists the one edit", history.total === 1, `total ${history.total}`);
  await call(base, token, "document_save", { doc_id: session.id });
  const saved = new Uint8Array(
    await (await fetch(`${base}/api/files/report.docx`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(),
  );
  const xml = new TextDecoder().decode(unzipSync(saved)["word/document.xml"]);
  step("document_save writes it to the library", xml.includes("Costs fell."));
  console.log(`workerd after the restart: ${workerdMemory(child.pid).toFixed(0)} MB`);
  await slowCalls(base, token, child.pid);
} catch (error) {
  step("crash recovery run", false, error.message);
  try {
    console.log(readFileSync(join(state, "wrangler.log"), "utf8").slice(-2000));
  } catch {}
} finally {
  if (child && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  if (process.env.CRASH_KEEP_STATE) console.log(`state and logs in ${state}`);
  else rmSync(state, { recursive: true, force: true });
}
console.log(failures ? "crash recovery FAILED" : "crash recovery passed: an acknowledged edit survived SIGKILL");
process.exitCode = failures ? 1 : 0;
