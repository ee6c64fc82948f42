import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";

/** One per tenant (idFromName(tenantId)): the single writer of the tenant's session index. */
export class TenantObject extends DurableObject<Env> {
  async ping(): Promise<string> {
    return "pong";
  }
}
