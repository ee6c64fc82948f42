/** The edit operations' front door. */
export { editTarget, resolveSingle } from "./edit-target.js";
export type { EditTarget } from "./edit-target.js";
export { replaceParagraphText } from "./replace-paragraph-text.js";
export { isTracking, revisionContext, revisionElement, trackingOf } from "./tracking.js";
export type { RevisionContext } from "./tracking.js";
export { styleParagraphs, styleRuns, styleTables } from "./style/style-ops.js";
export type { StyleOptions } from "./style/style-ops.js";
export type { StyleOutcome } from "./style/apply-style.js";
