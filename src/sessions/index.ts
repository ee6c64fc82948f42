export { DocumentSessions, MAX_DOCUMENT_BYTES, hasUnsavedChanges } from "./document-sessions";
export type { ClosedSession, DocumentSessionsDeps } from "./document-sessions";
export { SessionError, isSessionError } from "./errors";
export type { SessionFailure, SessionFailureKind } from "./errors";
export { validateLibraryName, MAX_LIBRARY_NAME_LENGTH } from "./library-names";
export type { BlobBody, LibraryFileInfo, LibraryStore, SessionIndex, SessionManifest, SessionRecord, SessionStore } from "./ports";
