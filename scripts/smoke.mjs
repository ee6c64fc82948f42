#!/usr/bin/env node
// Smoke test against a running Worker (wrangler dev): the MCP SDK client from Node, as a real client connects.
// Usage: node scripts/smoke.mjs <base-url> <token>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  console.error("usage: node scripts/smoke.mjs <base-url> <token>");
  process.exit(2);
}

const step = (name, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  if (!ok) process.exitCode = 1;
  return ok;
};

const unauthorized = await fetch(new URL("/mcp", baseUrl), { method: "POST", body: "{}" });
step("unauthenticated /mcp is refused with 401", unauthorized.status === 401, String(unauthorized.status));

const client = new Client({ name: "docx-edge-smoke", version: "1.0.0" });
await client.connect(
  new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
);
step("initialize", client.getServerVersion()?.name === "docx-edge", JSON.stringify(client.getServerVersion()));

const { tools } = await client.listTools();
const names = tools.map((t) => t.name);
step(
  "tools/list",
  ["document_create", "document_open", "document_list", "document_save", "document_close"].every((n) => names.includes(n)),
  names.join(", "),
);
// The token has the default (compact) set: edits are listed as apply_patch, yet add_element and insert_text below are
// called by name.
step("tools/list is the compact set", names.includes("apply_patch") && !names.includes("add_element"), `${names.length} tools`);

const created = await client.callTool({ name: "document_create", arguments: { title: "smoke" } });
const id = created.structuredContent?.session?.id;
step("document_create", !created.isError && typeof id === "string", id);

const listed = await client.callTool({ name: "document_list", arguments: {} });
step(
  "document_list shows it",
  listed.structuredContent?.sessions?.some((s) => s.id === id),
);

await client.callTool({
  name: "add_element",
  arguments: { doc_id: id, path: "/body/children/0", value: JSON.stringify({ type: "paragraph", text: "Concurrent" }) },
});
// Calls on one session arrive as separate requests; one isolate serializes them, and each must still run in its own
// request's I/O context (a waiter chained onto another request's promise fails with "different request").
const query = { name: "query", arguments: { doc_id: id, path: "/body/paragraph[0]", format: "json" } };
const insert = { name: "insert_text", arguments: { doc_id: id, path: "/body/paragraph[0]", offset: 0, text: "x" } };
// 10 bursts of 8 calls at once (below the per-tenant limit of 120 requests in 10 s), the first 8 calls inserting.
const failed = [];
let inserts = 0;
for (let burst = 0; burst < 10; burst++) {
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => client.callTool(burst === i ? insert : query)));
  for (const [i, result] of results.entries()) {
    if (result.isError) failed.push(result);
    else if (burst === i) inserts++;
  }
}
step("concurrent calls on one session all succeed", failed.length === 0, failed[0] ? JSON.stringify(failed[0].content).slice(0, 200) : "");
const text = (await client.callTool(query)).structuredContent?.items?.[0]?.text;
step("and every insert among them landed once", text === `${"x".repeat(inserts)}Concurrent`, `${inserts} inserts: ${text}`);

const closed = await client.callTool({ name: "document_close", arguments: { doc_id: id, discard: true } });
step("document_close", !closed.isError && closed.structuredContent?.closed === id);

await client.close();
console.log(process.exitCode ? "smoke test FAILED" : "smoke test passed");
