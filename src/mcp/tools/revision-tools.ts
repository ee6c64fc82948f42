import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { REVISION_TYPES } from "../../docx/index";
import type { ToolContext } from "../context";
import { docId } from "../shared-params";
import { runTool, toolSuccess } from "../tool-result";

const author = z.string().min(1).max(200).optional().describe("Only this author's revisions (exact name, any case).");

/** revision_list (accepting and rejecting are edit tools, see edit-tools.ts). */
export function registerRevisionTools(server: McpServer, ctx: ToolContext): void {
  const history = () => ctx.sessions.history;

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
}
