import { describe, expect, it } from "vitest";
import { createBlankDocx } from "../../src/docx/index";
import { DocumentSessions } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { sessionFailure } from "../support/session-failure";

function setup(tenantId = "tenant-a") {
  const library = new MemoryLibraryStore();
  const store = new MemorySessionStore();
  const index = new MemorySessionIndex();
  let n = 0;
  const sessions = new DocumentSessions({
    tenantId,
    library,
    store,
    index,
    newSessionId: () => `s${++n}`,
    now: () => new Date("2026-01-02T03:04:05Z"),
  });
  return { library, store, index, sessions };
}

describe("DocumentSessions", () => {
  it("creates a new empty document session at position 0, its blank start counting as nothing to lose", async () => {
    const { sessions } = setup();
    const record = await sessions.create({ title: "Memo" });
    expect(record).toMatchObject({ id: "s1", title: "Memo", sourceName: null, position: 0, savedPosition: 0, sourceEtag: null });
    const bytes = await sessions.currentDocument("s1");
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x50, 0x4b]);
  });

  it("opens a library file as a copy titled after the file", async () => {
    const { sessions, library } = setup();
    await library.write("tenant-a", "contracts/NDA.docx", createBlankDocx());
    const record = await sessions.open("contracts/NDA.docx");
    expect(record).toMatchObject({ title: "NDA", sourceName: "contracts/NDA.docx", savedPosition: 0 });
  });

  it("refuses a library file that is not a .docx and creates nothing", async () => {
    const { sessions, library, store } = setup();
    await library.write("tenant-a", "notes.docx", new TextEncoder().encode("plain text, not a zip"));
    expect((await sessionFailure(sessions.open("notes.docx"))).kind).toBe("not_a_docx");
    expect(store.objectCount).toBe(0);
    expect((await sessions.list()).total).toBe(0);
  });

  it("cannot see another tenant's library files", async () => {
    const { sessions, library } = setup("tenant-a");
    await library.write("tenant-b", "secret.docx", createBlankDocx());
    expect((await sessionFailure(sessions.open("secret.docx"))).kind).toBe("file_not_found");
  });

  it("paginates the session list with next_offset", async () => {
    const { sessions } = setup();
    for (let i = 0; i < 5; i++) await sessions.create();
    const first = await sessions.list({ limit: 2 });
    expect(first).toMatchObject({ total: 5, offset: 0, nextOffset: 2 });
    const last = await sessions.list({ offset: 4, limit: 2 });
    expect(last.sessions.map((s) => s.id)).toEqual(["s5"]);
    expect(last.nextOffset).toBeNull();
  });

  it("saves back to the source file, or to output_path for a new document", async () => {
    const { sessions, library } = setup();
    const fresh = await sessions.create();
    expect((await sessionFailure(sessions.save(fresh.id))).kind).toBe("invalid_argument");
    const { file, session } = await sessions.save(fresh.id, { outputName: "out/new.docx" });
    expect(file.name).toBe("out/new.docx");
    expect(session).toMatchObject({ sourceName: "out/new.docx", savedPosition: 0 });
    expect(await library.read("tenant-a", "out/new.docx")).toEqual(await sessions.currentDocument(fresh.id));
  });

  it("rejects a bad output name before writing anything", async () => {
    const { sessions, library } = setup();
    const fresh = await sessions.create();
    expect((await sessionFailure(sessions.save(fresh.id, { outputName: "../escape.docx" }))).kind).toBe("invalid_name");
    expect((await library.list("tenant-a")).files).toEqual([]);
  });

  it("closes a session, deleting every stored object", async () => {
    const { sessions, store } = setup();
    const record = await sessions.create();
    const closed = await sessions.close(record.id);
    expect(closed.discardedUnsavedChanges).toBe(false); // no edits yet
    expect(store.objectCount).toBe(0);
    const again = await sessionFailure(sessions.close(record.id));
    expect(again).toMatchObject({ kind: "session_not_found", sessionId: record.id });
  });
});
