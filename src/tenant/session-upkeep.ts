import { type DocumentSessions, hasUnsavedChanges } from "../sessions/index";
import { KEY_WRITE_INTERVAL_MS, type SessionTimers } from "./session-timers";

/**
 * What the tenant object's alarm does: write back sessions whose automatic save is due (with the same
 * compare-and-swap as document_save, recording any failure where document_list shows it), and end sessions idle past
 * their lifetime (saved first when auto-save is on and possible, then every object deleted).
 */
export class SessionUpkeep {
  constructor(
    private readonly timers: SessionTimers,
    private readonly sessions: DocumentSessions,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async run(): Promise<{ saved: string[]; failed: string[]; deferred: string[]; expired: string[]; expiryFailed: string[] }> {
    const report = {
      saved: [] as string[],
      failed: [] as string[],
      deferred: [] as string[],
      expired: [] as string[],
      expiryFailed: [] as string[],
    };
    const start = this.now();
    for (const { id, sourceName } of this.timers.due(start)) {
      const earliest = this.timers.lastWrite(sourceName) + KEY_WRITE_INTERVAL_MS;
      if (earliest > this.now()) {
        this.timers.defer(id, earliest);
        report.deferred.push(id);
        continue;
      }
      const record = await this.sessions.get(id).catch(() => null);
      if (!record?.autoSave || !hasUnsavedChanges(record)) {
        this.timers.clear(id); // undone back to the saved state, or auto-save turned off
        continue;
      }
      const error = await this.save(id);
      this.timers.saved(id, this.now(), error);
      (error === null ? report.saved : report.failed).push(id);
      // An edit that landed while the file was written is still unsaved: schedule it again.
      const after = await this.sessions.get(id).catch(() => null);
      if (after && hasUnsavedChanges(after)) this.timers.editMade(id, this.now());
    }
    for (const id of this.timers.expired(new Date(start - this.ttlMs).toISOString())) {
      const record = await this.sessions.get(id).catch(() => null);
      if (!record) continue;
      if (record.autoSave && !record.readOnly && record.sourceName && hasUnsavedChanges(record)) await this.save(id);
      try {
        await this.sessions.close(id, { discard: true });
        report.expired.push(id);
      } catch (error) {
        // One session's storage failure must not keep the others alive; it is tried again at the next alarm.
        console.error("session expiry failed", id, error);
        report.expiryFailed.push(id);
      }
    }
    return report;
  }

  /** Saves back to the session's file; the failure's message, or null. */
  private async save(id: string): Promise<string | null> {
    try {
      await this.sessions.save(id);
      return null;
    } catch (error) {
      return (error as Error).message || String(error);
    }
  }
}
