/** Comment operations (§17.13.4): add on an element or exact text, reply, resolve, delete. */
import { addComment, deleteComments, replyToComment, resolveComment } from "../comments.js";
import { operationKind, quote } from "./operation.js";
import { field, noted, optional } from "./operation-fields.js";
import type { OperationInput } from "./operation-input.js";

const COMMENT_ID = noted(field.commentId(), "As comment_list gives it.");
const TEXT = field.string(50_000);
const writer = {
  author: optional(field.string(200), "Default: your account name."),
  initials: optional(field.string(20)),
};

const authorship = (i: OperationInput) => ({ author: i.optionalString("author"), initials: i.optionalString("initials") });

export const commentAdd = operationKind({
  fields: { path: field.path(), text: TEXT, anchor_text: optional(field.string(10_000)), ...writer },
  parse: (i) => ({ path: i.string("path"), text: i.string("text"), anchorText: i.optionalString("anchor_text"), ...authorship(i) }),
  run: (doc, { path, ...input }) => addComment(doc, path, input),
  describe: (i, r) => `comment ${r.commentId} on ${r.path}${i.anchorText ? ` (${quote(r.anchoredText)})` : ""}`,
  where: (i) => i.path,
});

export const commentReply = operationKind({
  fields: { comment_id: COMMENT_ID, text: TEXT, ...writer },
  parse: (i) => ({ commentId: i.id("comment_id"), text: i.string("text"), ...authorship(i) }),
  run: (doc, { commentId, ...input }) => replyToComment(doc, commentId, input),
  describe: (i) => `reply to comment ${i.commentId}`,
  where: (i) => `/comment[id='${i.commentId}']`,
});

export const commentResolve = operationKind({
  fields: { comment_id: COMMENT_ID, resolved: optional(field.boolean(), "Default true; false reopens.") },
  parse: (i) => ({ commentId: i.id("comment_id"), resolved: i.optionalBoolean("resolved") ?? true }),
  run: (doc, i) => resolveComment(doc, i.commentId, i.resolved),
  describe: (i) => `${i.resolved ? "resolve" : "reopen"} comment ${i.commentId}`,
  where: (i) => `/comment[id='${i.commentId}']`,
});

export const commentDelete = operationKind({
  fields: { comment_id: optional(COMMENT_ID), author: optional(field.string(200), "Only this author's.") },
  parse: (i) => ({ commentId: i.has("comment_id") ? i.id("comment_id") : undefined, author: i.optionalString("author") }),
  run: (doc, i) => deleteComments(doc, i),
  describe: (_i, r) => `delete comment(s) ${r.deleted.join(", ")}`,
  where: (i) => (i.commentId === undefined ? `comments by ${i.author}` : `/comment[id='${i.commentId}']`),
});
