import type { ChangeFeed, LiveChange } from "../sessions/index";
import { tenantStub } from "./durable-session-index";
import type { TenantObject } from "./tenant-object";

/** The change feed over the tenant Durable Objects: each change goes to its tenant's hub by RPC. */
export class TenantChangeFeed implements ChangeFeed {
  constructor(private readonly namespace: DurableObjectNamespace<TenantObject>) {}

  async publish(tenantId: string, change: LiveChange): Promise<void> {
    await tenantStub(this.namespace, tenantId).publish(change);
  }
}
