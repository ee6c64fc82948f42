import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantStub } from "../../src/tenant/index";
import { LEDGER_FORMAT, SessionLedger } from "../../src/tenant/session-ledger";

// Tables exactly as the first layout wrote them, with a session that has history and a recorded undo.
const FIRST_LAYOUT = [
  `CREATE TABLE sessions (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, source_name TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    position INTEGER NOT NULL, saved_position INTEGER, top INTEGER NOT NULL, version INTEGER NOT NULL,
    baseline_generation INTEGER NOT NULL)`,
  `CREATE TABLE entries (
    session_id TEXT NOT NULL, position INTEGER NOT NULL, object TEXT NOT NULL, tool TEXT NOT NULL,
    description TEXT NOT NULL, at TEXT NOT NULL, size INTEGER NOT NULL, request_id TEXT, result TEXT,
    PRIMARY KEY (session_id, position))`,
  `CREATE TABLE moves (
    session_id TEXT NOT NULL, request_id TEXT NOT NULL, from_position INTEGER NOT NULL, to_position INTEGER NOT NULL,
    PRIMARY KEY (session_id, request_id))`,
  `CREATE TABLE checkpoints (
    session_id TEXT NOT NULL, position INTEGER NOT NULL, object TEXT NOT NULL, size INTEGER NOT NULL,
    PRIMARY KEY (session_id, position))`,
  `INSERT INTO sessions VALUES ('old', 'Old', 'report.docx', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 2, 0, 2, 3, 0)`,
  `INSERT INTO entries VALUES ('old', 1, 'wal/00000001-a.json', 'replace_text', 'one', '2026-01-01T00:00:01Z', 10, 'r-1', '{"n":1}')`,
  `INSERT INTO entries VALUES ('old', 2, 'wal/00000002-b.json', 'replace_text', 'two', '2026-01-01T00:00:02Z', 10, NULL, NULL)`,
  `INSERT INTO moves VALUES ('old', 'u-1', 2, 1)`,
];

/** Replaces the object's tables by the first layout's, as an object created by the previous code would have them. */
function writeFirstLayout(sql: SqlStorage) {
  for (const table of ["sessions", "entries", "moves", "checkpoints", "retired_requests", "ledger_meta"])
    sql.exec(`DROP TABLE IF EXISTS ${table}`);
  for (const statement of FIRST_LAYOUT) sql.exec(statement);
}

let n = 0;
const freshTenant = () => tenantStub(env.TENANT, `migration-${++n}-${Date.now()}`);

describe("ledger format upgrade", () => {
  it("upgrades tables written by the first layout, keeping every session and its history", async () => {
    await runInDurableObject(freshTenant(), async (_instance, state) => {
      writeFirstLayout(state.storage.sql);
      const ledger = new SessionLedger(state.storage.sql);
      expect(ledger.format()).toBe(LEDGER_FORMAT);
      expect(ledger.get("old")).toMatchObject({ position: 2, top: 2, sourceName: "report.docx", sourceEtag: null, readOnly: false });
      expect(ledger.history("old", 0, 10)?.entries.map((e) => [e.position, e.requestDigest])).toEqual([
        [1, null],
        [2, null],
      ]);
      // Old request ids still answer retries; with no digest stored they are not compared.
      expect(ledger.findRequest("old", "r-1")).toMatchObject({ kind: "edit", position: 1, state: "in_history", digest: null });
      expect(ledger.findRequest("old", "u-1")).toMatchObject({ kind: "move", from: 2, to: 1, digest: null });
      // New writes use the new columns.
      const committed = ledger.commit(
        "old",
        3,
        { position: 0, object: "wal/3", tool: "t", description: "three", at: "x", size: 1, requestId: "r-3", requestDigest: "d" },
        null,
        "2026-01-02T00:00:00Z",
      );
      expect(committed?.status).toBe("committed");
      expect(ledger.findRequest("old", "r-3")).toMatchObject({ digest: "d" });
    });
  });

  it("finishes an upgrade that was cut short, and running it again changes nothing", async () => {
    await runInDurableObject(freshTenant(), async (_instance, state) => {
      writeFirstLayout(state.storage.sql);
      // The object was evicted after the first two columns were added and before the format was recorded.
      state.storage.sql.exec(`ALTER TABLE sessions ADD COLUMN source_etag TEXT`);
      state.storage.sql.exec(`ALTER TABLE sessions ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0`);
      state.storage.sql.exec(`CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`);
      const first = new SessionLedger(state.storage.sql);
      expect(first.format()).toBe(LEDGER_FORMAT);
      const again = new SessionLedger(state.storage.sql);
      expect(again.format()).toBe(LEDGER_FORMAT);
      expect(again.get("old")).toMatchObject({ sourceEtag: null, readOnly: false, position: 2 });
      expect(again.findRequest("old", "u-1")).toMatchObject({ kind: "move", tool: "" });
    });
  });
});
