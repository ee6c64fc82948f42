import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../context";
import { runTool, toolSuccess } from "../tool-result";
import { editSuccess } from "./edit-result";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const requestId = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe("Idempotency key: a retry with the same request_id returns the first result instead of editing twice.");
const commentId = z
  .union([z.string().regex(/^\d+$/), z.number().int().min(0)])
  .describe("Comment id, as comment_list and comment_add return it.");
const author = z.string().min(1).max(200).optional().describe("Comment author name (default: the name of the account making the call).");
const initials = z.string().min(1).max(20).optional().describe("Author initials (default: from the author's name).");
const text = z.string().min(1).max(50_000).describe("Comment text. Use \\n for multi-paragraph comments.");
const writeHints = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;

/** Comment tools: comment_add, comment_reply, comment_resolve, comment_list, comment_delete. */
export function registerCommentTools(server: McpServer, ctx: ToolContext): void {
  const history = () => ctx.sessions.history;

  server.registerTool(
    "comment_add",
    {
      title: "Add a comment",
      description:
        "Add a comment to a document element. The comment is anchored to the element at path (paragraph, run, hyperlink, table, row, cell); with anchor_text it is anchored to exactly that text inside the element (the first occurrence, matching case, across formatting runs), splitting runs without changing formatting. " +
        'Examples: comment_add(doc_id, "/body/paragraph[0]", "Needs revision"); comment_add(doc_id, "/body/paragraph[id=\'1A2B3C4D\']", "Fix this phrase", anchor_text="specific words").',
      inputSchema: {
        doc_id: docId,
        path: z.string().min(1).max(1000).describe("Typed path to the target element (must resolve to exactly 1 element)."),
        text,
        anchor_text: z
          .string()
          .min(1)
          .max(10_000)
          .optional()
          .describe("Text within the element to anchor the comment to. Without it, the comment spans the whole element."),
        author,
        initials,
        request_id: requestId,
      },
      annotations: writeHints,
    },
    async (args) => {
      const { doc_id, path, text: body, anchor_text, author: by, initials: ini, request_id } = args;
      return runTool(ctx, "comment_add", "write", async () => {
        const { result, position } = await history().edit(
          doc_id,
          { tool: "comment_add", requestId: request_id, author: ctx.author, args },
          (doc) => {
            const r = doc.addComment(path, { text: body, anchorText: anchor_text, author: by, initials: ini });
            return {
              result: r,
              description: `comment ${r.comment_id} on ${r.path}${anchor_text ? ` ("${r.anchored_text.slice(0, 40)}")` : ""}`,
            };
          },
        );
        return editSuccess(
          ctx,
          doc_id,
          { doc_id, position, ...result },
          `Comment ${result.comment_id} added on ${result.path}${anchor_text ? `, anchored to "${result.anchored_text}"` : ""}.`,
        );
      });
    },
  );

  server.registerTool(
    "comment_reply",
    {
      title: "Reply to a comment",
      description:
        "Reply to a comment: the reply is threaded under it (as Word shows replies) and anchored at the same place. Word threads are one level deep, so a reply to a reply joins the thread of its first comment (parent_id; replied_to names the comment answered).",
      inputSchema: { doc_id: docId, comment_id: commentId, text, author, initials, request_id: requestId },
      annotations: writeHints,
    },
    async (args) => {
      const { doc_id, comment_id, text: body, author: by, initials: ini, request_id } = args;
      return runTool(ctx, "comment_reply", "write", async () => {
        const { result, position } = await history().edit(
          doc_id,
          { tool: "comment_reply", requestId: request_id, author: ctx.author, args },
          (doc) => ({
            result: doc.replyToComment(String(comment_id), { text: body, author: by, initials: ini }),
            description: `reply to comment ${comment_id}`,
          }),
        );
        return editSuccess(
          ctx,
          doc_id,
          { doc_id, position, ...result },
          `Reply ${result.comment_id} added to comment ${result.parent_id}.`,
        );
      });
    },
  );

  server.registerTool(
    "comment_resolve",
    {
      title: "Resolve a comment",
      description: 'Mark a comment (thread) as resolved, as Word\'s "Resolve" does; resolved=false reopens it.',
      inputSchema: {
        doc_id: docId,
        comment_id: commentId,
        resolved: z.boolean().optional().describe("true (default) resolves, false reopens."),
        request_id: requestId,
      },
      annotations: { ...writeHints, idempotentHint: true },
    },
    async (args) => {
      const { doc_id, comment_id, resolved = true, request_id } = args;
      return runTool(ctx, "comment_resolve", "write", async () => {
        const { result, position } = await history().edit(
          doc_id,
          { tool: "comment_resolve", requestId: request_id, author: ctx.author, args },
          (doc) => ({
            result: doc.resolveComment(String(comment_id), resolved),
            description: `${resolved ? "resolve" : "reopen"} comment ${comment_id}`,
          }),
        );
        return editSuccess(
          ctx,
          doc_id,
          { doc_id, position, ...result },
          `Comment ${result.comment_id} ${resolved ? "resolved" : "reopened"}.`,
        );
      });
    },
  );

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

  server.registerTool(
    "comment_delete",
    {
      title: "Delete comments",
      description:
        "Delete comments by ID or by author, with their replies and their marks in the text (the commented text itself stays). At least one of comment_id or author must be provided.",
      inputSchema: {
        doc_id: docId,
        comment_id: commentId.optional(),
        author: z.string().min(1).max(200).optional().describe("Delete all comments by this author (case-insensitive)."),
        request_id: requestId,
      },
      annotations: { ...writeHints, destructiveHint: true },
    },
    async (args) => {
      const { doc_id, comment_id, author: by, request_id } = args;
      return runTool(ctx, "comment_delete", "write", async () => {
        const { result, position } = await history().edit(
          doc_id,
          { tool: "comment_delete", requestId: request_id, author: ctx.author, args },
          (doc) => {
            const r = doc.deleteComments({ commentId: comment_id === undefined ? undefined : String(comment_id), author: by });
            return { result: r, description: `delete comment(s) ${r.deleted.join(", ")}` };
          },
        );
        return editSuccess(
          ctx,
          doc_id,
          { doc_id, position, ...result },
          `Deleted ${result.deleted.length} comment(s): ${result.deleted.join(", ")}.`,
        );
      });
    },
  );
}
