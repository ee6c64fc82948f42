import { sessionNotFound } from "../sessions/errors";
import type {
  CheckpointMeta,
  CommitOutcome,
  HistoryEntryMeta,
  LoadPlan,
  MoveOutcome,
  RebaseOutcome,
  RequestRecord,
  RequestTag,
  SessionChanges,
  SessionIndex,
  SessionRecord,
} from "../sessions/ports";
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
  async update(sessionId: string, changes: SessionChanges) {
    return (await this.tenant.updateSession(sessionId, changes)) as SessionRecord | null;
  }
  async remove(sessionId: string) {
    return (await this.tenant.removeSession(sessionId)) as SessionRecord | null;
  }
  async loadPlan(sessionId: string, position?: number) {
    return (await this.tenant.loadPlan(sessionId, position)) as LoadPlan | null;
  }
  async findRequest(sessionId: string, requestId: string) {
    return (await this.tenant.findRequest(sessionId, requestId)) as RequestRecord | null;
  }
  async commit(sessionId: string, expectedVersion: number, entry: HistoryEntryMeta, result: string | null, at: string) {
    const outcome = (await this.tenant.commitEntry(sessionId, expectedVersion, entry, result, at)) as CommitOutcome | null;
    if (!outcome) throw sessionNotFound(sessionId);
    return outcome;
  }
  async move(sessionId: string, expectedVersion: number, position: number, at: string, request: RequestTag | null = null) {
    const outcome = (await this.tenant.moveCursor(sessionId, expectedVersion, position, at, request)) as MoveOutcome | null;
    if (!outcome) throw sessionNotFound(sessionId);
    return outcome;
  }
  async addCheckpoint(sessionId: string, checkpoint: CheckpointMeta, builtFrom: string | null) {
    return (await this.tenant.addCheckpoint(sessionId, checkpoint, builtFrom)) as boolean;
  }
  async history(sessionId: string, offset: number, limit: number) {
    return (await this.tenant.history(sessionId, offset, limit)) as { entries: HistoryEntryMeta[]; total: number } | null;
  }
  async rebase(sessionId: string, expectedVersion: number, baselineGeneration: number, discardRedo: boolean, at: string) {
    const outcome = (await this.tenant.rebase(sessionId, expectedVersion, baselineGeneration, discardRedo, at)) as RebaseOutcome | null;
    if (!outcome) throw sessionNotFound(sessionId);
    return outcome;
  }
}

/** The tenant's Durable Object stub: one object per tenant, named by the tenant id. */
export function tenantStub(namespace: DurableObjectNamespace<TenantObject>, tenantId: string): DurableObjectStub<TenantObject> {
  return namespace.get(namespace.idFromName(tenantId));
}
