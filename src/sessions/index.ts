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
  unsavedEdits,
} from "./document-sessions";
export { openLibraryDocx, openLibrarySource } from "./docx-files";
export type { SessionFailure, SessionFailureKind } from "./errors";
export { isSessionError, SessionError, sessionNotFound } from "./errors";
export type { ExternalState } from "./external-changes";
export { ExternalChanges } from "./external-changes";
export { checkLibraryImage, imageTypeForName, MAX_LIBRARY_IMAGE_BYTES } from "./library-images";
export { MAX_LIBRARY_NAME_LENGTH, validateLibraryName } from "./library-names";
export { DEFAULT_LIBRARY_QUOTA_BYTES, LibraryQuota, libraryQuotaBytes } from "./library-quota";
export type { LiveEvent, LiveKey, LiveStream } from "./live-events";
export {
  checkLiveKeys,
  keysOfChange,
  LIBRARY_KEY,
  MAX_KEYS_PER_LISTENER,
  MAX_SUBSCRIPTIONS_PER_TENANT,
  parseLiveKey,
  SESSIONS_KEY,
  sessionKey,
} from "./live-events";
export { LiveLibraryStore } from "./live-library-store";
export type {
  BlobBody,
  ByteSource,
  ChangeFeed,
  CheckpointMeta,
  CommitOutcome,
  HistoryEntryMeta,
  LibraryFileInfo,
  LibraryStore,
  LiveChange,
  LoadPlan,
  MoveOutcome,
  RebaseOutcome,
  RequestRecord,
  RequestTag,
  SessionChanges,
  SessionIndex,
  SessionManifest,
  SessionRecord,
  SessionStore,
  UploadStaging,
  WriteCondition,
} from "./ports";
export type { RequestCall } from "./request-retry";
export type { EditOutcome, Mutation, SessionHistoryDeps } from "./session-history";
export { SessionHistory } from "./session-history";
