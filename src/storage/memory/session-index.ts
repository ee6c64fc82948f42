import type { SessionIndex, SessionRecord } from "../../sessions/ports";

/** The tenant session index in memory (the Durable Object's stand-in in fast tests). */
export class MemorySessionIndex implements SessionIndex {
  private readonly records = new Map<string, SessionRecord>();

  async add(record: SessionRecord) {
    this.records.set(record.id, { ...record });
  }
  async get(sessionId: string) {
    const record = this.records.get(sessionId);
    return record ? { ...record } : null;
  }
  async list({ offset, limit }: { offset: number; limit: number }) {
    const all = [...this.records.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { sessions: all.slice(offset, offset + limit).map((r) => ({ ...r })), total: all.length };
  }
  async update(sessionId: string, changes: Partial<SessionRecord>) {
    const record = this.records.get(sessionId);
    if (!record) return null;
    Object.assign(record, changes);
    return { ...record };
  }
  async remove(sessionId: string) {
    const record = this.records.get(sessionId) ?? null;
    this.records.delete(sessionId);
    return record;
  }
}
