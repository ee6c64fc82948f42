import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AuthConfigError, type AuthError, isAuthError, isOAuthError, type OAuthErrorCode } from "../auth";
import { isSessionError, type SessionError, type SessionFailureKind } from "../sessions/errors";
import { publicOriginOf } from "./public-origin";
import { protectedResourceMetadataUrl } from "./well-known";

/** Request-shape failures only the HTTP boundary can have (the sessions layer never sees a Content-Type). */
export type HttpFailure =
  | { kind: "unsupported_media_type"; contentType: string; message: string }
  | { kind: "bad_request"; message: string }
  | { kind: "payload_too_large"; limit: number; message: string }
  | { kind: "rate_limited"; retryAfterSeconds: number; message: string }
  | { kind: "csrf_rejected"; message: string };

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
  save_conflict: 412,
  unsaved_changes: 409,
  file_exists: 409,
  read_only_session: 403,
  source_changed: 409,
  request_id_reused: 422,
  request_discarded: 409,
  stale_position: 409,
  file_too_large: 413,
  not_a_docx: 422,
  quota_exceeded: 429,
  invalid_image: 422,
};

const HTTP_STATUS: Record<HttpFailure["kind"], ContentfulStatusCode> = {
  bad_request: 400,
  csrf_rejected: 403,
  payload_too_large: 413,
  rate_limited: 429,
  unsupported_media_type: 415,
};

/** RFC 6749 §5.2: 400 for everything except a client that failed to authenticate. */
const OAUTH_STATUS: Record<OAuthErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  access_denied: 403,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Browsers navigating to a page get a readable page; API clients keep getting JSON. */
function wantsHtml(c: Context): boolean {
  const path = new URL(c.req.url).pathname;
  return !path.startsWith("/api/") && path !== "/mcp" && (c.req.header("Accept") ?? "").includes("text/html");
}

function errorBody(c: Context, status: ContentfulStatusCode, kind: string, message: string): Response {
  if (!wantsHtml(c)) return c.json({ error: kind, message }, status);
  c.header("Cache-Control", "no-store");
  c.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  return c.html(
    `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>docx-edge</title>` +
      `<main style="font:16px/1.5 system-ui,sans-serif;max-width:560px;margin:10vh auto;padding:0 16px"><h1>Something is not right</h1>` +
      `<p>${escapeHtml(message)}</p><p><a href="/dashboard/tokens">Back to the dashboard</a></p></main>`,
    status,
  );
}

/** Double quotes and backslashes would break out of an auth-param quoted string. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, "'")}"`;

/**
 * Where a 401/403 tells the client to look: the configured origin's metadata. Unconfigured, the hint names
 * the request's own origin; it is an uncached answer to that one client, and the metadata there refuses to
 * be served (503), so nothing spoofed is ever published.
 */
function metadataUrl(c: Context): string {
  try {
    return protectedResourceMetadataUrl(publicOriginOf(c).origin);
  } catch (error) {
    if (error instanceof AuthConfigError) return protectedResourceMetadataUrl(new URL(c.req.url).origin);
    throw error;
  }
}

function authErrorResponse(c: Context, error: AuthError): Response {
  const params = [`resource_metadata=${quoted(metadataUrl(c))}`];
  // RFC 6750 §3.1: no error code when the request carried no credentials at all.
  const code = error.kind === "missing_token" ? "missing_token" : "invalid_token";
  if (code === "invalid_token") params.push(`error="invalid_token"`, `error_description=${quoted(error.message)}`);
  c.header("WWW-Authenticate", `Bearer ${params.join(", ")}`);
  return c.json({ error: code, error_description: error.message }, 401);
}

function sessionErrorResponse(c: Context, error: SessionError): Response {
  const failure = error.failure;
  if (failure.kind === "forbidden") {
    const metadata = metadataUrl(c);
    c.header(
      "WWW-Authenticate",
      `Bearer error="insufficient_scope", scope=${quoted(failure.scope)}, resource_metadata=${quoted(metadata)}`,
    );
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
  if (isOAuthError(error)) {
    c.header("Cache-Control", "no-store");
    const { code, description } = error.failure;
    return c.json({ error: code, error_description: description }, OAUTH_STATUS[code]);
  }
  if (error instanceof HttpError) {
    if (error.failure.kind === "rate_limited") c.header("Retry-After", String(error.failure.retryAfterSeconds));
    return errorBody(c, HTTP_STATUS[error.failure.kind], error.failure.kind, error.failure.message);
  }
  if (error instanceof AuthConfigError) {
    console.error(error.message);
    return errorBody(c, 503, error.kind, "Sign-in is not configured on this server yet.");
  }
  if (error instanceof HTTPException) {
    return c.json({ error: "http_error", message: error.message || "Request failed." }, error.status);
  }
  console.error("unhandled error", error);
  return c.json({ error: "internal_error", message: "Something went wrong on our side; please retry." }, 500);
}
