import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { SessionError, type SessionRecord } from "../../sessions/index";
import type { ToolContext } from "../context";
import { docId, requestId } from "../shared-params";
import { runTool, toolSuccess } from "../tool-result";
import { withExternalChange } from "./edit-result";
import { listPage, maxChars, offset } from "./paging";
import { historyShape } from "./read-shapes";

const steps = z.number().int().min(1).max(10_000).optional().describe("Default 1.");

/**
 * What undo, redo and jump_to answer: the steps moved, whether this was a replayed request_id, and the cursor (with
 * top, can_undo, can_redo and any external_change notice, untyped here to keep tools/list short).
 */
const cursorMoveOutput = z.object({ doc_id: z.string(), steps: z.number(), replayed: z.boolean(), position: z.number() });

const cursor = (head: SessionRecord) => ({
  position: head.position,
  top: head.top,
  can_undo: head.position > 0,
  can_redo: head.position < head.top,
});

/** History tools: document_history, document_undo, document_redo, document_jump_to, document_snapshot. */
export function registerHistoryTools(server: McpServer, ctx: ToolContext): void {
  const history = () => ctx.sessions.history;

  server.registerTool(
    "document_history",
    {
      title: "Document history",
      description:
        "List a document's edits (position, time, tool, description) and the current position, paged; position 0 is the document as opened. " +
        "Every edit takes request_id (a retry returns the first result) and expected_position (refused once the document moved past it).",
      inputSchema: {
        doc_id: docId,
        offset,
        limit: z.number().int().min(1).max(200).optional().describe("Default 20."),
        max_chars: maxChars,
      },
      outputSchema: historyShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, offset: o = 0, limit: l = 20, max_chars }) =>
      runTool(ctx, "document_history", "read", async () => {
        const page = await history().history(doc_id, o, l);
        const entries = page.entries.map((e) => ({
          position: e.position,
          at: e.at,
          tool: e.tool,
          description: e.description,
          current: e.position === page.head.position,
        }));
        const envelope = { doc_id, ...cursor(page.head), auto_save_error: page.head.autoSaveError };
        return toolSuccess(listPage(entries, "entries", { limit: l, maxChars: max_chars }, envelope, { offset: o, total: page.total }));
      }),
  );

  const move = (name: string, description: string, target: (head: SessionRecord, n: number) => number) =>
    server.registerTool(
      name,
      {
        title: description,
        description: `${description} in the document's edit history; undone edits stay redoable until a new edit is made.`,
        inputSchema: { doc_id: docId, steps, request_id: requestId },
        outputSchema: cursorMoveOutput,
        annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      },
      async (args) =>
        runTool(ctx, name, "write", async () => {
          const { doc_id, steps: n = 1, request_id } = args;
          const request = request_id === undefined ? null : { id: request_id, tool: name, args };
          const { head, from, to, replayed } = await history().moveTo(doc_id, (h) => target(h, n), request);
          const moved = Math.abs(to - from);
          return withExternalChange(
            ctx,
            doc_id,
            { doc_id, steps: moved, replayed, ...cursor(head) },
            `${moved === 0 ? "Nothing to move" : `Moved ${moved} step(s)`}. Position: ${head.position} of ${head.top}.`,
          );
        }),
    );
  move("document_undo", "Undo N steps", (h, n) => Math.max(0, h.position - n));
  move("document_redo", "Redo N steps", (h, n) => Math.min(h.top, h.position + n));

  server.registerTool(
    "document_jump_to",
    {
      title: "Jump to a position in history",
      description:
        "Move to a position in the document's history (0: as opened, N: after N edits); later edits stay redoable until a new edit.",
      inputSchema: { doc_id: docId, position: z.number().int().min(0), request_id: requestId },
      outputSchema: cursorMoveOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args) =>
      runTool(ctx, "document_jump_to", "write", async () => {
        const { doc_id, position, request_id } = args;
        const { head, from, to, replayed } = await history().moveTo(
          doc_id,
          (h) => {
            if (position > h.top) {
              throw new SessionError({
                kind: "invalid_argument",
                field: "position",
                message: `Position ${position} does not exist: the history of ${doc_id} has positions 0 to ${h.top}`,
              });
            }
            return position;
          },
          request_id === undefined ? null : { id: request_id, tool: "document_jump_to", args },
        );
        return withExternalChange(
          ctx,
          doc_id,
          { doc_id, steps: Math.abs(to - from), replayed, ...cursor(head) },
          `Position: ${head.position} of ${head.top}.`,
        );
      }),
  );

  server.registerTool(
    "document_snapshot",
    {
      title: "Compact history",
      description:
        "Make the current document the history's new start: earlier edits can no longer be undone; redoable ones stay unless discard_redo.",
      inputSchema: { doc_id: docId, discard_redo: z.boolean().optional() },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    async ({ doc_id, discard_redo = false }) =>
      runTool(ctx, "document_snapshot", "write", async () => {
        const { head, dropped } = await history().snapshot(doc_id, discard_redo);
        return toolSuccess(
          { doc_id, removed_objects: dropped, ...cursor(head) },
          `Snapshot taken: history compacted. Position: 0 of ${head.top}.`,
        );
      }),
  );
}
