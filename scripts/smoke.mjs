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

const created = await client.callTool({ name: "document_create", arguments: { title: "smoke" } });
const id = created.structuredContent?.session?.id;
step("document_create", !created.isError && typeof id === "string", id);

const listed = await client.callTool({ name: "document_list", arguments: {} });
step(
  "document_list shows it",
  listed.structuredContent?.sessions?.some((s) => s.id === id),
);

const closed = await client.callTool({ name: "document_close", arguments: { doc_id: id } });
step("document_close", !closed.isError && closed.structuredContent?.closed === id);

await client.close();
console.log(process.exitCode ? "smoke test FAILED" : "smoke test passed");
