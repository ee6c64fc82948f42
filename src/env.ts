import type { TenantObject } from "./tenant/tenant-object";

/** Bindings declared in wrangler.toml. Only src/index.ts and the Durable Object read them. */
export interface Env {
  DB: D1Database;
  DOCS: R2Bucket;
  TENANT: DurableObjectNamespace<TenantObject>;
  ENVIRONMENT: string;
  /** "true" only in development: accept client ID metadata documents served over http on loopback. */
  CIMD_ALLOW_LOOPBACK?: string;
  /** Dynamic client registrations per client address. */
  REGISTRATION_LIMIT: RateLimit;
  /** Sign-in attempts per account, whatever address they come from. */
  SIGN_IN_ACCOUNT_LIMIT: RateLimit;
  /** The deployment's https origin: the OAuth issuer and the MCP resource URL are built from it, never from Host. */
  PUBLIC_ORIGIN?: string;
  /** Browser origins besides the deployment's own that may call /mcp, comma-separated (loopback is allowed in development). */
  MCP_ALLOWED_ORIGINS?: string;
  /** Requests per tenant on /mcp and /api (wrangler.toml [[ratelimits]]); absent in apps built without it. */
  TENANT_LIMITER?: RateLimit;
  /** Bytes one tenant's library may hold (uploads, saves, exports); default 1 GiB. */
  LIBRARY_QUOTA_BYTES?: string;
  /** Days a session may stay idle before the tenant object's alarm ends it (default 30). */
  SESSION_TTL_DAYS?: string;
  /** Signs sign-in cookies and CSRF tokens. A secret (`wrangler secret put`); loopback/test hosts fall back to a dev value. */
  BETTER_AUTH_SECRET?: string;
}
