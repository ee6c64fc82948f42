import type { D1Migration } from "cloudflare:test";

// Types of `env` from cloudflare:test and `exports` from cloudflare:workers inside the workers test pool.
declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      DOCS: R2Bucket;
      TENANT: DurableObjectNamespace<import("../../src/tenant/tenant-object").TenantObject>;
      ENVIRONMENT: string;
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import("../../src/index");
      durableNamespaces: "TenantObject";
    }
  }
}
export {};
