/** The document engine's public surface. Everything not exported here is private to src/docx. */

export { createBlankDocx } from "./blank-document.js";
export type { EditOutcome, OperationOutcome } from "./document.js";
export { DocxDocument } from "./document.js";
export { checkDocxLimits } from "./docx-limits.js";
export type { DocxFailure, DocxFailureKind } from "./errors.js";
export { DocxError, isDocxError } from "./errors.js";
export type { ExportFormat } from "./export/index.js";
export { EXPORT_FORMATS } from "./export/index.js";
export type { BlockSplice, DocumentChange, StoryChange } from "./model/change-journal.js";
export type {
  Alignment,
  BodyComparison,
  BodyDifference,
  CoreProperty,
  Field,
  Fields,
  HeaderFooterEdit,
  HeaderFooterKind,
  HeaderFooterResult,
  HeaderFooterType,
  MetadataResult,
  OperationName,
  OperationResultOf,
  PageSetup,
  PageSetupChange,
  PartsDifference,
  Revision,
  RevisionFilter,
  RevisionType,
  SectionLayout,
  StyleOptions,
  StyleOutcome,
} from "./ops/index.js";
export {
  ALIGNMENTS,
  CORE_PROPERTIES,
  ELEMENT_TYPES,
  HEADER_FOOTER_TYPES,
  imageFormatOf,
  MARGIN_NAMES,
  MAX_IMAGE_BYTES,
  MAX_PATCH_OPERATIONS,
  OPERATION_FIELDS,
  REVISION_TYPES,
} from "./ops/index.js";
export type { ByteSource, DocxLimits, PackageFootprint, PackageStream } from "./package/index.js";
export { DEFAULT_LIMITS } from "./package/index.js";
export type { Json, QueryFormat, QueryOptions, QueryResult } from "./queries/index.js";
export { DEFAULT_LIMIT, DEFAULT_MAX_CHARS, QUERY_FORMATS, queryResultText } from "./queries/index.js";
