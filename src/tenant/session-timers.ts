/** After the last edit, how long a session must stay idle before it is written back to its library file. */
export const AUTO_SAVE_IDLE_MS = 3_000;
/** Under continuous editing, the longest an edit waits for its automatic save. */
export const AUTO_SAVE_MAX_WAIT_MS = 60_000;
/** R2 allows about one write per second to a key: automatic saves of one library file are at least this far apart. */
export const KEY_WRITE_INTERVAL_MS = 1_000;

/**
 * When each session's automatic save and expiry fall due, in the tenant object's SQLite (columns added by the
 * ledger's upgrade). Times are epoch milliseconds; the object's one alarm is set to the earliest of them.
 */
export class SessionTimers {
  constructor(private readonly sql: SqlStorage) {}

  /** An edit landed: the save is due after a quiet spell, but never later than the wait cap from the first pending edit. */
  editMade(id: string, now: number): void {
    const row = this.sql
      .exec<{ auto_save: number; source_name: string | null; auto_save_pending_since: number | null }>(
        `SELECT auto_save, source_name, auto_save_pending_since FROM sessions WHERE id = ?`,
        id,
      )
      .toArray()[0];
    if (row?.auto_save !== 1 || row.source_name === null) return;
    const since = row.auto_save_pending_since ?? now;
    const due = Math.min(now + AUTO_SAVE_IDLE_MS, since + AUTO_SAVE_MAX_WAIT_MS);
    this.sql.exec(`UPDATE sessions SET auto_save_due = ?, auto_save_pending_since = ? WHERE id = ?`, due, since, id);
  }

  /** Sessions whose automatic save is due at `now`, with the library file each writes. */
  due(now: number): { id: string; sourceName: string }[] {
    return this.sql
      .exec<{ id: string; source_name: string }>(
        `SELECT id, source_name FROM sessions WHERE auto_save_due IS NOT NULL AND auto_save_due <= ? AND source_name IS NOT NULL ORDER BY auto_save_due`,
        now,
      )
      .toArray()
      .map((r) => ({ id: r.id, sourceName: r.source_name }));
  }

  /** When the library file was last written by an automatic save of any session (0 if never). */
  lastWrite(sourceName: string): number {
    return (
      this.sql.exec<{ at: number | null }>(`SELECT MAX(auto_saved_at) AS at FROM sessions WHERE source_name = ?`, sourceName).one().at ?? 0
    );
  }

  /** Nothing to write after all (undone back to the saved state, or auto-save turned off): drop the pending save. */
  clear(id: string): void {
    this.sql.exec(`UPDATE sessions SET auto_save_due = NULL, auto_save_pending_since = NULL WHERE id = ?`, id);
  }

  defer(id: string, due: number): void {
    this.sql.exec(`UPDATE sessions SET auto_save_due = ? WHERE id = ?`, due, id);
  }

  /** The save ran: nothing is pending any more; `error` says why it failed (kept until the next save succeeds). */
  saved(id: string, now: number, error: string | null): void {
    this.sql.exec(
      `UPDATE sessions SET auto_save_due = NULL, auto_save_pending_since = NULL, auto_save_error = ?,
         auto_saved_at = CASE WHEN ? IS NULL THEN ? ELSE auto_saved_at END WHERE id = ?`,
      error,
      error,
      now,
      id,
    );
  }

  /** Sessions idle since before `cutoff` (ISO time of their last change). */
  expired(cutoff: string): string[] {
    return this.sql
      .exec<{ id: string }>(`SELECT id FROM sessions WHERE updated_at < ?`, cutoff)
      .toArray()
      .map((r) => r.id);
  }

  /** When the alarm must next fire: the earliest save due or expiry (a session's last change plus `ttlMs`); null for none. */
  nextAlarm(ttlMs: number): number | null {
    const row = this.sql
      .exec<{ due: number | null; oldest: string | null }>(`SELECT MIN(auto_save_due) AS due, MIN(updated_at) AS oldest FROM sessions`)
      .one();
    const expiry = row.oldest === null ? null : Date.parse(row.oldest) + ttlMs;
    const times = [row.due, expiry].filter((t): t is number => t !== null && Number.isFinite(t));
    return times.length ? Math.min(...times) : null;
  }
}
