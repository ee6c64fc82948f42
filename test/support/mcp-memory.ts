import { DEFAULT_TOOL_SET } from "../../src/auth/principal";
import { handleMcpRequest, type Scope, type ToolSet } from "../../src/mcp/index";
import { DocumentCache, DocumentSessions, type LibraryStore } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";

import { buildDocx, type DocxSpec, W_NS } from "../docx/support/build-docx";
import { callOk } from "./mcp-calls";
import { connectClient, type McpClient, type McpEra } from "./mcp-era";

export { callError, callOk } from "./mcp-calls";

/**
 * The MCP endpoint in Node, over the in-memory stores: the same tools, transport and sessions code as the Worker,
 * without workerd, D1, R2 or the Durable Object (their own suites cover those). Tenants are made up on demand and
 * their "tokens" are only a lookup key here; authentication is tested against the real Worker.
 */
const ORIGIN = "https://docx-edge.test";
const library = new MemoryLibraryStore();
const store = new MemorySessionStore();
const cache = new DocumentCache();
const indexes = new Map<string, MemorySessionIndex>();
/** How a test caller differs from the default: progress period, a library standing in for a slow R2, or tool set. */
type CallerOptions = { progressEveryMs?: number; library?: LibraryStore; toolSet?: ToolSet };
const callers = new Map<string, { tenantId: string; scopes: Scope[]; author: string; toolSet: ToolSet } & CallerOptions>();

/** The library every in-memory tenant shares (keyed by tenant id, like R2). */
export const testLibrary = library;

/** Creates (or reuses) a tenant and a bearer header for it with the given scopes (tool set: the product's default). */
export async function tokenFor(tenantName: string, scopes: Scope[] = ["read", "write"], options: CallerOptions = {}) {
  const tenantId = `tenant-${tenantName}`;
  const token = `memory_${crypto.randomUUID()}`;
  callers.set(token, { tenantId, scopes, author: `${tenantName} owner`, toolSet: DEFAULT_TOOL_SET, ...options });
  return { token, tenantId, headers: { authorization: `Bearer ${token}` } };
}

/** The document sessions of one tenant, as the Worker would build them for a request. */
export function sessionsFor(tenantId: string, tenantLibrary: LibraryStore = library): DocumentSessions {
  let index = indexes.get(tenantId);
  if (!index) {
    index = new MemorySessionIndex();
    indexes.set(tenantId, index);
  }
  return new DocumentSessions({ tenantId, library: tenantLibrary, store, index, cache, background: () => {} });
}

/** Sends a request to /mcp as the Worker would route it after authentication. */
export async function mcpFetch(init: RequestInit): Promise<Response> {
  const request = new Request(`${ORIGIN}/mcp`, init);
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  const caller = callers.get(token);
  if (!caller) throw new Error("mcpFetch needs headers from tokenFor(); authentication is tested in the Worker suites");
  return handleMcpRequest(request, { ...caller, sessions: sessionsFor(caller.tenantId, caller.library) });
}

/** An MCP SDK client (of the suite's era unless given) talking to the in-memory endpoint with the given headers. */
export function connectMcp(headers: Record<string, string>, era?: McpEra): Promise<McpClient> {
  return connectClient(new URL(`${ORIGIN}/mcp`), headers, (_url, init) => mcpFetch(init as RequestInit), era);
}

/** Puts a file in a fresh tenant's library and opens it over MCP, as a user of that tenant would. */
export async function openInLibrary(tenantName: string, fileName: string, bytes: Uint8Array) {
  const auth = await tokenFor(tenantName);
  await library.write(auth.tenantId, fileName, bytes);
  const client = await connectMcp(auth.headers);
  const { session } = await callOk(client, "document_open", { path: fileName });
  return { client, id: session.id as string, tenantId: auth.tenantId };
}

/** A .docx whose settings turn on change tracking, so every edit is written as a revision. */
export const trackingDocx = (spec: DocxSpec): Uint8Array =>
  buildDocx({
    ...spec,
    relationships: { ...spec.relationships, rIdS: ["settings", "settings.xml"] },
    extraParts: {
      ...spec.extraParts,
      "word/settings.xml": `<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="${W_NS}"><w:trackRevisions/></w:settings>`,
    },
  });

/** Reads a library file the way a download link would give it (`/api/files/<encoded name>`). */
export function download(tenantId: string, downloadPath: string): Promise<Uint8Array | null> {
  const name = downloadPath
    .replace(/^\/api\/files\//, "")
    .split("/")
    .map(decodeURIComponent)
    .join("/");
  return library.read(tenantId, name);
}
