import { describe, expect, it } from "vitest";
import { jsonRpcBody } from "../support/json-rpc";
import { mcpFetch, tokenFor } from "../support/mcp-memory";

const MODERN = "2026-07-28";
const envelope = { "io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {} };

/** POSTs one raw JSON-RPC body to /mcp as a tenant (a write token with the default tool set unless given). */
async function post(body: unknown, headers: Record<string, string> = {}, caller: Parameters<typeof tokenFor> = ["raw-protocol"]) {
  const auth = (await tokenFor(...caller)).headers;
  return mcpFetch({
    method: "POST",
    headers: { ...auth, "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
}

const modern = (
  method: string,
  params: Record<string, unknown> = {},
  extra: Record<string, string> = {},
  caller?: Parameters<typeof tokenFor>,
) =>
  post(
    { jsonrpc: "2.0", id: 7, method, params: { ...params, _meta: envelope } },
    { "mcp-protocol-version": MODERN, "mcp-method": method, ...extra },
    caller,
  );

describe("MCP 2026-07-28 over raw HTTP", () => {
  it("answers server/discover with the supported version, only the capabilities it delivers and a cache hint", async () => {
    const res = await modern("server/discover");
    expect(res.status).toBe(200);
    const { result } = await jsonRpcBody(res);
    expect(result.supportedVersions).toContain(MODERN);
    expect(result.capabilities.tools).toEqual({ listChanged: false });
    expect(result.capabilities.prompts).toBeUndefined();
    expect(result.capabilities.logging).toBeUndefined();
    expect(result).toMatchObject({ resultType: "complete", ttlMs: 300_000, cacheScope: "public" });
  });

  it("lists the default (compact) tool set with a public cache hint and calls one named in Mcp-Name", async () => {
    const list = await jsonRpcBody(await modern("tools/list"));
    expect(list.result.tools.map((t: { name: string }) => t.name)).toContain("apply_patch");
    expect(list.result.tools.length).toBeGreaterThan(20);
    expect(list.result).toMatchObject({ ttlMs: 300_000, cacheScope: "public" });
    const call = await jsonRpcBody(await modern("tools/call", { name: "document_list", arguments: {} }, { "mcp-name": "document_list" }));
    expect(call.result.isError).toBeFalsy();
    expect(call.result.structuredContent).toHaveProperty("total");
  });

  // Only the default list is the same for most callers; the complete set and a read token's list are the caller's own.
  it.each([
    ["the complete tool set", ["raw-complete", undefined, { toolSet: "complete" }]],
    ["a read-only token", ["raw-read", ["read"]]],
  ] as [string, Parameters<typeof tokenFor>][])("lists tools with a private cache hint for %s", async (_label, caller) => {
    const list = await jsonRpcBody(await modern("tools/list", {}, {}, caller));
    expect(list.result.tools.length).toBeGreaterThan(10);
    expect(list.result).toMatchObject({ ttlMs: 300_000, cacheScope: "private" });
  });

  it.each([
    ["a missing MCP-Protocol-Version header", { "mcp-method": "tools/list" }, "tools/list"],
    ["an Mcp-Method header naming another method", { "mcp-protocol-version": MODERN, "mcp-method": "tools/call" }, "tools/list"],
  ])("refuses %s with 400 and -32020", async (_what, headers, method) => {
    const res = await post({ jsonrpc: "2.0", id: 1, method, params: { _meta: envelope } }, headers);
    expect(res.status).toBe(400);
    expect((await jsonRpcBody(res)).error.code).toBe(-32020);
  });

  it("refuses a tools/call whose Mcp-Name is missing or names another tool with -32020", async () => {
    for (const name of [undefined, "document_open"]) {
      const res = await modern("tools/call", { name: "document_list", arguments: {} }, name ? { "mcp-name": name } : {});
      expect(res.status).toBe(400);
      expect((await jsonRpcBody(res)).error.code).toBe(-32020);
    }
  });

  it("refuses an unsupported protocol version with 400, -32022 and the supported list", async () => {
    const res = await post(
      {
        jsonrpc: "2.0",
        id: 1,
        method: "tools/list",
        params: { _meta: { ...envelope, "io.modelcontextprotocol/protocolVersion": "2099-01-01" } },
      },
      { "mcp-protocol-version": "2099-01-01", "mcp-method": "tools/list" },
    );
    expect(res.status).toBe(400);
    const { error } = await jsonRpcBody(res);
    expect(error.code).toBe(-32022);
    expect(error.data.supported).toContain(MODERN);
  });

  it("refuses a request without client capabilities in _meta with 400 and -32602", async () => {
    const res = await post(
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: { "io.modelcontextprotocol/protocolVersion": MODERN } } },
      { "mcp-protocol-version": MODERN, "mcp-method": "tools/list" },
    );
    expect(res.status).toBe(400);
    expect((await jsonRpcBody(res)).error.code).toBe(-32602);
  });

  it("answers an unknown method (and the removed ping) with 404 and -32601", async () => {
    for (const method of ["documents/frobnicate", "ping"]) {
      const res = await modern(method);
      expect(res.status).toBe(404);
      expect((await jsonRpcBody(res)).error.code).toBe(-32601);
    }
  });

  it("accepts a notification with 202 and no body", async () => {
    const res = await post(
      { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 3, _meta: envelope } },
      { "mcp-protocol-version": MODERN, "mcp-method": "notifications/cancelled" },
    );
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("");
  });
});

describe("MCP 2025-era requests on the same endpoint", () => {
  it.each(["2025-06-18", "2025-11-25", MODERN])("refuses a JSON-RPC batch under %s with 400 and -32600", async (version) => {
    const res = await post([{ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: envelope } }], {
      "mcp-protocol-version": version,
    });
    expect(res.status).toBe(400);
    expect((await jsonRpcBody(res)).error.code).toBe(-32600);
  });

  it("still serves a batch under 2025-03-26, which allowed them", async () => {
    const res = await post([{ jsonrpc: "2.0", id: 1, method: "tools/list" }], { "mcp-protocol-version": "2025-03-26" });
    expect(res.status).toBe(200);
  });

  it("serves a stateless 2025 tools/list without initialize and answers GET and DELETE with 405", async () => {
    const list = await jsonRpcBody(await post({ jsonrpc: "2.0", id: 1, method: "tools/list" }, { "mcp-protocol-version": "2025-06-18" }));
    expect(list.result.tools.map((t: { name: string }) => t.name)).toContain("apply_patch");
    expect(list.result.ttlMs).toBeUndefined();
    const auth = (await tokenFor("raw-protocol")).headers;
    for (const method of ["GET", "DELETE"]) {
      const res = await mcpFetch({ method, headers: { ...auth, accept: "text/event-stream" } });
      expect(res.status).toBe(405);
    }
  });
});
