import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { HttpError } from "./http-errors";

/** Seconds in the rate limiter's window (wrangler.toml [[ratelimits]] TENANT_LIMITER: 120 requests per 10 s). */
const WINDOW_SECONDS = 10;

/**
 * Per-tenant request rate for authenticated routes (after bearerAuth): one tenant's burst cannot take every isolate's
 * time from the others. Past the limit the answer is 429 rate_limited with Retry-After.
 */
export function tenantRateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const outcome = await c.env.TENANT_LIMITER?.limit({ key: `tenant:${c.var.principal.tenantId}` });
    if (outcome && !outcome.success) {
      throw new HttpError({
        kind: "rate_limited",
        retryAfterSeconds: WINDOW_SECONDS,
        message: `Too many requests for this account (at most 120 every ${WINDOW_SECONDS} seconds); retry after ${WINDOW_SECONDS} seconds.`,
      });
    }
    await next();
  };
}
