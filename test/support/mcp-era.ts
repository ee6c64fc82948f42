import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from "@modelcontextprotocol/client";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";

/**
 * The protocol era the MCP test clients speak: `modern` (2026-07-28, SDK v2 client pinned to it) unless the
 * MCP_ERA environment variable says `legacy` (the 2025-era SDK 1.x client), so one suite covers both eras.
 */
export type McpEra = "modern" | "legacy";

export const TEST_ERA: McpEra =
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.MCP_ERA === "legacy" ? "legacy" : "modern";

/** What the tests use of a client, the same in both SDKs. */
export interface McpClient {
  /** Options as the SDK v2 client takes them (SDK 1.x puts a result schema first; the legacy wrapper adapts). */
  callTool(params: { name: string; arguments?: Record<string, unknown> }, options?: { onprogress?: (progress: any) => void }): Promise<any>;
  listTools(params?: { cursor?: string }): Promise<{ tools: any[]; nextCursor?: string }>;
  listResources(params?: { cursor?: string }): Promise<{ resources: any[]; nextCursor?: string }>;
  listResourceTemplates(params?: { cursor?: string }): Promise<{ resourceTemplates: any[]; nextCursor?: string }>;
  readResource(params: { uri: string }): Promise<{ contents: any[] }>;
  getServerVersion(): { name: string; version: string } | undefined;
  close(): Promise<void>;
}

type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** Connects an SDK client of the given era to an /mcp URL through a fetch function (never dialled). */
export async function connectClient(
  url: URL,
  headers: Record<string, string>,
  fetch: FetchLike,
  era: McpEra = TEST_ERA,
): Promise<McpClient> {
  const info = { name: "docx-edge-tests", version: "1.0.0" };
  if (era === "legacy") {
    const client = new LegacyClient(info, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
    await client.connect(new LegacyTransport(url, { requestInit: { headers }, fetch }));
    const original = client.callTool.bind(client);
    const callTool: McpClient["callTool"] = (params, options) => original(params, undefined, options);
    return Object.assign(client, { callTool }) as unknown as McpClient;
  }
  const client = new ModernClient(info, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  await client.connect(new ModernTransport(url, { requestInit: { headers }, fetch }));
  return client as unknown as McpClient;
}
