import { sessionNotFound } from "../../sessions/errors";
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
} from "../../sessions/ports";

interface Ledger {
  record: SessionRecord;
  entries: Map<number, { meta: HistoryEntryMeta; result: string | null }>;
  checkpoints: Map<number, CheckpointMeta>;
  /** Cursor moves made with a request id, so a retried undo does not undo twice. */
  moves: Map<string, RequestRecord & { kind: "move" }>;
  /** Request ids of entries that left history (compacted or discarded), so late retries are not applied again. */
  retired: Map<string, RequestRecord & { kind: "edit" }>;
}

const copy = <T>(value: T): T => structuredClone(value);

/** The session index and history ledgers in memory: the tenant Durable Object's stand-in for Node tests and benchmarks. */
export class MemorySessionIndex implements SessionIndex {
  private readonly ledgers = new Map<string, Ledger>();

  private ledger(sessionId: string): Ledger {
    const ledger = this.ledgers.get(sessionId);
    if (!ledger) throw sessionNotFound(sessionId);
    return ledger;
  }

  async add(record: SessionRecord) {
    this.ledgers.set(record.id, { record: copy(record), entries: new Map(), checkpoints: new Map(), moves: new Map(), retired: new Map() });
  }
  async get(sessionId: string) {
    const ledger = this.ledgers.get(sessionId);
    return ledger ? copy(ledger.record) : null;
  }
  async list({ offset, limit }: { offset: number; limit: number }) {
    const all = [...this.ledgers.values()]
      .map((l) => l.record)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { sessions: all.slice(offset, offset + limit).map(copy), total: all.length };
  }
  async update(sessionId: string, changes: SessionChanges) {
    const ledger = this.ledgers.get(sessionId);
    if (!ledger) return null;
    Object.assign(ledger.record, changes);
    return copy(ledger.record);
  }
  async remove(sessionId: string) {
    const ledger = this.ledgers.get(sessionId);
    this.ledgers.delete(sessionId);
    return ledger ? copy(ledger.record) : null;
  }

  async loadPlan(sessionId: string, position?: number): Promise<LoadPlan | null> {
    const ledger = this.ledgers.get(sessionId);
    if (!ledger) return null;
    const target = position ?? ledger.record.position;
    if (target < 0 || target > ledger.record.top) return null;
    const cps = [...ledger.checkpoints.values()].filter((c) => c.position <= target).sort((a, b) => b.position - a.position);
    const checkpoint = cps[0] ?? null;
    const from = checkpoint?.position ?? 0;
    const entries = [...ledger.entries.values()]
      .map((e) => e.meta)
      .filter((m) => m.position > from && m.position <= target)
      .sort((a, b) => a.position - b.position);
    return copy({ head: ledger.record, target, checkpoint, entries });
  }

  async findRequest(sessionId: string, requestId: string) {
    const ledger = this.ledgers.get(sessionId);
    return ledger ? copy(this.request(ledger, requestId)) : null;
  }

  private request(ledger: Ledger, requestId: string): RequestRecord | null {
    const live = [...ledger.entries.values()].find((e) => e.meta.requestId === requestId);
    if (live)
      return {
        kind: "edit",
        tool: live.meta.tool,
        digest: live.meta.requestDigest,
        position: live.meta.position,
        result: live.result,
        state: "in_history",
        retiredAt: null,
      };
    return ledger.retired.get(requestId) ?? ledger.moves.get(requestId) ?? null;
  }

  private retire(ledger: Ledger, keep: (position: number) => boolean, state: "compacted" | "discarded", at: string) {
    for (const { meta, result } of ledger.entries.values())
      if (meta.requestId !== null && !keep(meta.position))
        ledger.retired.set(meta.requestId, {
          kind: "edit",
          tool: meta.tool,
          digest: meta.requestDigest,
          position: meta.position,
          result,
          state,
          retiredAt: at,
        });
  }

  async commit(
    sessionId: string,
    expectedVersion: number,
    entry: HistoryEntryMeta,
    result: string | null,
    at: string,
  ): Promise<CommitOutcome> {
    const ledger = this.ledger(sessionId);
    const head = ledger.record;
    const earlier = entry.requestId !== null ? this.request(ledger, entry.requestId) : null;
    if (earlier) return copy({ status: "duplicate", head, request: earlier });
    if (head.version !== expectedVersion) return { status: "conflict", head: copy(head) };
    const dropped = this.dropAbove(ledger, head.position, at);
    const position = head.position + 1;
    ledger.entries.set(position, { meta: { ...entry, position }, result });
    if (head.savedPosition !== null && head.savedPosition > head.position) head.savedPosition = null;
    Object.assign(head, { position, top: position, version: head.version + 1, updatedAt: at });
    return { status: "committed", head: copy(head), dropped };
  }

  async move(
    sessionId: string,
    expectedVersion: number,
    position: number,
    at: string,
    request: RequestTag | null = null,
  ): Promise<MoveOutcome> {
    const ledger = this.ledger(sessionId);
    const head = ledger.record;
    const earlier = request !== null ? this.request(ledger, request.id) : null;
    if (earlier) return copy({ status: "duplicate", head, request: earlier });
    if (head.version !== expectedVersion || position < 0 || position > head.top) return { status: "conflict", head: copy(head) };
    if (request !== null)
      ledger.moves.set(request.id, { kind: "move", tool: request.tool, digest: request.digest, from: head.position, to: position });
    Object.assign(head, { position, version: head.version + 1, updatedAt: at });
    return { status: "moved", head: copy(head) };
  }

  async addCheckpoint(sessionId: string, checkpoint: CheckpointMeta, builtFrom: string | null) {
    const ledger = this.ledgers.get(sessionId);
    const entry = ledger?.entries.get(checkpoint.position);
    if (!ledger || checkpoint.position === 0 || !entry || entry.meta.object !== builtFrom) return false;
    ledger.checkpoints.set(checkpoint.position, copy(checkpoint));
    return true;
  }

  async history(sessionId: string, offset: number, limit: number) {
    const ledger = this.ledgers.get(sessionId);
    if (!ledger) return null;
    const all = [...ledger.entries.values()].map((e) => e.meta).sort((a, b) => a.position - b.position);
    return { entries: copy(all.slice(offset, offset + limit)), total: all.length };
  }

  async rebase(
    sessionId: string,
    expectedVersion: number,
    baselineGeneration: number,
    discardRedo: boolean,
    at: string,
  ): Promise<RebaseOutcome> {
    const ledger = this.ledger(sessionId);
    const head = ledger.record;
    if (head.version !== expectedVersion) return { status: "conflict", head: copy(head) };
    const p = head.position;
    this.retire(ledger, (pos) => pos > p, "compacted", at);
    const dropped: string[] = [];
    for (const [pos, e] of ledger.entries)
      if (pos <= p) {
        dropped.push(e.meta.object);
        ledger.entries.delete(pos);
      }
    for (const [pos, c] of ledger.checkpoints)
      if (pos <= p) {
        dropped.push(c.object);
        ledger.checkpoints.delete(pos);
      }
    if (discardRedo) dropped.push(...this.dropAbove(ledger, p, at));
    ledger.entries = new Map([...ledger.entries].map(([pos, e]) => [pos - p, { ...e, meta: { ...e.meta, position: pos - p } }]));
    ledger.checkpoints = new Map([...ledger.checkpoints].map(([pos, c]) => [pos - p, { ...c, position: pos - p }]));
    const saved = head.savedPosition === null || (discardRedo && head.savedPosition > p) ? null : head.savedPosition - p;
    Object.assign(head, {
      position: 0,
      top: discardRedo ? 0 : head.top - p,
      savedPosition: saved,
      baselineGeneration,
      version: head.version + 1,
      updatedAt: at,
    });
    return { status: "rebased", head: copy(head), dropped };
  }

  private dropAbove(ledger: Ledger, position: number, at: string): string[] {
    this.retire(ledger, (pos) => pos <= position, "discarded", at);
    const dropped: string[] = [];
    for (const [pos, e] of ledger.entries)
      if (pos > position) {
        dropped.push(e.meta.object);
        ledger.entries.delete(pos);
      }
    for (const [pos, c] of ledger.checkpoints)
      if (pos > position) {
        dropped.push(c.object);
        ledger.checkpoints.delete(pos);
      }
    return dropped;
  }
}
