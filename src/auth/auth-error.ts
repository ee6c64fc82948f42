/** Why a request could not be authenticated, as data; src/http/http-errors.ts turns it into a 401. */
export type AuthFailure =
  | { kind: "missing_token"; message: string }
  | { kind: "malformed_token"; message: string }
  | { kind: "unknown_token"; message: string }
  | { kind: "revoked_token"; message: string }
  | { kind: "expired_token"; message: string }
  | { kind: "wrong_audience"; message: string };

export type AuthFailureKind = AuthFailure["kind"];

export class AuthError extends Error {
  readonly failure: AuthFailure;
  constructor(failure: AuthFailure) {
    super(failure.message);
    this.name = "AuthError";
    this.failure = failure;
  }
  get kind(): AuthFailureKind {
    return this.failure.kind;
  }
}

export function isAuthError(e: unknown): e is AuthError {
  return e instanceof AuthError;
}
