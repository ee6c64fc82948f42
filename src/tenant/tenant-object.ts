import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import type { CheckpointMeta, HistoryEntryMeta, RequestTag, SessionChanges, SessionRecord } from "../sessions/ports";
import { SessionLedger } from "./session-ledger";

/**
 * One per tenant (idFromName(tenantId)): the single writer of the tenant's session index and history
 * ledgers, and so the place where a session's position advances. RPC methods only; logic in SessionLedger.
 */
export class TenantObject extends DurableObject<Env> {
  private readonly ledger: SessionLedger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ledger = new SessionLedger(ctx.storage.sql);
  }

  addSession(record: SessionRecord) {
    this.ledger.add(record);
  }
  getSession(id: string) {
    return this.ledger.get(id);
  }
  listSessions(offset: number, limit: number) {
    return this.ledger.list(offset, limit);
  }
  updateSession(id: string, changes: SessionChanges) {
    return this.ledger.update(id, changes);
  }
  removeSession(id: string) {
    return this.ledger.remove(id);
  }
  loadPlan(id: string, position?: number) {
    return this.ledger.loadPlan(id, position);
  }
  findRequest(id: string, requestId: string) {
    return this.ledger.findRequest(id, requestId);
  }
  commitEntry(id: string, expectedVersion: number, entry: HistoryEntryMeta, result: string | null, at: string) {
    return this.ledger.commit(id, expectedVersion, entry, result, at);
  }
  moveCursor(id: string, expectedVersion: number, position: number, at: string, request: RequestTag | null = null) {
    return this.ledger.move(id, expectedVersion, position, at, request);
  }
  addCheckpoint(id: string, checkpoint: CheckpointMeta, builtFrom: string | null) {
    return this.ledger.addCheckpoint(id, checkpoint, builtFrom);
  }
  history(id: string, offset: number, limit: number) {
    return this.ledger.history(id, offset, limit);
  }
  rebase(id: string, expectedVersion: number, baselineGeneration: number, discardRedo: boolean, at: string) {
    return this.ledger.rebase(id, expectedVersion, baselineGeneration, discardRedo, at);
  }
}
