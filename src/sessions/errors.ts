/** Everything that can go wrong in the sessions layer, as data. Each boundary (MCP, HTTP) maps these in one place. */
export type SessionFailure =
  | { kind: "invalid_name"; name: string; message: string }
  | { kind: "file_not_found"; name: string; message: string }
  | { kind: "file_too_large"; name: string; size: number; limit: number; message: string }
  | { kind: "not_a_docx"; name: string; message: string }
  | { kind: "session_not_found"; sessionId: string; message: string }
  | { kind: "session_closed"; sessionId: string; message: string }
  | { kind: "conflict"; sessionId: string; message: string }
  | { kind: "forbidden"; scope: string; message: string }
  | { kind: "invalid_argument"; field: string; message: string }
  | { kind: "quota_exceeded"; quota: string; limit: number; message: string };

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
