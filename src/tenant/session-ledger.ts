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
  SessionRecord,
} from "../sessions/ports";

type SessionRow = {
  id: string;
  title: string;
  source_name: string | null;
  created_at: string;
  updated_at: string;
  position: number;
  saved_position: number | null;
  top: number;
  version: number;
  baseline_generation: number;
  source_etag: string | null;
  read_only: number;
  auto_save: number;
  auto_save_error: string | null;
};
type EntryRow = {
  position: number;
  object: string;
  tool: string;
  description: string;
  at: string;
  size: number;
  request_id: string | null;
  request_digest: string | null;
  result: string | null;
};
type CheckpointRow = { position: number; object: string; size: number };

const toRecord = (r: SessionRow): SessionRecord => ({
  id: r.id,
  title: r.title,
  sourceName: r.source_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  position: r.position,
  savedPosition: r.saved_position,
  top: r.top,
  version: r.version,
  baselineGeneration: r.baseline_generation,
  sourceEtag: r.source_etag,
  readOnly: r.read_only === 1,
  autoSave: r.auto_save === 1,
  autoSaveError: r.auto_save_error,
});
const toEntry = (r: EntryRow): HistoryEntryMeta => ({
  position: r.position,
  object: r.object,
  tool: r.tool,
  description: r.description,
  at: r.at,
  size: r.size,
  requestId: r.request_id,
  requestDigest: r.request_digest,
});

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, source_name TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    position INTEGER NOT NULL, saved_position INTEGER, top INTEGER NOT NULL, version INTEGER NOT NULL,
    baseline_generation INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS entries (
    session_id TEXT NOT NULL, position INTEGER NOT NULL, object TEXT NOT NULL, tool TEXT NOT NULL,
    description TEXT NOT NULL, at TEXT NOT NULL, size INTEGER NOT NULL, request_id TEXT, result TEXT,
    PRIMARY KEY (session_id, position))`,
  `CREATE INDEX IF NOT EXISTS entries_by_request ON entries (session_id, request_id)`,
  `CREATE TABLE IF NOT EXISTS moves (
    session_id TEXT NOT NULL, request_id TEXT NOT NULL, from_position INTEGER NOT NULL, to_position INTEGER NOT NULL,
    PRIMARY KEY (session_id, request_id))`,
  `CREATE TABLE IF NOT EXISTS checkpoints (
    session_id TEXT NOT NULL, position INTEGER NOT NULL, object TEXT NOT NULL, size INTEGER NOT NULL,
    PRIMARY KEY (session_id, position))`,
  `CREATE TABLE IF NOT EXISTS retired_requests (
    session_id TEXT NOT NULL, request_id TEXT NOT NULL, tool TEXT NOT NULL, request_digest TEXT, position INTEGER NOT NULL,
    result TEXT, fate TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (session_id, request_id))`,
  `CREATE TABLE IF NOT EXISTS ledger_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
];

/** The ledger's format: 1 is the first layout (no meta table), 2 adds ADDED_COLUMNS and retired_requests. */
export const LEDGER_FORMAT = 2;

/**
 * Columns added after the first layout, with their default for rows written before them. `CREATE TABLE IF NOT
 * EXISTS` leaves an older table as it was, so each is added on construction; an existing column is left alone.
 */
const ADDED_COLUMNS: [table: string, column: string][] = [
  ["sessions", "source_etag TEXT"],
  ["sessions", "read_only INTEGER NOT NULL DEFAULT 0"],
  ["sessions", "auto_save INTEGER NOT NULL DEFAULT 0"],
  ["sessions", "auto_save_error TEXT"],
  // Auto-save schedule, in epoch milliseconds: when the next write is due, since when edits are pending, last write.
  ["sessions", "auto_save_due INTEGER"],
  ["sessions", "auto_save_pending_since INTEGER"],
  ["sessions", "auto_saved_at INTEGER"],
  ["entries", "request_digest TEXT"],
  ["moves", "tool TEXT NOT NULL DEFAULT ''"],
  ["moves", "request_digest TEXT"],
];

/**
 * The tenant's sessions and their history ledgers in the Durable Object's SQLite. A plain class:
 * no method awaits, so each runs atomically inside the object (which handles one event at a time).
 */
export class SessionLedger {
  constructor(private readonly sql: SqlStorage) {
    for (const statement of SCHEMA) sql.exec(statement);
    if (this.format() < LEDGER_FORMAT) this.upgrade();
  }

  /** The format this object's tables are in (1 when they predate the meta table). */
  format(): number {
    return this.sql.exec<{ value: number }>(`SELECT value FROM ledger_meta WHERE key = 'format'`).toArray()[0]?.value ?? 1;
  }

  /**
   * Brings tables written by an older layout to the current one. Every step is idempotent, so a run cut short (the
   * object evicted mid-way) is simply run again; the format is recorded only after the last step succeeded.
   */
  private upgrade(): void {
    for (const [table, column] of ADDED_COLUMNS) {
      try {
        this.sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`);
      } catch (error) {
        if (!/duplicate column/i.test(String(error))) throw error; // added by an earlier, interrupted run
      }
    }
    this.sql.exec(`INSERT OR REPLACE INTO ledger_meta (key, value) VALUES ('format', ?)`, LEDGER_FORMAT);
  }

  add(r: SessionRecord): void {
    this.sql.exec(
      `INSERT INTO sessions (id, title, source_name, created_at, updated_at, position, saved_position, top, version, baseline_generation,
         source_etag, read_only, auto_save, auto_save_error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      r.id,
      r.title,
      r.sourceName,
      r.createdAt,
      r.updatedAt,
      r.position,
      r.savedPosition,
      r.top,
      r.version,
      r.baselineGeneration,
      r.sourceEtag,
      r.readOnly ? 1 : 0,
      r.autoSave ? 1 : 0,
      r.autoSaveError,
    );
  }

  get(id: string): SessionRecord | null {
    const rows = this.sql.exec<SessionRow>(`SELECT * FROM sessions WHERE id = ?`, id).toArray();
    return rows.length ? toRecord(rows[0]) : null;
  }

  list(offset: number, limit: number): { sessions: SessionRecord[]; total: number } {
    const total = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM sessions`).one().n;
    const rows = this.sql.exec<SessionRow>(`SELECT * FROM sessions ORDER BY created_at, id LIMIT ? OFFSET ?`, limit, offset).toArray();
    return { sessions: rows.map(toRecord), total };
  }

  update(id: string, changes: SessionChanges): SessionRecord | null {
    const current = this.get(id);
    if (!current) return null;
    const next = { ...current, ...changes };
    this.sql.exec(
      `UPDATE sessions SET title = ?, source_name = ?, updated_at = ?, saved_position = ?, source_etag = ?, auto_save = ?,
         auto_save_error = ? WHERE id = ?`,
      next.title,
      next.sourceName,
      next.updatedAt,
      next.savedPosition,
      next.sourceEtag,
      next.autoSave ? 1 : 0,
      next.autoSaveError,
      id,
    );
    return next;
  }

  remove(id: string): SessionRecord | null {
    const current = this.get(id);
    if (!current) return null;
    this.sql.exec(`DELETE FROM entries WHERE session_id = ?`, id);
    this.sql.exec(`DELETE FROM checkpoints WHERE session_id = ?`, id);
    this.sql.exec(`DELETE FROM moves WHERE session_id = ?`, id);
    this.sql.exec(`DELETE FROM retired_requests WHERE session_id = ?`, id);
    this.sql.exec(`DELETE FROM sessions WHERE id = ?`, id);
    return current;
  }

  loadPlan(id: string, position?: number): LoadPlan | null {
    const head = this.get(id);
    if (!head) return null;
    const target = position ?? head.position;
    if (target < 0 || target > head.top) return null;
    const cp = this.sql
      .exec<CheckpointRow>(
        `SELECT position, object, size FROM checkpoints WHERE session_id = ? AND position <= ? ORDER BY position DESC LIMIT 1`,
        id,
        target,
      )
      .toArray()[0];
    const from = cp?.position ?? 0;
    const entries = this.sql
      .exec<EntryRow>(`SELECT * FROM entries WHERE session_id = ? AND position > ? AND position <= ? ORDER BY position`, id, from, target)
      .toArray()
      .map(toEntry);
    return { head, target, checkpoint: cp ? { position: cp.position, object: cp.object, size: cp.size } : null, entries };
  }

  findRequest(id: string, requestId: string): RequestRecord | null {
    const entry = this.sql.exec<EntryRow>(`SELECT * FROM entries WHERE session_id = ? AND request_id = ?`, id, requestId).toArray()[0];
    if (entry)
      return {
        kind: "edit",
        tool: entry.tool,
        digest: entry.request_digest,
        position: entry.position,
        result: entry.result,
        state: "in_history",
        retiredAt: null,
      };
    const retired = this.sql
      .exec<{ tool: string; request_digest: string | null; position: number; result: string | null; fate: string; at: string }>(
        `SELECT tool, request_digest, position, result, fate, at FROM retired_requests WHERE session_id = ? AND request_id = ?`,
        id,
        requestId,
      )
      .toArray()[0];
    if (retired)
      return {
        kind: "edit",
        tool: retired.tool,
        digest: retired.request_digest,
        position: retired.position,
        result: retired.result,
        state: retired.fate === "compacted" ? "compacted" : "discarded",
        retiredAt: retired.at,
      };
    const move = this.sql
      .exec<{ tool: string; request_digest: string | null; from_position: number; to_position: number }>(
        `SELECT tool, request_digest, from_position, to_position FROM moves WHERE session_id = ? AND request_id = ?`,
        id,
        requestId,
      )
      .toArray()[0];
    if (move) return { kind: "move", tool: move.tool, digest: move.request_digest, from: move.from_position, to: move.to_position };
    return null;
  }

  commit(id: string, expectedVersion: number, entry: HistoryEntryMeta, result: string | null, at: string): CommitOutcome | null {
    const head = this.get(id);
    if (!head) return null;
    if (entry.requestId !== null) {
      const earlier = this.findRequest(id, entry.requestId);
      if (earlier) return { status: "duplicate", head, request: earlier };
    }
    if (head.version !== expectedVersion) return { status: "conflict", head };
    const dropped = this.dropAbove(id, head.position, "discarded", at);
    const position = head.position + 1;
    this.sql.exec(
      `INSERT INTO entries (session_id, position, object, tool, description, at, size, request_id, request_digest, result)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      position,
      entry.object,
      entry.tool,
      entry.description,
      entry.at,
      entry.size,
      entry.requestId,
      entry.requestDigest,
      result,
    );
    // A save at a position on the discarded branch no longer describes any reachable state.
    const saved = head.savedPosition !== null && head.savedPosition > head.position ? null : head.savedPosition;
    this.sql.exec(
      `UPDATE sessions SET position = ?, top = ?, version = version + 1, updated_at = ?, saved_position = ? WHERE id = ?`,
      position,
      position,
      at,
      saved,
      id,
    );
    return { status: "committed", head: this.get(id)!, dropped };
  }

  move(id: string, expectedVersion: number, position: number, at: string, request: RequestTag | null = null): MoveOutcome | null {
    const head = this.get(id);
    if (!head) return null;
    if (request !== null) {
      const earlier = this.findRequest(id, request.id);
      if (earlier) return { status: "duplicate", head, request: earlier };
    }
    if (head.version !== expectedVersion || position < 0 || position > head.top) return { status: "conflict", head };
    if (request !== null)
      this.sql.exec(
        `INSERT INTO moves (session_id, request_id, tool, request_digest, from_position, to_position) VALUES (?, ?, ?, ?, ?, ?)`,
        id,
        request.id,
        request.tool,
        request.digest,
        head.position,
        position,
      );
    this.sql.exec(`UPDATE sessions SET position = ?, version = version + 1, updated_at = ? WHERE id = ?`, position, at, id);
    return { status: "moved", head: this.get(id)! };
  }

  addCheckpoint(id: string, checkpoint: CheckpointMeta, builtFrom: string | null): boolean {
    const entry = this.sql
      .exec<{ object: string }>(`SELECT object FROM entries WHERE session_id = ? AND position = ?`, id, checkpoint.position)
      .toArray()[0];
    if (checkpoint.position === 0 || !entry || entry.object !== builtFrom) return false;
    this.sql.exec(
      `INSERT OR REPLACE INTO checkpoints (session_id, position, object, size) VALUES (?, ?, ?, ?)`,
      id,
      checkpoint.position,
      checkpoint.object,
      checkpoint.size,
    );
    return true;
  }

  history(id: string, offset: number, limit: number): { entries: HistoryEntryMeta[]; total: number } | null {
    if (!this.get(id)) return null;
    const total = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM entries WHERE session_id = ?`, id).one().n;
    const rows = this.sql
      .exec<EntryRow>(`SELECT * FROM entries WHERE session_id = ? ORDER BY position LIMIT ? OFFSET ?`, id, limit, offset)
      .toArray();
    return { entries: rows.map(toEntry), total };
  }

  rebase(id: string, expectedVersion: number, baselineGeneration: number, discardRedo: boolean, at: string): RebaseOutcome | null {
    const head = this.get(id);
    if (!head) return null;
    if (head.version !== expectedVersion) return { status: "conflict", head };
    const p = head.position;
    this.retire(id, `position <= ?`, p, "compacted", at);
    const dropped = [
      ...this.objects(`SELECT object FROM entries WHERE session_id = ? AND position <= ?`, id, p),
      ...this.objects(`SELECT object FROM checkpoints WHERE session_id = ? AND position <= ?`, id, p),
    ];
    this.sql.exec(`DELETE FROM entries WHERE session_id = ? AND position <= ?`, id, p);
    this.sql.exec(`DELETE FROM checkpoints WHERE session_id = ? AND position <= ?`, id, p);
    if (discardRedo) dropped.push(...this.dropAbove(id, p, "discarded", at));
    // Renumber through negative values: shifting in place could collide with a row not yet moved.
    for (const table of ["entries", "checkpoints"]) {
      this.sql.exec(`UPDATE ${table} SET position = ? - position WHERE session_id = ?`, p, id);
      this.sql.exec(`UPDATE ${table} SET position = -position WHERE session_id = ?`, id);
    }
    const top = discardRedo ? 0 : head.top - p;
    // The saved position is renumbered with the rest (negative once compacted), so a snapshot never hides unsaved edits.
    const saved = head.savedPosition === null || (discardRedo && head.savedPosition > p) ? null : head.savedPosition - p;
    this.sql.exec(
      `UPDATE sessions SET position = 0, top = ?, saved_position = ?, baseline_generation = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      top,
      saved,
      baselineGeneration,
      at,
      id,
    );
    return { status: "rebased", head: this.get(id)!, dropped };
  }

  /** Deletes the redo branch above `position` and returns the names of its objects. */
  private dropAbove(id: string, position: number, fate: "discarded", at: string): string[] {
    this.retire(id, `position > ?`, position, fate, at);
    const dropped = [
      ...this.objects(`SELECT object FROM entries WHERE session_id = ? AND position > ?`, id, position),
      ...this.objects(`SELECT object FROM checkpoints WHERE session_id = ? AND position > ?`, id, position),
    ];
    this.sql.exec(`DELETE FROM entries WHERE session_id = ? AND position > ?`, id, position);
    this.sql.exec(`DELETE FROM checkpoints WHERE session_id = ? AND position > ?`, id, position);
    return dropped;
  }

  /** Remembers the request ids of entries leaving history, so a late retry is told what happened instead of applying again. */
  private retire(id: string, where: string, position: number, fate: "discarded" | "compacted", at: string) {
    this.sql.exec(
      `INSERT OR REPLACE INTO retired_requests (session_id, request_id, tool, request_digest, position, result, fate, at)
       SELECT session_id, request_id, tool, request_digest, position, result, ?, ? FROM entries
       WHERE session_id = ? AND request_id IS NOT NULL AND ${where}`,
      fate,
      at,
      id,
      position,
    );
  }

  private objects(query: string, ...bindings: unknown[]): string[] {
    return this.sql
      .exec<{ object: string }>(query, ...bindings)
      .toArray()
      .map((r) => r.object);
  }
}
