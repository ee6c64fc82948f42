/** Tracked changes (§17.13.5): listing, accepting and rejecting them. */
export { applyRevisions } from "./apply-revisions.js";
export type { RevisionFilter, RevisionOutcome } from "./apply-revisions.js";
export { listRevisions } from "./list-revisions.js";
export type { Revision } from "./list-revisions.js";
export type { RevisionAction } from "./resolve-revisions.js";
export { REVISION_TYPES } from "./revision-markup.js";
export type { RevisionType } from "./revision-markup.js";
export { setTrackRevisions } from "./track-revisions.js";
