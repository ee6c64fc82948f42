import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import type { ChangeFeed, DocumentSessions, LiveChange, SessionIndex } from "../sessions/index";
import type { CheckpointMeta, HistoryEntryMeta, RequestTag, SessionChanges, SessionRecord } from "../sessions/ports";
import { DurableSessionIndex } from "./durable-session-index";
import { LIVE_PING, LIVE_PONG, LiveHub } from "./live-hub";
import { SessionLedger } from "./session-ledger";
import { SessionTimers } from "./session-timers";
import { SessionUpkeep } from "./session-upkeep";

/** Default idle lifetime of a session, when SESSION_TTL_DAYS is not set. */
const DEFAULT_SESSION_TTL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the alarm waits before trying again to end a session whose objects could not be deleted. */
const EXPIRY_RETRY_MS = 60_000;

/**
 * One per tenant (idFromName(tenantId)): the single writer of the tenant's session index and history
 * ledgers, and so the place where a session's position advances. Its alarm auto-saves and expires sessions. It is
 * also the tenant's live hub: listeners attach over hibernatable WebSockets (`fetch`) and hear of changes (`publish`).
 * RPC methods only; logic in SessionLedger, SessionTimers and SessionUpkeep. The composition root (src/index.ts)
 * subclasses it to give it the storage it saves through (`sessionsFor`).
 */
export class TenantObject extends DurableObject<Env> {
  private readonly ledger: SessionLedger;
  private readonly timers: SessionTimers;
  private readonly ttlMs: number;
  private readonly hub: LiveHub;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.hub = new LiveHub(ctx);
    // Listeners' keep-alive pings are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
    this.ledger = new SessionLedger(ctx.storage.sql);
    this.timers = new SessionTimers(ctx.storage.sql);
    const days = Number(env.SESSION_TTL_DAYS ?? DEFAULT_SESSION_TTL_DAYS);
    this.ttlMs = (Number.isFinite(days) && days > 0 ? days : DEFAULT_SESSION_TTL_DAYS) * DAY_MS;
  }

  /** The sessions service the alarm saves and closes through; the composition root provides the storage. */
  protected sessionsFor(_tenantId: string, _index: SessionIndex, _feed: ChangeFeed): DocumentSessions | null {
    return null;
  }

  /** A listener attaching (a WebSocket upgrade); see LiveHub.attach. */
  override async fetch(request: Request): Promise<Response> {
    return this.hub.attach(request, (id) => this.ledger.get(id)?.position ?? null);
  }
  /** Sends a committed change to the listeners of its keys. */
  publish(change: LiveChange) {
    this.hub.publish(change);
  }
  /** Listeners send nothing but pings, which the auto-response answers; anything else is ignored. */
  override webSocketMessage() {}
  override webSocketClose(ws: WebSocket, code: number, reason: string) {
    try {
      ws.close(code === 1005 ? 1000 : code, reason); // 1005 (no code given) may not be sent back
    } catch {
      // already closed
    }
  }

  addSession(record: SessionRecord) {
    this.ledger.add(record);
    this.reschedule();
  }
  getSession(id: string) {
    const record = this.ledger.get(id);
    return record && this.withExpiry(record);
  }
  listSessions(offset: number, limit: number) {
    const page = this.ledger.list(offset, limit);
    return { ...page, sessions: page.sessions.map((s) => this.withExpiry(s)) };
  }
  updateSession(id: string, changes: SessionChanges) {
    const record = this.ledger.update(id, changes);
    if (changes.autoSave === true && record) this.edited(id); // turned on: write back what is pending
    return record && this.withExpiry(record);
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
    const outcome = this.ledger.commit(id, expectedVersion, entry, result, at);
    if (outcome?.status === "committed") this.edited(id);
    return outcome;
  }
  moveCursor(id: string, expectedVersion: number, position: number, at: string, request: RequestTag | null = null) {
    const outcome = this.ledger.move(id, expectedVersion, position, at, request);
    if (outcome?.status === "moved") this.edited(id);
    return outcome;
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
  /** The record with when the session ends if left idle (its last change plus the lifetime). */
  private withExpiry(record: SessionRecord): SessionRecord {
    return { ...record, expiresAt: new Date(Date.parse(record.updatedAt) + this.ttlMs).toISOString() };
  }

  override async alarm() {
    const tenantId = this.ctx.id.name;
    // The object reaches itself directly: the same calls the Worker makes over RPC.
    const index = new DurableSessionIndex(this as unknown as DurableObjectStub<TenantObject>);
    const feed: ChangeFeed = { publish: async (_tenantId, change) => this.hub.publish(change) };
    const sessions = tenantId ? this.sessionsFor(tenantId, index, feed) : null;
    const report = sessions ? await new SessionUpkeep(this.timers, sessions, this.ttlMs).run() : null;
    // A session that could not be ended is still due; retry it a minute later rather than at once, again and again.
    this.reschedule(report?.expiryFailed.length ? Date.now() + EXPIRY_RETRY_MS : Date.now());
  }

  private edited(id: string) {
    this.timers.editMade(id, Date.now());
    this.reschedule();
  }

  /** One alarm per object: set to the earliest save or expiry due, not before `earliest` (writes are ordered, so not awaited). */
  private reschedule(earliest = Date.now()) {
    const next = this.timers.nextAlarm(this.ttlMs);
    if (next === null) void this.ctx.storage.deleteAlarm();
    else void this.ctx.storage.setAlarm(Math.max(next, earliest));
  }
}
