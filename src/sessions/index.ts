export { CHECKPOINT_MAX_ENTRIES, checkpointDue } from "./checkpoint-policy";
export type { CachedDocument } from "./document-cache";
export { DocumentCache } from "./document-cache";
export type { ClosedSession, DocumentSessionsDeps, ExportOutcome } from "./document-sessions";
export {
  DocumentSessions,
  hasUnsavedChanges,
  INLINE_EXPORT_BYTES,
  MAX_DOCUMENT_BYTES,
  MAX_EXPORT_BYTES,
  MAX_OPEN_SESSIONS,
} from "./document-sessions";
export type { SessionFailure, SessionFailureKind } from "./errors";
export { isSessionError, SessionError, sessionNotFound } from "./errors";
export { MAX_LIBRARY_NAME_LENGTH, validateLibraryName } from "./library-names";
export type {
  BlobBody,
  CheckpointMeta,
  CommitOutcome,
  HistoryEntryMeta,
  LibraryFileInfo,
  LibraryStore,
  LoadPlan,
  MoveOutcome,
  RebaseOutcome,
  SessionIndex,
  SessionManifest,
  SessionRecord,
  SessionStore,
} from "./ports";
export type { EditOutcome, Mutation, SessionHistoryDeps } from "./session-history";
export { SessionHistory } from "./session-history";
