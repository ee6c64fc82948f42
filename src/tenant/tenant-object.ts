import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import type { SessionRecord } from "../sessions/ports";
import { SessionTable } from "./session-table";

/**
 * One per tenant (idFromName(tenantId)): the single writer of the tenant's session index.
 * RPC methods only; the logic lives in SessionTable. A DO runs one call at a time between awaits,
 * and SessionTable never awaits, so each method is atomic.
 */
export class TenantObject extends DurableObject<Env> {
  private readonly sessions: SessionTable;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sessions = new SessionTable(ctx.storage.sql);
  }

  addSession(record: SessionRecord): void {
    this.sessions.add(record);
  }
  getSession(id: string): SessionRecord | null {
    return this.sessions.get(id);
  }
  listSessions(offset: number, limit: number): { sessions: SessionRecord[]; total: number } {
    return this.sessions.list(offset, limit);
  }
  updateSession(id: string, changes: Partial<SessionRecord>): SessionRecord | null {
    return this.sessions.update(id, changes);
  }
  removeSession(id: string): SessionRecord | null {
    return this.sessions.remove(id);
  }
}
