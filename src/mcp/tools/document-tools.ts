import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../context";
import { downloadPath } from "../download-path";
import { withDocumentLinks } from "../resources";
import { docId } from "../shared-params";
import { runTool, toolSuccess } from "../tool-result";
import { limit, listPage, maxChars, offset } from "./paging";
import { documentListShape } from "./read-shapes";
import { sessionView } from "./session-view";

/** Session lifecycle tools: document_create, document_open, document_list, document_save, document_close. */
export function registerDocumentTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "document_create",
    {
      title: "Create document",
      description:
        "Create an empty Word document in a new session; returns the doc_id the other tools take. document_save with output_path stores it.",
      inputSchema: { title: z.string().max(200).optional() },
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
      description: "Open a .docx from your library in a new editing session (read-only with a read-only token); returns its doc_id.",
      inputSchema: {
        path: z.string().min(1).max(255).optional().describe('Library file name, e.g. "contracts/nda.docx"; omit for a new document.'),
        title: z.string().max(200).optional(),
        auto_save: z.boolean().optional().describe("Save edits back by themselves once they settle (default true)."),
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
      description: "List your open document sessions: id, title, source file, history position, unsaved changes; paged.",
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
        "Write the document to its library file, or to output_path (save as). Refused if the file changed in the library meanwhile: see get_external_changes, or pass overwrite.",
      inputSchema: {
        doc_id: docId,
        output_path: z.string().min(1).max(255).optional(),
        overwrite: z.boolean().optional(),
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
      description: "Close a session and delete its state; refused while it has unsaved edits unless discard is true.",
      inputSchema: { doc_id: docId, discard: z.boolean().optional() },
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
