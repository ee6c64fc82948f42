import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../context";
import { docId } from "../shared-params";
import { runTool, toolSuccess } from "../tool-result";
import { limit, listPage, maxChars, offset } from "./paging";
import { commentListShape } from "./read-shapes";

/** comment_list (adding, replying, resolving and deleting are edit tools, see edit-tools.ts). */
export function registerCommentTools(server: McpServer, ctx: ToolContext): void {
  const history = () => ctx.sessions.history;

  server.registerTool(
    "comment_list",
    {
      title: "List comments",
      description: "List a document's comments (id, author, date, text, anchored_text, parent_id of replies, resolved), paged.",
      inputSchema: z.object({
        doc_id: docId,
        author: z.string().min(1).max(200).optional(),
        offset,
        limit: limit(50),
        max_chars: maxChars,
      }),
      outputSchema: commentListShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, author: by, offset: o, limit: l, max_chars }) =>
      runTool(ctx, "comment_list", "read", async () => {
        const { all, position } = await history().read(doc_id, (doc, head) => ({ all: doc.listComments(by), position: head.position }));
        return toolSuccess(listPage(all, "comments", { offset: o, limit: l, maxChars: max_chars }, { doc_id, position }));
      }),
  );
}
