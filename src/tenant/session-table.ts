import type { SessionRecord } from "../sessions/ports";

type Row = {
  id: string; title: string; source_name: string | null; created_at: string; updated_at: string;
  position: number; saved_position: number | null;
};

const toRecord = (row: Row): SessionRecord => ({
  id: row.id, title: row.title, sourceName: row.source_name, createdAt: row.created_at,
  updatedAt: row.updated_at, position: row.position, savedPosition: row.saved_position,
});

/** The tenant's session index as a SQLite table inside its Durable Object. Plain class: no DO API beyond SqlStorage. */
export class SessionTable {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      source_name TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      position INTEGER NOT NULL DEFAULT 0,
      saved_position INTEGER
    )`);
  }

  add(record: SessionRecord): void {
    this.sql.exec(
      `INSERT INTO sessions (id, title, source_name, created_at, updated_at, position, saved_position) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      record.id, record.title, record.sourceName, record.createdAt, record.updatedAt, record.position, record.savedPosition,
    );
  }

  get(id: string): SessionRecord | null {
    const rows = this.sql.exec<Row>(`SELECT * FROM sessions WHERE id = ?`, id).toArray();
    return rows.length ? toRecord(rows[0]) : null;
  }

  list(offset: number, limit: number): { sessions: SessionRecord[]; total: number } {
    const total = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM sessions`).one().n;
    const rows = this.sql.exec<Row>(`SELECT * FROM sessions ORDER BY created_at, id LIMIT ? OFFSET ?`, limit, offset).toArray();
    return { sessions: rows.map(toRecord), total };
  }

  update(id: string, changes: Partial<Pick<SessionRecord, "title" | "updatedAt" | "position" | "savedPosition" | "sourceName">>): SessionRecord | null {
    const current = this.get(id);
    if (!current) return null;
    const next = { ...current, ...changes };
    this.sql.exec(
      `UPDATE sessions SET title = ?, source_name = ?, updated_at = ?, position = ?, saved_position = ? WHERE id = ?`,
      next.title, next.sourceName, next.updatedAt, next.position, next.savedPosition, id,
    );
    return next;
  }

  remove(id: string): SessionRecord | null {
    const current = this.get(id);
    if (current) this.sql.exec(`DELETE FROM sessions WHERE id = ?`, id);
    return current;
  }
}
