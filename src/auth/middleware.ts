import type { Context, MiddlewareHandler } from "hono";
import { AuthError } from "./auth-error";
import { authDatabase } from "./database";
import type { Principal } from "./principal";
import { lastUsedIsStale, recordAccessTokenUse, verifyAccessToken } from "./token-store";

/** What bearerAuth needs from the Hono app: the D1 binding in, the principal out. */
export type AuthEnv = { Bindings: { DB: D1Database }; Variables: { principal: Principal } };

export interface BearerAuthOptions {
  /** Clock in epoch ms; tests inject one to cross expiry and the last-used interval. */
  now?: () => number;
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
 * Authenticates `Authorization: Bearer <token>` and sets `c.var.principal`. Failures are thrown as
 * AuthError, which the app's onError turns into a 401 (src/http/http-errors.ts).
 */
export function bearerAuth(options: BearerAuthOptions = {}): MiddlewareHandler<AuthEnv> {
  const clock = options.now ?? Date.now;
  return async (c, next) => {
    const token = bearerToken(c.req.header("Authorization"));
    const now = clock();
    const db = authDatabase(c.env.DB);
    const { principal, lastUsedAt } = await verifyAccessToken(db, token, now);
    if (lastUsedIsStale(lastUsedAt, now)) {
      const write = recordAccessTokenUse(db, principal.tokenId, now).catch((e) => {
        console.warn("could not record access token use", principal.tokenId, e);
      });
      await inBackground(c, write);
    }
    c.set("principal", principal);
    await next();
  };
}
