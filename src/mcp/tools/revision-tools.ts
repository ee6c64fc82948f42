import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { REVISION_TYPES } from "../../docx/index";
import type { ToolContext } from "../context";
import { docId } from "../shared-params";
import { runTool, toolSuccess } from "../tool-result";
import { limit, listPage, maxChars, offset } from "./paging";
import { revisionListShape } from "./read-shapes";

const author = z.string().min(1).max(200).optional();

/** revision_list (accepting and rejecting are edit tools, see edit-tools.ts). */
export function registerRevisionTools(server: McpServer, ctx: ToolContext): void {
  const history = () => ctx.sessions.history;

  server.registerTool(
    "revision_list",
    {
      title: "List tracked changes",
      description:
        "List tracked changes in every story (id, type, author, date, path, text; a move is one entry), paged. Where ids repeat, pass the handle as revision_id.",
      inputSchema: z.object({
        doc_id: docId,
        author,
        type: z.enum(REVISION_TYPES).optional(),
        offset,
        limit: limit(100),
        max_chars: maxChars,
      }),
      outputSchema: revisionListShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, author: who, type, offset: o, limit: l, max_chars }) =>
      runTool(ctx, "revision_list", "read", async () => {
        const { revisions, tracking, position } = await history().read(doc_id, (doc, head) => ({
          revisions: doc.revisions(),
          tracking: doc.tracksChanges,
          position: head.position,
        }));
        const matching = revisions.filter(
          (r) => (!who || (r.author ?? "").toLowerCase() === who.toLowerCase()) && (!type || r.type === type),
        );
        const envelope = { doc_id, position, track_changes_enabled: tracking };
        return toolSuccess(listPage(matching, "revisions", { offset: o, limit: l, maxChars: max_chars }, envelope));
      }),
  );
}
