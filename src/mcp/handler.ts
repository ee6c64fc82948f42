import { type AuthInfo, createMcpHandler } from "@modelcontextprotocol/server";
import type { ToolContext } from "./context";
import { buildMcpServer } from "./server";

/** The largest JSON-RPC message /mcp reads; the HTTP layer's byte-counting cap is the same. */
export const MCP_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

const TOOL_CONTEXT = "docx-edge/toolContext";

/**
 * One handler per isolate serves both protocol eras: 2026-07-28 requests (server/discover, `_meta`, header checks)
 * and 2025-era requests (initialize, answered statelessly; GET and DELETE get 405). The caller is authenticated in
 * front of it; the tool context travels in the SDK's pass-through auth info, so the factory binds tools to it.
 */
const mcp = createMcpHandler(({ authInfo }) => buildMcpServer(toolContextOf(authInfo)), {
  legacy: "stateless",
  maxRequestBodySize: MCP_MAX_MESSAGE_BYTES,
  // Requests the SDK refuses (bad headers, versions, envelopes) are answered to the client; only the rest is news.
  onerror: (error) => {
    if (!/^Rejected inbound request|Unsupported protocol version/.test(error.message)) console.error("mcp handler", error);
  },
});

function toolContextOf(authInfo: AuthInfo | undefined): ToolContext {
  const ctx = authInfo?.extra?.[TOOL_CONTEXT] as ToolContext | undefined;
  // The HTTP layer authenticates every /mcp request before it gets here; a missing context is a wiring bug.
  if (!ctx) throw new Error("MCP request reached the handler without an authenticated tool context");
  return ctx;
}

/** Serves one Streamable HTTP request for an authenticated caller. */
export async function handleMcpRequest(request: Request, ctx: ToolContext): Promise<Response> {
  const authInfo: AuthInfo = { token: "", clientId: ctx.tenantId, scopes: [...ctx.scopes], extra: { [TOOL_CONTEXT]: ctx } };
  if (request.method !== "POST") return mcp.fetch(request, { authInfo });
  const body = await request.text();
  const refused = batchRefusal(body, request.headers.get("mcp-protocol-version"));
  if (refused) return refused;
  return mcp.fetch(new Request(request.url, { method: "POST", headers: request.headers, body }), { authInfo });
}

/**
 * JSON-RPC batches exist only in protocol revision 2025-03-26 (the assumed version when the header is absent);
 * 2025-06-18 removed them. The SDK refuses them for 2026-07-28 but serves them to any 2025-era request.
 */
function batchRefusal(body: string, version: string | null): Response | null {
  if (!body.trimStart().startsWith("[") || version === null || version <= "2025-03-26") return null;
  const error = {
    code: -32600,
    message: `JSON-RPC batches are not part of MCP protocol revision ${version}; send one message per request.`,
  };
  return new Response(JSON.stringify({ jsonrpc: "2.0", error, id: null }), {
    status: 400,
    headers: { "content-type": "application/json" },
  });
}
