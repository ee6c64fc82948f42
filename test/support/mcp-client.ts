import { exports } from "cloudflare:workers";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
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

/** Calls a tool and returns its structured result, failing the test with the tool's message if it errored. */
export async function callOk<T = Record<string, any>>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** Calls a tool that must fail and returns its structured error. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ kind: string; message: string; [k: string]: unknown }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (!result.isError) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(result.structuredContent)}`);
  const structured = result.structuredContent as { error?: { kind: string; message: string } } | undefined;
  if (structured?.error) return structured.error;
  // Argument validation errors come from the SDK itself, as text only.
  const text = (result.content as { type: string; text: string }[]).map((c) => c.text).join("\n");
  return { kind: "invalid_arguments", message: text };
}
