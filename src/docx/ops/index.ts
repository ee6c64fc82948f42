/** The edit operations' front door. */

export type { CommentInfo, CommentInput } from "./comments.js";
export { addComment, deleteComments, listComments, replyToComment, resolveComment } from "./comments.js";
export type { AdoptOutcome } from "./compare/adopt-document.js";
export { adoptDocument } from "./compare/adopt-document.js";
export type { BodyComparison, BodyDifference } from "./compare/body-compare.js";
export { compareBodies } from "./compare/body-compare.js";
export type { PartsDifference } from "./compare/part-compare.js";
export { differingParts } from "./compare/part-compare.js";
export type { EditTarget } from "./edit-target.js";
export { editTarget, resolveSingle } from "./edit-target.js";
export { ELEMENT_TYPES } from "./elements/build-element.js";
export { imageFormatOf, MAX_IMAGE_BYTES } from "./elements/image-builder.js";
export type { InsertTextOptions, InsertTextResult } from "./insert-text.js";
export { insertText } from "./insert-text.js";
export type { CoreProperty, MetadataResult } from "./metadata/core-properties.js";
export { CORE_PROPERTIES } from "./metadata/core-properties.js";
export type { AppliedOperation, OperationName, OperationResultOf } from "./registry/index.js";
export {
  describeOperation,
  MAX_PATCH_OPERATIONS,
  OPERATION_FIELDS,
  parseOperation,
  parsePatch,
  runPatch,
} from "./registry/index.js";
export type { Field, Fields } from "./registry/operation-fields.js";
export type { ResolvedRevision } from "./registry/revision-operations.js";
export { replaceParagraphText } from "./replace-paragraph-text.js";
export type { ReplaceTextOptions, ReplaceTextResult } from "./replace-text.js";
export { replaceText } from "./replace-text.js";
export type { Revision, RevisionAction, RevisionFilter, RevisionOutcome, RevisionType } from "./revisions/index.js";
export { applyRevisions, REVISION_TYPES, revisionList, setTrackRevisions } from "./revisions/index.js";
export type {
  Alignment,
  HeaderFooterEdit,
  HeaderFooterKind,
  HeaderFooterResult,
  HeaderFooterType,
  PageSetup,
  PageSetupChange,
  SectionLayout,
} from "./sections/index.js";
export {
  ALIGNMENTS,
  evenAndOddHeaders,
  HEADER_FOOTER_TYPES,
  MARGIN_NAMES,
  sectionLayouts,
  setHeaderFooter,
  setPageSetup,
} from "./sections/index.js";
export type { StyleOutcome } from "./style/apply-style.js";
export type { StyleOptions } from "./style/style-ops.js";
export { styleParagraphs, styleRuns, styleTables } from "./style/style-ops.js";
export type { RevisionContext } from "./tracking.js";
export { isTracking, revisionContext, revisionElement, trackingOf } from "./tracking.js";
