/** The document engine's public surface. Everything not exported here is private to src/docx. */
export { DocxDocument } from "./document.js";
export type { PatchResult } from "./document.js";
export { ELEMENT_TYPES, MAX_PATCH_OPERATIONS, PATCH_OPS } from "./ops/index.js";
export type { OperationResult, PatchOperation } from "./ops/index.js";
export type { DocumentChange, StoryChange, BlockSplice } from "./model/change-journal.js";
export { DocxError, isDocxError } from "./errors.js";
export type { DocxFailure, DocxFailureKind } from "./errors.js";
export { createBlankDocx } from "./blank-document.js";
export { DEFAULT_LIMITS } from "./package/index.js";
export type { DocxLimits } from "./package/index.js";
export { DEFAULT_MAX_CHARS, QUERY_FORMATS } from "./queries/index.js";
export type { Json, QueryFormat, QueryOptions, QueryResult } from "./queries/index.js";
export { EXPORT_FORMATS } from "./export/index.js";
export type { ExportFormat } from "./export/index.js";
export { ALIGNMENTS, HEADER_FOOTER_TYPES, MARGIN_NAMES } from "./ops/index.js";
export type { Alignment, HeaderFooterEdit, HeaderFooterKind, HeaderFooterResult, HeaderFooterType, PageSetup, PageSetupChange, SectionLayout } from "./ops/index.js";
export type { StyleOptions, StyleOutcome } from "./ops/index.js";
