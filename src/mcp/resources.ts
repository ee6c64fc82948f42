import {
  type CallToolResult,
  ProtocolError,
  ProtocolErrorCode,
  type ReadResourceResult,
  type Resource,
  type Server,
} from "@modelcontextprotocol/server";
import type { ToolContext } from "./context";
import { ELEMENT_GRAMMAR } from "./element-grammar";
import { toToolFailure } from "./tool-result";

/** The most characters one resource read returns (claude.ai caps results around 150,000). */
export const MAX_RESOURCE_CHARS = 100_000;
const PAGE_SIZE = 50;

/** "100,000": grouped by hand, since the first toLocaleString in an isolate loads ICU (about 19 ms of startup). */
function charCount(): string {
  return String(MAX_RESOURCE_CHARS).replace(/\B(?=(\d{3})+$)/g, ",");
}

/**
 * The tenant's library files and open documents as MCP resources, for clients that browse resources. URIs name no
 * tenant: every list and read resolves inside the caller's own tenant, so another tenant's ids resolve to nothing.
 */
export const RESOURCE_TEMPLATES = [
  {
    name: "document",
    title: "Open document as Markdown",
    uriTemplate: "docx://documents/{doc_id}",
    mimeType: "text/markdown",
    description: `An open editing session's document as Markdown (the first ${charCount()} characters; read further with the query tool).`,
  },
  {
    name: "document-outline",
    title: "Open document's outline",
    uriTemplate: "docx://documents/{doc_id}/outline",
    mimeType: "text/plain",
    description: "The headings of an open document, one per line with their ids, to pick what to read with query.",
  },
  {
    name: "library-file",
    title: "Library file",
    uriTemplate: "docx://library/{name}",
    mimeType: "application/json",
    description: "A file in your library (name percent-encoded): its size, upload time and version; open it with document_open.",
  },
] as const;

/** Reference text the tools point to instead of repeating it in every description. */
export const GRAMMAR_URI = "docx://reference/element-grammar";
const GRAMMAR_RESOURCE: Resource = {
  uri: GRAMMAR_URI,
  name: "element-grammar",
  title: "How to write element values and positions",
  mimeType: "text/plain",
  description: "The JSON element values add_element, replace_element and apply_patch take, with examples, and the insertion positions.",
};

export const documentUri = (docId: string) => `docx://documents/${encodeURIComponent(docId)}`;
export const outlineUri = (docId: string) => `${documentUri(docId)}/outline`;
export const libraryUri = (name: string) => `docx://library/${encodeURIComponent(name)}`;

/** Links a tool result to the open document's resources, for clients that browse them. */
export function withDocumentLinks(result: CallToolResult, docId: string, title: string): CallToolResult {
  const links: CallToolResult["content"] = [
    { type: "resource_link", uri: documentUri(docId), name: title, mimeType: "text/markdown", description: "The document as Markdown" },
    {
      type: "resource_link",
      uri: outlineUri(docId),
      name: `${title} (outline)`,
      mimeType: "text/plain",
      description: "Its headings with ids",
    },
  ];
  return { ...result, content: [...result.content, ...links] };
}

type ResourceRef = { kind: "document" | "outline"; docId: string } | { kind: "library"; name: string };

/** The resource a docx-edge URI names, or null for any other URI. */
export function parseResourceUri(uri: string): ResourceRef | null {
  const doc = /^docx:\/\/documents\/([^/]+)(\/outline)?$/.exec(uri);
  const lib = /^docx:\/\/library\/([^/]+)$/.exec(uri);
  try {
    if (doc) return { kind: doc[2] ? "outline" : "document", docId: decodeURIComponent(doc[1]) };
    if (lib) return { kind: "library", name: decodeURIComponent(lib[1]) };
  } catch {
    // A malformed percent-escape names nothing.
  }
  return null;
}

/** Resources/list pages: open sessions first, then library files; the cursor says where the last page stopped. */
type ListCursor = { source: "sessions"; offset: number } | { source: "library"; after?: string };

const encodeCursor = (cursor: ListCursor) => btoa(JSON.stringify(cursor));

function decodeCursor(cursor: string | undefined): ListCursor {
  if (cursor === undefined) return { source: "sessions", offset: 0 };
  try {
    const parsed = JSON.parse(atob(cursor)) as ListCursor;
    if (parsed.source === "sessions" && Number.isInteger(parsed.offset) && parsed.offset >= 0) return parsed;
    if (parsed.source === "library" && (parsed.after === undefined || typeof parsed.after === "string")) return parsed;
  } catch {
    // Reported below.
  }
  throw new ProtocolError(
    ProtocolErrorCode.InvalidParams,
    "Invalid cursor: pass the nextCursor of the previous resources/list page unchanged.",
  );
}

async function listPage(ctx: ToolContext, cursor: ListCursor): Promise<{ resources: Resource[]; nextCursor?: string }> {
  if (cursor.source === "sessions") {
    const page = await ctx.sessions.list({ offset: cursor.offset, limit: PAGE_SIZE });
    const resources = page.sessions.flatMap((s): Resource[] => [
      { uri: documentUri(s.id), name: s.title, title: s.title, mimeType: "text/markdown", description: `Open document (session ${s.id})` },
      { uri: outlineUri(s.id), name: `${s.title} (outline)`, mimeType: "text/plain" },
    ]);
    const next: ListCursor = page.nextOffset !== null ? { source: "sessions", offset: page.nextOffset } : { source: "library" };
    return { resources: cursor.offset === 0 ? [GRAMMAR_RESOURCE, ...resources] : resources, nextCursor: encodeCursor(next) };
  }
  const page = await ctx.sessions.libraryFiles({ cursor: cursor.after, limit: PAGE_SIZE });
  const resources = page.files.map(
    (f): Resource => ({ uri: libraryUri(f.name), name: f.name, mimeType: "application/json", size: f.size, description: "Library file" }),
  );
  return { resources, ...(page.cursor ? { nextCursor: encodeCursor({ source: "library", after: page.cursor }) } : {}) };
}

async function read(ctx: ToolContext, uri: string): Promise<ReadResourceResult> {
  if (uri === GRAMMAR_URI) return { contents: [{ uri, mimeType: "text/plain", text: ELEMENT_GRAMMAR }] };
  const ref = parseResourceUri(uri);
  if (!ref) throw notFound(uri, "it is not a docx-edge resource URI (see resources/templates/list)");
  try {
    if (ref.kind === "library") {
      const info = await ctx.sessions.libraryFile(ref.name);
      if (!info) throw notFound(uri, `your library has no file named ${ref.name}`);
      const text = JSON.stringify({
        name: info.name,
        size: info.size,
        uploaded_at: info.uploadedAt,
        version: info.etag,
        open_with: "document_open",
      });
      return { contents: [{ uri, mimeType: "application/json", text }] };
    }
    const text = await ctx.sessions.history.read(ref.docId, (doc) => {
      if (ref.kind === "outline") {
        const outline = doc.query("/body/heading[*]", { format: "summary", limit: 500, maxChars: MAX_RESOURCE_CHARS });
        return outline.text || "(no headings)";
      }
      return boundedMarkdown(doc.export("markdown"));
    });
    return { contents: [{ uri, mimeType: ref.kind === "outline" ? "text/plain" : "text/markdown", text }] };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    // The one error mapping of tools, carried as the spec's invalid-params answer.
    const failure = toToolFailure(error);
    const code = failure.kind === "internal_error" ? ProtocolErrorCode.InternalError : ProtocolErrorCode.InvalidParams;
    throw new ProtocolError(code, `Resource ${uri}: ${failure.message}`, { uri, kind: failure.kind });
  }
}

/** Markdown up to the read budget, ending with a note on where to read on when the document is longer. */
function boundedMarkdown(chunks: Iterable<string>): string {
  let text = "";
  for (const chunk of chunks) {
    text += chunk;
    if (text.length > MAX_RESOURCE_CHARS) {
      return `${text.slice(0, MAX_RESOURCE_CHARS)}\n\n[Truncated at ${charCount()} characters: read the rest with the query tool in markdown format, paging with offset.]`;
    }
  }
  return text;
}

/** The spec's answer for a resource that does not exist (for 2026-07-28: -32602, Invalid params). */
function notFound(uri: string, why: string): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.InvalidParams, `Resource ${uri} not found: ${why}.`, { uri });
}

/** Serves resources/list, resources/templates/list and resources/read for the caller's tenant, paginated. */
export function registerResources(low: Server, ctx: ToolContext, live: boolean): void {
  // Changes reach clients only on a 2026 listen stream fed by the tenant's hub; 2025-era requests get no push.
  low.registerCapabilities({ resources: live ? { listChanged: true, subscribe: true } : { listChanged: false } });
  low.setRequestHandler("resources/list", (request) => listPage(ctx, decodeCursor(request.params?.cursor)));
  low.setRequestHandler("resources/templates/list", () => ({ resourceTemplates: RESOURCE_TEMPLATES.map((t) => ({ ...t })) }));
  low.setRequestHandler("resources/read", (request) => read(ctx, request.params.uri));
}
