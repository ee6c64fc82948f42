import { exports } from "cloudflare:workers";
import { connectClient, type McpClient, type McpEra } from "./mcp-era";

export const ORIGIN = "https://docx-edge.test";

/** Sends a request to the Worker under test, as a client on the network would. */
export function workerFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(typeof input === "string" && input.startsWith("/") ? ORIGIN + input : input, init);
  return exports.default.fetch(request);
}

/** An MCP SDK client (of the suite's era unless given) talking to the Worker's /mcp endpoint with the given headers. */
export function connectMcp(headers: Record<string, string>, era?: McpEra): Promise<McpClient> {
  return connectClient(new URL(`${ORIGIN}/mcp`), headers, (url, init) => workerFetch(String(url), init as RequestInit), era);
}

export { callError, callOk } from "./mcp-calls";
