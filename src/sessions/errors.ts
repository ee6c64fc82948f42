/** Everything that can go wrong in the sessions layer, as data. Each boundary (MCP, HTTP) maps these in one place. */
export type SessionFailure =
  | { kind: "invalid_name"; name: string; message: string }
  | { kind: "file_not_found"; name: string; message: string }
  | { kind: "file_too_large"; name: string; size: number; limit: number; message: string }
  | { kind: "not_a_docx"; name: string; message: string }
  | { kind: "invalid_image"; name: string; message: string }
  | { kind: "session_not_found"; sessionId: string; message: string }
  | { kind: "session_closed"; sessionId: string; message: string }
  | { kind: "conflict"; sessionId: string; message: string }
  | { kind: "forbidden"; scope: string; message: string }
  | { kind: "invalid_argument"; field: string; message: string }
  /** `used`: what the quota had consumed before this request (library bytes). */
  | { kind: "quota_exceeded"; quota: string; limit: number; used?: number; message: string }
  /** document_save to the session's own file, which changed in the library since the session read or wrote it. */
  | { kind: "save_conflict"; name: string; changedAt: string | null; message: string }
  /** document_close of a session whose document differs from its library file, without `discard: true`. */
  | { kind: "unsaved_changes"; sessionId: string; edits: number; message: string }
  /** A library file (export, save-as target) exists and the call did not say `overwrite: true`. */
  | { kind: "file_exists"; name: string; message: string }
  | { kind: "read_only_session"; sessionId: string; message: string }
  /** A stored object changed or was deleted while it was being read by ranges (another writer came first); nothing was written. */
  | { kind: "source_changed"; name: string; message: string }
  /** An edit said which position it expected (`expected_position`) and the document has moved since. */
  | {
      kind: "stale_position";
      sessionId: string;
      expected: number;
      position: number;
      changes: { position: number; tool: string; at: string; description: string }[];
      message: string;
    }
  | { kind: "request_id_reused"; sessionId: string; requestId: string; message: string }
  | { kind: "request_discarded"; sessionId: string; requestId: string; position: number; discardedAt: string | null; message: string };

export type SessionFailureKind = SessionFailure["kind"];

export class SessionError extends Error {
  readonly failure: SessionFailure;
  constructor(failure: SessionFailure) {
    super(failure.message);
    this.name = "SessionError";
    this.failure = failure;
  }
  get kind(): SessionFailureKind {
    return this.failure.kind;
  }
}

export function isSessionError(e: unknown): e is SessionError {
  return e instanceof SessionError;
}

/** The one wording for an unknown session id, wherever it is detected. */
export function sessionNotFound(sessionId: string): SessionError {
  return new SessionError({
    kind: "session_not_found",
    sessionId,
    message: `No open session ${JSON.stringify(sessionId)}. Call document_list to see open sessions`,
  });
}

/** The one wording for a change refused because the session is read-only. */
export function readOnlySession(sessionId: string): SessionError {
  return new SessionError({
    kind: "read_only_session",
    sessionId,
    message: `Session ${sessionId} was opened with a read-only token, so it cannot be edited, moved or saved. Open the file again with a token that has the 'write' scope.`,
  });
}

/** The one wording for a stored object that no longer holds the version being read (see ByteSource). */
export function sourceChanged(name: string): SessionError {
  return new SessionError({
    kind: "source_changed",
    name,
    message: `${name} changed or was deleted while it was being read; nothing was written. Retry the call.`,
  });
}
