import type { TenantObject } from "./tenant/tenant-object";

/** Bindings declared in wrangler.toml. Only src/index.ts and the Durable Object read them. */
export interface Env {
  DB: D1Database;
  DOCS: R2Bucket;
  TENANT: DurableObjectNamespace<TenantObject>;
  ENVIRONMENT: string;
  /** Client registrations per address (wrangler.toml [[ratelimits]]); absent in apps built without it. */
  REGISTRATION_LIMITER?: RateLimit;
  /** Requests per tenant on /mcp and /api (wrangler.toml [[ratelimits]]); absent in apps built without it. */
  TENANT_LIMITER?: RateLimit;
  /** Signs sign-in cookies and CSRF tokens. A secret (`wrangler secret put`); loopback/test hosts fall back to a dev value. */
  BETTER_AUTH_SECRET?: string;
}
