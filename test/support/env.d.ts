import type { D1Migration } from "cloudflare:test";
import type { Env as WorkerEnv } from "../../src/env";

// `env` from cloudflare:test and `exports` from cloudflare:workers take their types from these.
declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import("../../src/index");
      durableNamespaces: "TenantObject";
    }
  }
}

export type { D1Migration, WorkerEnv as Env };
