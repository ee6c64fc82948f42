/** The edit operations' front door. */
export { editTarget, resolveSingle } from "./edit-target.js";
export type { EditTarget } from "./edit-target.js";
export { replaceParagraphText } from "./replace-paragraph-text.js";
export { applyRevisions, listRevisions, REVISION_TYPES, setTrackRevisions } from "./revisions/index.js";
export type { Revision, RevisionAction, RevisionFilter, RevisionOutcome, RevisionType } from "./revisions/index.js";
export { isTracking, revisionContext, revisionElement, trackingOf } from "./tracking.js";
export type { RevisionContext } from "./tracking.js";
