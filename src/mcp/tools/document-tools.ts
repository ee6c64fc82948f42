import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../context";
import { downloadPath } from "../download-path";
import { withDocumentLinks } from "../resources";
import { runTool, toolSuccess } from "../tool-result";
import { limit, listPage, maxChars, offset } from "./paging";
import { documentListShape } from "./read-shapes";
import { sessionView } from "./session-view";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");

/** Session lifecycle tools: document_create, document_open, document_list, document_save, document_close. */
export function registerDocumentTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "document_create",
    {
      title: "Create document",
      description:
        "Create a new, empty Word document and open an editing session on it. Returns the session ID (doc_id) to pass to every other tool. Save it to your library with document_save and an output_path.",
      inputSchema: { title: z.string().max(200).optional().describe("Title shown in document_list.") },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async ({ title }) =>
      runTool(ctx, "document_create", "write", async () => {
        const session = await ctx.sessions.create({ title });
        const result = toolSuccess({ session: sessionView(session) }, `Created a new document. Session ID: ${session.id}`);
        return withDocumentLinks(result, session.id, session.title);
      }),
  );

  server.registerTool(
    "document_open",
    {
      title: "Open document",
      description:
        'Open a .docx file from your document library and start an editing session on a copy of it. `path` is the library file name as uploaded (e.g. "contracts/nda.docx"); omit it to create a new empty document. Edits stay in the session until document_save writes them back. With a read-only token the session is read-only: it can be read, exported inline and closed, not edited or saved.',
      inputSchema: {
        path: z.string().min(1).max(255).optional().describe('Library file name, e.g. "report.docx". Omit to create a new empty document.'),
        title: z.string().max(200).optional().describe("Title shown in document_list; defaults to the file name."),
        auto_save: z
          .boolean()
          .optional()
          .describe("Write edits back to the file by themselves once they settle (default true; see document_set_source)."),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async ({ path, title, auto_save }) =>
      runTool(ctx, "document_open", path === undefined ? "write" : "read", async () => {
        const readOnly = !ctx.scopes.includes("write");
        const session =
          path === undefined
            ? await ctx.sessions.create({ title })
            : await ctx.sessions.open(path, { title, readOnly, autoSave: auto_save });
        const from = path === undefined ? " (new document)" : ` from '${path}'`;
        const result = toolSuccess({ session: sessionView(session) }, `Opened document${from}. Session ID: ${session.id}`);
        return withDocumentLinks(result, session.id, session.title);
      }),
  );

  server.registerTool(
    "document_list",
    {
      title: "List open documents",
      description: "List your open document sessions (ID, title, source file, history position, unsaved changes), paginated.",
      inputSchema: z.object({ offset, limit: limit(200), max_chars: maxChars }),
      outputSchema: documentListShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ offset: o, limit: l, max_chars }) =>
      runTool(ctx, "document_list", "read", async () => {
        const page = await ctx.sessions.list({ offset: o, limit: l });
        const window = { offset: page.offset, total: page.total };
        return toolSuccess(listPage(page.sessions.map(sessionView), "sessions", { limit: l, maxChars: max_chars }, {}, window));
      }),
  );

  server.registerTool(
    "document_save",
    {
      title: "Save document",
      description:
        'Write the session\'s current document to your library: back to the file it was opened from, or to output_path ("save as"; required for new documents, and it replaces a file of that name). ' +
        "Saving back is refused if the file changed in the library since this session opened or last saved it (another session or an upload): review with get_external_changes, bring the change in with sync_external_changes, save under another output_path, or pass overwrite: true to replace it.",
      inputSchema: {
        doc_id: docId,
        output_path: z.string().min(1).max(255).optional().describe('Library file name to save to, e.g. "report-v2.docx".'),
        overwrite: z
          .boolean()
          .optional()
          .describe("Replace the session's file even if it changed in the library since the session read it (default false)."),
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ doc_id, output_path, overwrite }) =>
      runTool(ctx, "document_save", "write", async () => {
        const { session, file } = await ctx.sessions.save(doc_id, { outputName: output_path, overwrite });
        return toolSuccess(
          { session: sessionView(session), file: { name: file.name, size: file.size, download: downloadPath(file.name) } },
          `Document saved to '${file.name}' (${file.size} bytes).`,
        );
      }),
  );

  server.registerTool(
    "document_close",
    {
      title: "Close document",
      description:
        "Close an editing session and delete its stored state. If the document differs from its library file (unsaved edits, also after document_snapshot), closing is refused with the number of edits that would be lost, unless discard is true; save first with document_save to keep them. A read-only token can close read-only sessions.",
      inputSchema: {
        doc_id: docId,
        discard: z.boolean().optional().describe("Close even though unsaved edits would be lost (default false)."),
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    async ({ doc_id, discard }) =>
      runTool(ctx, "document_close", "read", async () => {
        const { session, discardedUnsavedChanges } = await ctx.sessions.close(doc_id, { discard, canWrite: ctx.scopes.includes("write") });
        return toolSuccess(
          { closed: session.id, discarded_unsaved_changes: discardedUnsavedChanges },
          `Document session '${session.id}' closed.${discardedUnsavedChanges ? " Unsaved changes were discarded." : ""}`,
        );
      }),
  );
}
