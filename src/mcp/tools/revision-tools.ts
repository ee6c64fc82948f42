import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type DocxDocument, REVISION_TYPES, type Revision } from "../../docx/index";
import type { Mutation } from "../../sessions/index";
import type { ToolContext } from "../context";
import { runTool, toolSuccess } from "../tool-result";
import { editSuccess } from "./edit-result";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const requestId = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe("Optional idempotency key: a retry with the same request_id returns the first result instead of editing again.");
const dryRun = z.boolean().optional().describe("Report what would be resolved without changing the document (default false).");
const revisionId = z
  .union([z.number().int(), z.string().min(1).max(32)])
  .describe(
    'Revision id from revision_list, or its handle (e.g. "0.2") when revision_list gives one because several revisions share an id.',
  );
const author = z.string().min(1).max(200).optional().describe("Only this author's revisions (exact name, any case).");

/** How many resolved revisions a result spells out; the count is always complete. */
const LISTED = 50;

const brief = (r: Revision) => ({
  id: r.id,
  ...(r.handle ? { handle: r.handle } : {}),
  type: r.type,
  author: r.author,
  path: r.path,
  ...(r.to_path ? { to_path: r.to_path } : {}),
  text: r.text,
});

/** Revision tools: revision_list, revision_accept, revision_reject, revision_accept_all, revision_reject_all, track_changes_enable. */
export function registerRevisionTools(server: McpServer, ctx: ToolContext): void {
  const history = () => ctx.sessions.history;

  /** Runs a mutation as one history entry, or for dry_run runs it and undoes it. */
  const mutate = async <R>(
    name: string,
    doc_id: string,
    request: { request_id?: string },
    dry_run: boolean | undefined,
    run: Mutation<R>,
  ) => {
    if (dry_run) {
      const preview = await history().preview(doc_id, run, { author: ctx.author });
      return { result: preview.result, position: preview.position, changed: false, dry_run: true };
    }
    const outcome = await history().edit(doc_id, { tool: name, requestId: request.request_id, author: ctx.author, args: request }, run);
    return { result: outcome.result, position: outcome.position, changed: outcome.changed, dry_run: false };
  };

  server.registerTool(
    "revision_list",
    {
      title: "List tracked changes",
      description:
        "List the revisions (tracked changes) of a document in every story (body, headers, footers, notes, comments): insertions, deletions, moves, " +
        "paragraph marks, formatting, section, table, row and cell changes. Each has its id, type, author, date, the path and id of its paragraph/row/cell/table " +
        "and a text excerpt; a move is one entry (type move) from path to to_path. When a document reuses an id for different revisions, each gets a handle to pass as revision_id. " +
        "Filter by author or type; paginated with offset/limit. Accept or reject them with revision_accept/revision_reject (by id or handle) or revision_accept_all/revision_reject_all.",
      inputSchema: {
        doc_id: docId,
        author,
        type: z.enum(REVISION_TYPES).optional().describe("Only revisions of this type."),
        offset: z.number().int().min(0).optional().describe("Number of revisions to skip (default 0)."),
        limit: z.number().int().min(1).max(100).optional().describe("Maximum number of revisions to return, 1-100 (default 50)."),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, author: who, type, offset = 0, limit = 50 }) =>
      runTool(ctx, "revision_list", "read", async () => {
        const { revisions, tracking } = await history().read(doc_id, (doc) => ({
          revisions: doc.revisions(),
          tracking: doc.tracksChanges,
        }));
        const matching = revisions.filter(
          (r) => (!who || (r.author ?? "").toLowerCase() === who.toLowerCase()) && (!type || r.type === type),
        );
        const page = matching.slice(offset, offset + limit);
        const next = offset + page.length < matching.length ? offset + page.length : null;
        return toolSuccess({
          doc_id,
          track_changes_enabled: tracking,
          total: matching.length,
          offset,
          limit,
          count: page.length,
          next_offset: next,
          revisions: page,
        });
      }),
  );

  const resolveOne = (name: string, action: "accept" | "reject", description: string) =>
    server.registerTool(
      name,
      {
        title: `${action === "accept" ? "Accept" : "Reject"} a tracked change`,
        description,
        inputSchema: { doc_id: docId, revision_id: revisionId, dry_run: dryRun, request_id: requestId },
        annotations: { readOnlyHint: false, destructiveHint: action === "reject", idempotentHint: false, openWorldHint: false },
      },
      async (args) => {
        const { doc_id, revision_id, dry_run } = args;
        return runTool(ctx, name, "write", async () => {
          const outcome = await mutate(name, doc_id, args, dry_run, (doc: DocxDocument) => {
            const resolved = action === "accept" ? doc.acceptRevisions({ id: revision_id }) : doc.rejectRevisions({ id: revision_id });
            return {
              result: resolved.map(brief),
              description: `${action} revision ${revision_id}${resolved.length > 1 ? ` (${resolved.length} revisions)` : ""}`,
            };
          });
          const verb = action === "accept" ? "Accepted" : "Rejected";
          return editSuccess(
            ctx,
            doc_id,
            {
              doc_id,
              position: outcome.position,
              dry_run: outcome.dry_run,
              [action === "accept" ? "accepted" : "rejected"]: outcome.result.length,
              revisions: outcome.result,
            },
            `${outcome.dry_run ? "Would have " + verb.toLowerCase() : verb} revision ${revision_id}${outcome.result[0]?.type === "move" ? " (the whole move: both sides and their ranges)" : ""}.`,
          );
        });
      },
    );
  resolveOne(
    "revision_accept",
    "accept",
    "Accept one revision by id: inserted content becomes ordinary, deleted content goes, new formatting stays, a deleted paragraph mark joins its paragraph with the next, a deleted row or cell goes. Accepting either side of a move accepts the whole move.",
  );
  resolveOne(
    "revision_reject",
    "reject",
    "Reject one revision by id: inserted content goes, deleted content comes back, the previous formatting returns, an inserted paragraph mark joins its paragraph with the next, an inserted row or cell goes. Rejecting either side of a move puts the text back where it was.",
  );

  const resolveAll = (name: string, action: "accept" | "reject") =>
    server.registerTool(
      name,
      {
        title: `${action === "accept" ? "Accept" : "Reject"} all tracked changes`,
        description: `${action === "accept" ? "Accept" : "Reject"} every revision in the document (all stories), or only one author's, the way Word does. One history entry; undo with document_undo.`,
        inputSchema: { doc_id: docId, author, dry_run: dryRun, request_id: requestId },
        annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
      },
      async (args) => {
        const { doc_id, author: who, dry_run } = args;
        return runTool(ctx, name, "write", async () => {
          const outcome = await mutate(name, doc_id, args, dry_run, (doc: DocxDocument) => {
            const resolved = action === "accept" ? doc.acceptRevisions({ author: who }) : doc.rejectRevisions({ author: who });
            return { result: resolved.map(brief), description: `${action} ${resolved.length} revision(s)${who ? ` by ${who}` : ""}` };
          });
          const count = outcome.result.length;
          const verb = action === "accept" ? "accepted" : "rejected";
          return editSuccess(
            ctx,
            doc_id,
            {
              doc_id,
              position: outcome.position,
              dry_run: outcome.dry_run,
              [verb]: count,
              revisions: outcome.result.slice(0, LISTED),
              listed: Math.min(count, LISTED),
            },
            `${outcome.dry_run ? "Would have " : ""}${verb} ${count} revision(s)${who ? ` by ${who}` : ""}.`,
          );
        });
      },
    );
  resolveAll("revision_accept_all", "accept");
  resolveAll("revision_reject_all", "reject");

  server.registerTool(
    "track_changes_enable",
    {
      title: "Turn change tracking on or off",
      description:
        "Enable or disable Track Changes in the document's settings. When enabled, Word records later edits as revisions, and so do this server's editing tools.",
      inputSchema: {
        doc_id: docId,
        enabled: z.boolean().describe("True to enable, false to disable Track Changes."),
        request_id: requestId,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args) => {
      const { doc_id, enabled } = args;
      return runTool(ctx, "track_changes_enable", "write", async () => {
        const outcome = await mutate("track_changes_enable", doc_id, args, false, (doc: DocxDocument) => ({
          result: doc.setTrackChanges(enabled),
          description: `track changes ${enabled ? "on" : "off"}`,
        }));
        return editSuccess(
          ctx,
          doc_id,
          { doc_id, position: outcome.position, track_changes_enabled: enabled, changed: outcome.changed },
          `Track Changes ${enabled ? "enabled" : "disabled"}${outcome.changed ? "" : " (it already was)"}.`,
        );
      });
    },
  );
}
