import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../context";
import { docId } from "../shared-params";
import { runTool, toolSuccess } from "../tool-result";

/** comment_list (adding, replying, resolving and deleting are edit tools, see edit-tools.ts). */
export function registerCommentTools(server: McpServer, ctx: ToolContext): void {
  const history = () => ctx.sessions.history;

  server.registerTool(
    "comment_list",
    {
      title: "List comments",
      description:
        "List comments in a document with optional filtering and pagination: id, author, initials, date, text, anchored_text, parent_id (for replies) and resolved.",
      inputSchema: {
        doc_id: docId,
        author: z.string().min(1).max(200).optional().describe("Filter by author name (case-insensitive)."),
        offset: z.number().int().min(0).optional().describe("Number of comments to skip. Default: 0."),
        limit: z.number().int().min(1).max(50).optional().describe("Maximum number of comments to return (1-50). Default: 50."),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, author: by, offset = 0, limit = 50 }) =>
      runTool(ctx, "comment_list", "read", async () => {
        const all = await history().read(doc_id, (doc) => doc.listComments(by));
        const page = all.slice(offset, offset + limit);
        const next = offset + page.length < all.length ? offset + page.length : null;
        return toolSuccess({ doc_id, total: all.length, offset, limit, count: page.length, next_offset: next, comments: page });
      }),
  );
}
