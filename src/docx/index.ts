/** The document engine's public surface. Everything not exported here is private to src/docx. */
export { DocxDocument } from "./document.js";
export type { DocumentChange, StoryChange, BlockSplice } from "./model/change-journal.js";
export { DocxError, isDocxError } from "./errors.js";
export type { DocxFailure, DocxFailureKind } from "./errors.js";
export { createBlankDocx } from "./blank-document.js";
export { DEFAULT_LIMITS } from "./package/index.js";
export type { DocxLimits } from "./package/index.js";
export { DEFAULT_MAX_CHARS, QUERY_FORMATS } from "./queries/index.js";
export type { Json, QueryFormat, QueryOptions, QueryResult } from "./queries/index.js";
export { REVISION_TYPES } from "./ops/index.js";
export type { Revision, RevisionFilter, RevisionType } from "./ops/index.js";
export type { StyleOptions, StyleOutcome } from "./ops/index.js";
