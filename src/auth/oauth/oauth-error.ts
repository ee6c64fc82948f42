/**
 * OAuth failures as data, using the error codes of RFC 6749 §4.1.2.1 / §5.2, RFC 7591 §3.2.2 and
 * RFC 8707 §2. src/http/oauth/oauth-responses.ts is the one place that puts them on the wire.
 */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "invalid_scope"
  | "invalid_target"
  | "access_denied"
  | "invalid_redirect_uri"
  | "invalid_client_metadata";

export interface OAuthFailure {
  code: OAuthErrorCode;
  description: string;
}

export class OAuthError extends Error {
  readonly failure: OAuthFailure;
  constructor(code: OAuthErrorCode, description: string) {
    super(description);
    this.name = "OAuthError";
    this.failure = { code, description };
  }
}

export const isOAuthError = (e: unknown): e is OAuthError => e instanceof OAuthError;
