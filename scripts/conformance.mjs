#!/usr/bin/env node
// The official MCP conformance suite (@modelcontextprotocol/conformance) against a running Worker (wrangler dev),
// for the server scenarios that apply to a tools-and-resources server. The suite sends no Authorization header, so a
// loopback proxy adds the bearer token and passes every other header (Host and Origin included) as sent.
// Usage: node scripts/conformance.mjs <base-url> <token>
import { spawn } from "node:child_process";
import { createServer, request as httpRequest } from "node:http";

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  console.error("usage: node scripts/conformance.mjs <base-url> <token>");
  process.exit(2);
}

const SCENARIOS = process.env.SCENARIOS
  ? process.env.SCENARIOS.split(",")
  : ["server-initialize", "ping", "tools-list", "resources-list", "dns-rebinding-protection"];
// Left out on purpose:
// - tools-call-*, prompts-*, completion-complete, logging-set-level, resources-read-*, resources-templates-read,
//   json-schema-2020-12, elicitation-*: they call fixture tools, prompts and test:// resources of the suite's own
//   reference server (test_simple_text, test://static-text, ...), which a document server does not have.
// - resources-subscribe / resources-unsubscribe: 2025-era per-resource subscriptions need a session and a GET stream;
//   docx-edge serves 2025 clients statelessly (GET answers 405) and pushes changes on 2026 subscriptions/listen.
// - server-sse-polling / server-sse-multiple-streams: the same GET streams and Last-Event-ID resumption.

const target = new URL(baseUrl);
const proxy = createServer((req, res) => {
  const upstream = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, authorization: `Bearer ${token}` },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    res.writeHead(502).end(String(error));
  });
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
const url = `http://localhost:${proxy.address().port}/mcp`;

let failed = 0;
for (const scenario of SCENARIOS) {
  // Asynchronously: the proxy runs in this process and must keep serving while the suite runs.
  const { status, output } = await runSuite(scenario);
  const ok = status === 0;
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} conformance ${scenario}`);
  if (!ok) console.log(output.trim().split("\n").slice(-25).join("\n"));
}
proxy.close();

function runSuite(scenario) {
  return new Promise((resolve) => {
    const args = ["node_modules/@modelcontextprotocol/conformance/dist/index.js", "server", "--url", url, "--scenario", scenario];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("close", (status) => resolve({ status, output }));
  });
}
console.log(`conformance: ${SCENARIOS.length - failed} of ${SCENARIOS.length} scenarios passed`);
process.exit(failed === 0 ? 0 : 1);
