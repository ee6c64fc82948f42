import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { ToolContext } from "./context";
import { buildMcpServer } from "./server";

const jsonRpcError = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/**
 * Serves one Streamable HTTP request. The transport runs stateless (no Mcp-Session-Id), so server and
 * transport are built per request; GET (a server-to-client stream) is not offered until live sessions exist.
 */
export async function handleMcpRequest(request: Request, ctx: ToolContext): Promise<Response> {
  if (request.method === "GET") {
    return jsonRpcError(405, -32000, "Method not allowed: this server does not offer a GET event stream yet; use POST.", { allow: "POST" });
  }
  if (request.method !== "POST") {
    return jsonRpcError(405, -32000, `Method not allowed: ${request.method}. Use POST.`, { allow: "POST" });
  }
  const server = buildMcpServer(ctx);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } catch (error) {
    console.error("mcp transport failure", error);
    return jsonRpcError(500, -32603, "Internal error");
  }
}
