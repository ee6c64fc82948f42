/** Tracked changes (§17.13.5): listing, accepting and rejecting them. */

export type { RevisionFilter, RevisionOutcome } from "./apply-revisions.js";
export { applyRevisions } from "./apply-revisions.js";
export type { Revision } from "./list-revisions.js";
export type { RevisionAction } from "./resolve-revisions.js";
export { revisionList } from "./revision-entries.js";
export type { RevisionType } from "./revision-markup.js";
export { REVISION_TYPES } from "./revision-markup.js";
export { setTrackRevisions } from "./track-revisions.js";
