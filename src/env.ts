import type { TenantObject } from "./tenant/tenant-object";

/** Bindings declared in wrangler.toml. Only src/index.ts and the Durable Object read them. */
export interface Env {
  DB: D1Database;
  DOCS: R2Bucket;
  TENANT: DurableObjectNamespace<TenantObject>;
  ENVIRONMENT: string;
  /** Days a session may stay idle before the tenant object's alarm ends it (default 30). */
  SESSION_TTL_DAYS?: string;
  /** Signs sign-in cookies and CSRF tokens. A secret (`wrangler secret put`); loopback/test hosts fall back to a dev value. */
  BETTER_AUTH_SECRET?: string;
}
