import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AuthError, isAuthError } from "../auth";
import { isSessionError, type SessionError, type SessionFailureKind } from "../sessions/errors";
import { protectedResourceMetadataUrl } from "./well-known";

/** Request-shape failures only the HTTP boundary can have (the sessions layer never sees a Content-Type). */
export type HttpFailure =
  | { kind: "unsupported_media_type"; contentType: string; message: string }
  | { kind: "bad_request"; message: string };

export class HttpError extends Error {
  readonly failure: HttpFailure;
  constructor(failure: HttpFailure) {
    super(failure.message);
    this.name = "HttpError";
    this.failure = failure;
  }
}

const SESSION_STATUS: Record<SessionFailureKind, ContentfulStatusCode> = {
  invalid_name: 400,
  invalid_argument: 400,
  forbidden: 403,
  file_not_found: 404,
  session_not_found: 404,
  session_closed: 409,
  conflict: 409,
  file_too_large: 413,
  not_a_docx: 422,
};

const HTTP_STATUS: Record<HttpFailure["kind"], ContentfulStatusCode> = {
  bad_request: 400,
  unsupported_media_type: 415,
};

/** Double quotes and backslashes would break out of an auth-param quoted string. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, "'")}"`;

function authErrorResponse(c: Context, error: AuthError): Response {
  const params = [`resource_metadata=${quoted(protectedResourceMetadataUrl(new URL(c.req.url).origin))}`];
  // RFC 6750 §3.1: no error code when the request carried no credentials at all.
  const code = error.kind === "missing_token" ? "missing_token" : "invalid_token";
  if (code === "invalid_token") params.push(`error="invalid_token"`, `error_description=${quoted(error.message)}`);
  c.header("WWW-Authenticate", `Bearer ${params.join(", ")}`);
  return c.json({ error: code, error_description: error.message }, 401);
}

function sessionErrorResponse(c: Context, error: SessionError): Response {
  const failure = error.failure;
  if (failure.kind === "forbidden") {
    const metadata = protectedResourceMetadataUrl(new URL(c.req.url).origin);
    c.header("WWW-Authenticate", `Bearer error="insufficient_scope", scope=${quoted(failure.scope)}, resource_metadata=${quoted(metadata)}`);
  }
  return c.json({ error: failure.kind, message: failure.message }, SESSION_STATUS[failure.kind]);
}

/**
 * The one place an error becomes an HTTP response: `{ error: kind, message }` with the matching status.
 * Use as `app.onError(httpErrorResponse)`. Unknown errors are logged and answered without details.
 */
export function httpErrorResponse(error: unknown, c: Context): Response {
  if (isAuthError(error)) return authErrorResponse(c, error);
  if (isSessionError(error)) return sessionErrorResponse(c, error);
  if (error instanceof HttpError) {
    return c.json({ error: error.failure.kind, message: error.failure.message }, HTTP_STATUS[error.failure.kind]);
  }
  if (error instanceof HTTPException) {
    return c.json({ error: "http_error", message: error.message || "Request failed." }, error.status);
  }
  console.error("unhandled error", error);
  return c.json({ error: "internal_error", message: "Something went wrong on our side; please retry." }, 500);
}
