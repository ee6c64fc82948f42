import { type AuthInfo, type CreateMcpHandlerOptions, createMcpHandler, type McpServerFactory } from "@modelcontextprotocol/server";
import type { ToolContext } from "./context";
import { feedListen, ListenRefusal, planListen } from "./listen";
import { buildMcpServer } from "./server";
import { toToolFailure } from "./tool-result";

/** The largest JSON-RPC message /mcp reads; the HTTP layer's byte-counting cap is the same. */
export const MCP_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** How often an open listen stream checks its token and its hub link, and the SDK writes a keep-alive comment. */
export const LISTEN_CHECK_EVERY_MS = 15_000;

const TOOL_CONTEXT = "docx-edge/toolContext";

const factory: McpServerFactory = ({ authInfo, era }) => buildMcpServer(toolContextOf(authInfo), era);

const options: CreateMcpHandlerOptions = {
  legacy: "stateless",
  maxRequestBodySize: MCP_MAX_MESSAGE_BYTES,
  // Requests the SDK refuses (bad headers, versions, envelopes) are answered to the client; only the rest is news.
  onerror: (error) => {
    if (!/^Rejected inbound request|Unsupported protocol version|subscriptions\/listen refused/.test(error.message))
      console.error("mcp handler", error);
  },
};

/**
 * One handler per isolate serves both protocol eras: 2026-07-28 requests (server/discover, `_meta`, header checks)
 * and 2025-era requests (initialize, answered statelessly; GET and DELETE get 405). The caller is authenticated in
 * front of it; the tool context travels in the SDK's pass-through auth info, so the factory binds tools to it.
 */
const mcp = createMcpHandler(factory, options);

function toolContextOf(authInfo: AuthInfo | undefined): ToolContext {
  const ctx = authInfo?.extra?.[TOOL_CONTEXT] as ToolContext | undefined;
  // The HTTP layer authenticates every /mcp request before it gets here; a missing context is a wiring bug.
  if (!ctx) throw new Error("MCP request reached the handler without an authenticated tool context");
  return ctx;
}

/** Serves one Streamable HTTP request for an authenticated caller; `body` is its text when the caller already read it. */
export async function handleMcpRequest(request: Request, ctx: ToolContext, body?: string): Promise<Response> {
  const authInfo: AuthInfo = { token: "", clientId: ctx.tenantId, scopes: [...ctx.scopes], extra: { [TOOL_CONTEXT]: ctx } };
  if (request.method !== "POST") return mcp.fetch(request, { authInfo });
  // The body is parsed once here and handed on parsed; text that is not JSON goes to the SDK as it came, so it
  // answers the parse error.
  const text = body ?? (await request.text());
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return mcp.fetch(new Request(request.url, { method: "POST", headers: request.headers, body: text, signal: request.signal }), {
      authInfo,
    });
  }
  const refused = batchRefusal(message, request.headers.get("mcp-protocol-version"));
  if (refused) return refused;
  if (ctx.listen && isModernListen(message)) return serveListen(message, request, ctx, authInfo);
  return mcp.fetch(request, { authInfo, parsedBody: message });
}

type ListenMessage = { id?: unknown; method: "subscriptions/listen"; params?: Record<string, unknown> };

/** A 2026-07-28 `subscriptions/listen` request (it carries the per-request `_meta` envelope). */
function isModernListen(message: unknown): message is ListenMessage {
  const m = message as { method?: unknown; params?: { _meta?: unknown } } | null;
  return m?.method === "subscriptions/listen" && m.params?._meta !== undefined;
}

/**
 * A listen gets a handler of its own whose event bus is fed by this tenant's hub, so no stream can hear another
 * tenant's events; what it may hear is narrowed before the SDK acknowledges it.
 */
async function serveListen(message: ListenMessage, request: Request, ctx: ToolContext, authInfo: AuthInfo): Promise<Response> {
  let plan: Awaited<ReturnType<typeof planListen>>;
  try {
    plan = await planListen(message, ctx);
  } catch (error) {
    if (error instanceof ListenRefusal) return jsonRpcError(message.id, error.code, error.message);
    throw error;
  }
  let stream = null;
  if (plan.keys.length > 0 && ctx.listen) {
    try {
      stream = await ctx.listen(plan.keys, request.signal);
    } catch (error) {
      const failure = toToolFailure(error);
      const code = failure.kind === "quota_exceeded" ? -32603 : -32602;
      return jsonRpcError(message.id, code, failure.message);
    }
  }
  const everyMs = ctx.listenCheckEveryMs ?? LISTEN_CHECK_EVERY_MS;
  const feed = feedListen(ctx, plan, stream, everyMs);
  const handler = createMcpHandler(factory, { ...options, bus: feed.bus, keepAliveMs: everyMs });
  return feed.wrap(await handler.fetch(request, { authInfo, parsedBody: plan.message }));
}

/**
 * JSON-RPC batches exist only in protocol revision 2025-03-26 (the assumed version when the header is absent);
 * 2025-06-18 removed them. The SDK refuses them for 2026-07-28 but serves them to any 2025-era request.
 */
function batchRefusal(message: unknown, version: string | null): Response | null {
  if (!Array.isArray(message) || version === null || version <= "2025-03-26") return null;
  return jsonRpcError(
    null,
    -32600,
    `JSON-RPC batches are not part of MCP protocol revision ${version}; send one message per request.`,
    400,
  );
}

/** A JSON-RPC error answer of this layer's own (the SDK answers its own refusals). */
function jsonRpcError(id: unknown, code: number, message: string, status = 200): Response {
  return new Response(JSON.stringify({ jsonrpc: "2.0", id: id ?? null, error: { code, message } }), {
    status,
    headers: { "content-type": "application/json" },
  });
}
