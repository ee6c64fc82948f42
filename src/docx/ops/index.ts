/** The edit operations' front door. */
export { editTarget, resolveSingle } from "./edit-target.js";
export type { EditTarget } from "./edit-target.js";
export { replaceParagraphText } from "./replace-paragraph-text.js";
export { isTracking, revisionContext, revisionElement, trackingOf } from "./tracking.js";
export type { RevisionContext } from "./tracking.js";
