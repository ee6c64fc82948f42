/** The edit operations' front door. */
export { editTarget, resolveSingle } from "./edit-target.js";
export type { EditTarget } from "./edit-target.js";
export { replaceParagraphText } from "./replace-paragraph-text.js";
export { applyRevisions, listRevisions, REVISION_TYPES, setTrackRevisions } from "./revisions/index.js";
export type { Revision, RevisionAction, RevisionFilter, RevisionOutcome, RevisionType } from "./revisions/index.js";
export { isTracking, revisionContext, revisionElement, trackingOf } from "./tracking.js";
export type { RevisionContext } from "./tracking.js";
export { replaceText } from "./replace-text.js";
export type { ReplaceTextOptions, ReplaceTextResult } from "./replace-text.js";
export { insertText } from "./insert-text.js";
export type { InsertTextOptions, InsertTextResult } from "./insert-text.js";
export { addComment, deleteComments, listComments, replyToComment, resolveComment } from "./comments.js";
export type { CommentInfo, CommentInput } from "./comments.js";
export { styleParagraphs, styleRuns, styleTables } from "./style/style-ops.js";
export type { StyleOptions } from "./style/style-ops.js";
export type { StyleOutcome } from "./style/apply-style.js";
