import type { CallToolResult } from "@modelcontextprotocol/server";
import type { McpClient as Client } from "./mcp-era";

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
