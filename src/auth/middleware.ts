import type { Context, MiddlewareHandler } from "hono";
import { AuthError } from "./auth-error";
import { authDatabase } from "./database";
import { recordGrantUse, verifyOAuthAccessToken } from "./oauth/access-tokens";
import { OAUTH_ACCESS_PREFIX } from "./oauth/oauth-secrets";
import type { Principal } from "./principal";
import { LAST_USED_RESOLUTION_MS, lastUsedIsStale, recordAccessTokenUse, verifyAccessToken } from "./token-store";
import { forgetToken, noteTokenUse, recalledToken, rememberToken, type VerifiedToken } from "./verified-tokens";

/** What bearerAuth needs from the Hono app: the D1 binding in, the principal out. */
export type AuthEnv = { Bindings: { DB: D1Database }; Variables: { principal: Principal } };

export interface BearerAuthOptions {
  /** Clock in epoch ms; tests inject one to cross expiry and the last-used interval. */
  now?: () => number;
  /**
   * Also accept OAuth access tokens, which are bound to one resource (RFC 8707): given the request,
   * the resource URL a token must have been issued for. Without it only personal tokens work.
   */
  oauthResource?: (c: Context<AuthEnv>) => string;
}

type Verified = VerifiedToken & { recordUse: () => Promise<void> };

/** What verifying a bearer token needs from a request: the D1 binding and, for an OAuth token, the audience it must have. */
interface BearerCheck {
  d1: D1Database;
  token: string;
  /** The resource URL an OAuth access token must have been issued for; without it only personal tokens work. */
  resource?: string;
}

/**
 * Personal tokens (dxe_) and OAuth access tokens (dxa_) are told apart by prefix; both give a Principal. A token
 * verified on this isolate in the last few seconds is taken from memory unless `fresh` (verified-tokens.ts).
 */
async function verifyBearer({ d1, token, resource }: BearerCheck, now: number, fresh = false): Promise<Verified> {
  const db = authDatabase(d1);
  const oauth = token.startsWith(OAUTH_ACCESS_PREFIX);
  if (oauth && resource === undefined) {
    throw new AuthError({
      kind: "wrong_audience",
      message: "OAuth access tokens are only accepted at /mcp; use a personal access token (dxe_...) here.",
    });
  }
  const key = oauth ? `${resource} ${token}` : token;
  let verified = fresh ? undefined : recalledToken(key, now);
  if (!verified) {
    try {
      verified = oauth ? await verifyOAuthAccessToken(db, token, resource as string, now) : await verifyAccessToken(db, token, now);
    } catch (error) {
      forgetToken(key);
      throw error;
    }
    rememberToken(key, verified, now);
  }
  const tokenId = verified.principal.tokenId;
  const record = oauth ? () => recordGrantUse(db, tokenId, now, LAST_USED_RESOLUTION_MS) : () => recordAccessTokenUse(db, tokenId, now);
  return { ...verified, recordUse: () => record().then(() => noteTokenUse(key, now)) };
}

/** The check for this request's token; the audience is worked out only for an OAuth token. */
function bearerCheck(c: Context<AuthEnv>, options: BearerAuthOptions): BearerCheck {
  const token = bearerToken(c.req.header("Authorization"));
  const resource = token.startsWith(OAUTH_ACCESS_PREFIX) ? options.oauthResource?.(c) : undefined;
  return { d1: c.env.DB, token, resource };
}

function bearerToken(header: string | undefined): string {
  const match = header?.match(/^\s*Bearer\s+(.*?)\s*$/i);
  if (!match) {
    throw new AuthError({ kind: "missing_token", message: "This endpoint needs an access token: send Authorization: Bearer dxe_..." });
  }
  return match[1];
}

/** Runs after the response when the platform allows it, so the caller never waits on the write. */
function inBackground(c: Context, work: Promise<unknown>): Promise<unknown> | undefined {
  try {
    c.executionCtx.waitUntil(work);
    return undefined;
  } catch {
    return work; // no ExecutionContext (plain app.request in tests): finish before answering
  }
}

/**
 * For a request bearerAuth let through: a check of its token that reads D1 afresh every time it runs, so long-lived
 * responses such as an MCP listen stream can ask again while they stay open (not revoked, not expired).
 */
export function bearerStillValid<E extends AuthEnv>(c: Context<E>, options: BearerAuthOptions = {}): () => Promise<boolean> {
  const clock = options.now ?? Date.now;
  return async () => {
    try {
      // Only the header and the D1 binding are read, which every AuthEnv context has.
      await verifyBearer(bearerCheck(c as unknown as Context<AuthEnv>, options), clock(), true);
      return true;
    } catch (error) {
      if (error instanceof AuthError) return false;
      throw error;
    }
  };
}

/**
 * Authenticates `Authorization: Bearer <token>` and sets `c.var.principal`. Failures are thrown as
 * AuthError, which the app's onError turns into a 401 (src/http/http-errors.ts).
 */
export function bearerAuth(options: BearerAuthOptions = {}): MiddlewareHandler<AuthEnv> {
  const clock = options.now ?? Date.now;
  return async (c, next) => {
    const now = clock();
    const { principal, lastUsedAt, recordUse } = await verifyBearer(bearerCheck(c, options), now);
    if (lastUsedIsStale(lastUsedAt, now)) {
      const write = recordUse().catch((e) => {
        console.warn("could not record access token use", principal.tokenId, e);
      });
      await inBackground(c, write);
    }
    c.set("principal", principal);
    await next();
  };
}
