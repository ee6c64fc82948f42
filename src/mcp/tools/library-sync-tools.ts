import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { BodyComparison, PartsDifference } from "../../docx/index";
import type { ToolContext } from "../context";
import { docId, requestId } from "../shared-params";
import { runTool, toolSuccess } from "../tool-result";
import { sessionView } from "./session-view";

/** docx-mcp's change list is capped the same way: enough to review, short enough for a model's context. */
const MAX_LISTED_CHANGES = 20;

const summary = (c: BodyComparison) => ({
  total_changes: c.counts.added + c.counts.removed + c.counts.modified + c.counts.moved,
  added: c.counts.added,
  removed: c.counts.removed,
  modified: c.counts.modified,
  moved: c.counts.moved,
});

const changeList = (c: BodyComparison) =>
  c.differences.slice(0, MAX_LISTED_CHANGES).map((d) => ({
    type: d.change,
    element_type: d.kind,
    ...(d.from !== undefined ? { session_index: d.from } : {}),
    ...(d.to !== undefined ? { library_index: d.to } : {}),
    text: d.text,
  }));

/** Parts other than the body that differ (media compared by their zip digests, never read), each list capped. */
const partList = (p: PartsDifference) => ({
  changed: p.changed.slice(0, MAX_LISTED_CHANGES),
  added: p.added.slice(0, MAX_LISTED_CHANGES),
  removed: p.removed.slice(0, MAX_LISTED_CHANGES),
});

/** External changes: get_external_changes, sync_external_changes, document_set_source (docx-mcp's names). */
export function registerLibrarySyncTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "get_external_changes",
    {
      title: "Check the library file for outside changes",
      description:
        "Check whether the session's library file changed since the session read or wrote it, and list how its body differs, block by block (added, removed, modified, moved).",
      inputSchema: { doc_id: docId, acknowledge: z.boolean().optional().describe("Ignored; kept for docx-mcp callers.") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id }) =>
      runTool(ctx, "get_external_changes", "read", async () => {
        const state = await ctx.sessions.external.check(doc_id);
        if (state.status === "deleted")
          return toolSuccess(
            { doc_id, has_changes: true, deleted: true, source: state.name },
            `The library file '${state.name}' was deleted. document_save will refuse to recreate it unless overwrite is true; document_set_source chooses another file.`,
          );
        if (state.status === "in_sync")
          return toolSuccess(
            { doc_id, has_changes: false, source: state.file.name, file_updated_at: state.file.uploadedAt },
            `No outside changes: '${state.file.name}' is the version this session last read or wrote.`,
          );
        const data = {
          doc_id,
          has_changes: true,
          source: state.file.name,
          file_updated_at: state.file.uploadedAt,
          summary: summary(state.comparison),
          changes: changeList(state.comparison),
          changes_truncated: state.comparison.differences.length > MAX_LISTED_CHANGES,
          parts: partList(state.parts),
        };
        const s = data.summary;
        const { changed, added, removed } = state.parts;
        return toolSuccess(
          data,
          `'${data.source}' changed in the library at ${data.file_updated_at}. Compared with this session: +${s.added} -${s.removed} ~${s.modified} moved ${s.moved}; ` +
            `other parts (styles, headers, media...): ${changed.length} changed, ${added.length} added, ${removed.length} removed. ` +
            "sync_external_changes brings the file's version in as one undoable step.",
        );
      }),
  );

  server.registerTool(
    "sync_external_changes",
    {
      title: "Bring in the library file's changes",
      description:
        "Replace the session's document by its library file's current version as one undoable history entry; the session then counts as saved.",
      inputSchema: { doc_id: docId, request_id: requestId },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async (args) =>
      runTool(ctx, "sync_external_changes", "write", async () => {
        const request = args.request_id === undefined ? null : { id: args.request_id, tool: "sync_external_changes", args };
        const out = await ctx.sessions.external.sync(args.doc_id, request);
        const counts = out.result.counts;
        return toolSuccess(
          {
            doc_id: args.doc_id,
            success: true,
            has_changes: out.changed,
            position: out.position,
            ...(out.replayed ? { replayed: true } : {}),
            summary: { total_changes: counts.added + counts.removed + counts.modified + counts.moved, ...counts },
            blocks_replaced: out.result.blocksReplaced,
            parts_changed: out.result.partsChanged,
            session: sessionView(out.session),
          },
          out.changed
            ? `Synced with '${out.file.name}' (version of ${out.file.uploadedAt}) at history position ${out.position}; document_undo reverts it.`
            : `'${out.file.name}' has the same content as this session; nothing changed, and the session now counts as saved at its version.`,
        );
      }),
  );

  server.registerTool(
    "document_set_source",
    {
      title: "Set the library file a session saves to",
      description:
        "Set the library file the document saves to (replacing a file of that name); with auto_sync (default true) it saves by itself once edits settle.",
      inputSchema: { doc_id: docId, path: z.string().min(1).max(255), auto_sync: z.boolean().optional() },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ doc_id, path, auto_sync = true }) =>
      runTool(ctx, "document_set_source", "write", async () => {
        const session = await ctx.sessions.external.setSource(doc_id, path, { autoSave: auto_sync });
        return toolSuccess(
          { doc_id, source: session.sourceName, auto_sync: session.autoSave, session: sessionView(session) },
          `Session '${doc_id}' now saves to '${path}'. Auto-sync: ${session.autoSave ? "enabled" : "disabled"}.`,
        );
      }),
  );
}
