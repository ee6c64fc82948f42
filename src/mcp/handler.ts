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
  onerror: (error) => console.error("mcp handler", error),
});

function toolContextOf(authInfo: AuthInfo | undefined): ToolContext {
  const ctx = authInfo?.extra?.[TOOL_CONTEXT] as ToolContext | undefined;
  // The HTTP layer authenticates every /mcp request before it gets here; a missing context is a wiring bug.
  if (!ctx) throw new Error("MCP request reached the handler without an authenticated tool context");
  return ctx;
}

/** Serves one Streamable HTTP request for an authenticated caller. */
export function handleMcpRequest(request: Request, ctx: ToolContext): Promise<Response> {
  const authInfo: AuthInfo = { token: "", clientId: ctx.tenantId, scopes: [...ctx.scopes], extra: { [TOOL_CONTEXT]: ctx } };
  return mcp.fetch(request, { authInfo });
}
