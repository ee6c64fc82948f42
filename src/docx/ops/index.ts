/** The edit operations' front door. */
export { editTarget, resolveSingle } from "./edit-target.js";
export type { EditTarget } from "./edit-target.js";
export { replaceParagraphText } from "./replace-paragraph-text.js";
export { applyPatchOperations } from "./patch/apply-patch.js";
export type { OperationResult } from "./patch/apply-patch.js";
export { MAX_PATCH_OPERATIONS, PATCH_OPS } from "./patch/patch-operation.js";
export type { PatchOperation } from "./patch/patch-operation.js";
export { ELEMENT_TYPES } from "./elements/build-element.js";
export { isTracking, revisionContext, revisionElement, trackingOf } from "./tracking.js";
export type { RevisionContext } from "./tracking.js";
export { styleParagraphs, styleRuns, styleTables } from "./style/style-ops.js";
export type { StyleOptions } from "./style/style-ops.js";
export type { StyleOutcome } from "./style/apply-style.js";
