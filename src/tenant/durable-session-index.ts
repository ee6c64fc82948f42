import type { SessionIndex, SessionRecord } from "../sessions/ports";
import type { TenantObject } from "./tenant-object";

/** SessionIndex over RPC to the tenant's Durable Object. */
export class DurableSessionIndex implements SessionIndex {
  constructor(private readonly tenant: DurableObjectStub<TenantObject>) {}

  async add(record: SessionRecord) {
    await this.tenant.addSession(record);
  }
  async get(sessionId: string) {
    return (await this.tenant.getSession(sessionId)) as SessionRecord | null;
  }
  async list({ offset, limit }: { offset: number; limit: number }) {
    return (await this.tenant.listSessions(offset, limit)) as { sessions: SessionRecord[]; total: number };
  }
  async update(sessionId: string, changes: Partial<SessionRecord>) {
    return (await this.tenant.updateSession(sessionId, changes)) as SessionRecord | null;
  }
  async remove(sessionId: string) {
    return (await this.tenant.removeSession(sessionId)) as SessionRecord | null;
  }
}

/** The tenant's Durable Object stub: one object per tenant, named by the tenant id. */
export function tenantStub(namespace: DurableObjectNamespace<TenantObject>, tenantId: string): DurableObjectStub<TenantObject> {
  return namespace.get(namespace.idFromName(tenantId));
}
