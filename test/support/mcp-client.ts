import { exports } from "cloudflare:workers";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";

export const ORIGIN = "https://docx-edge.test";

/** Sends a request to the Worker under test, as a client on the network would. */
export function workerFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(typeof input === "string" && input.startsWith("/") ? ORIGIN + input : input, init);
  return exports.default.fetch(request);
}

/** An MCP SDK client talking to the Worker's /mcp endpoint with the given headers. */
export async function connectMcp(headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "docx-edge-tests", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  const transport = new StreamableHTTPClientTransport(new URL(`${ORIGIN}/mcp`), {
    requestInit: { headers },
    fetch: (url, init) => workerFetch(String(url), init as RequestInit),
  });
  await client.connect(transport);
  return client;
}

export { callError, callOk } from "./mcp-calls";
