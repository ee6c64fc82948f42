import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/docx/index";
import { DocumentCache, DocumentSessions, MAX_EXPORT_BYTES, MAX_OPEN_SESSIONS, SessionError } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { buildDocx, p } from "../docx/support/build-docx";
import { prose, withDeclaredSizes } from "../docx/support/large-docx";

function setup() {
  const library = new MemoryLibraryStore();
  const store = new MemorySessionStore();
  const index = new MemorySessionIndex();
  const make = () => new DocumentSessions({ tenantId: "t", library, store, index, cache: new DocumentCache() });
  return { library, store, index, make };
}

const report = buildDocx({ body: Array.from({ length: 300 }, (_, i) => p(`Paragraph ${i}`)).join("") });

describe("document_open leaves the document warm", () => {
  it("answers the first query from the document parsed at open, reading nothing from storage", async () => {
    const { library, store, make } = setup();
    await library.write("t", "report.docx", report);
    const sessions = make();
    const { id } = await sessions.open("report.docx");
    const readsAfterOpen = store.reads;
    const started = performance.now();
    const text = await sessions.history.read(id, (doc) => doc.query("/body/paragraph[299]").items?.[0]?.text);
    console.log(`first query after open: ${(performance.now() - started).toFixed(1)} ms`);
    expect(text).toBe("Paragraph 299");
    expect(store.reads).toBe(readsAfterOpen);
  });

  it("still rebuilds from storage in another isolate, and the warm copy edits like a rebuilt one", async () => {
    const { library, store, make } = setup();
    await library.write("t", "report.docx", report);
    const warm = make();
    const { id } = await warm.open("report.docx");
    await warm.history.edit(id, { tool: "test" }, (doc) => {
      doc.replaceParagraphText("/body/paragraph[1]", "Changed");
      return { result: null, description: "edit" };
    });
    const cold = make();
    const readsBefore = store.reads;
    const text = await cold.history.read(id, (doc) => doc.query("/body/paragraph[1]").items?.[0]?.text);
    expect(store.reads).toBeGreaterThan(readsBefore);
    expect(text).toBe("Changed");
  });

  it("refuses a document too large to hold with file_too_large and the sizes, starting no session", async () => {
    const { library, index, make } = setup();
    const declared = DEFAULT_LIMITS.maxMainPartBytes + 1024 * 1024;
    const big = withDeclaredSizes(buildDocx({ body: prose(600 * 1024) }), { "word/document.xml": declared });
    await library.write("t", "big.docx", big);
    const failure = await make()
      .open("big.docx")
      .then(
        () => null,
        (e) => (e instanceof SessionError ? e.failure : e),
      );
    expect(failure).toMatchObject({ kind: "file_too_large", name: "big.docx", size: declared, limit: DEFAULT_LIMITS.maxMainPartBytes });
    expect(failure.message).toContain("33.0 MB uncompressed");
    expect((await index.list({ offset: 0, limit: 10 })).total).toBe(0);
  });
});

describe("export budget", () => {
  it("stops a Markdown export past 16 MB with file_too_large, writing nothing", async () => {
    const { library, make } = setup();
    await library.write("t", "huge.docx", buildDocx({ body: prose(MAX_EXPORT_BYTES * 1.3) }));
    const sessions = make();
    const { id } = await sessions.open("huge.docx");
    const started = performance.now();
    const failure = await sessions.export(id, "markdown").then(
      () => null,
      (e) => (e instanceof SessionError ? e.failure : e),
    );
    console.log(`refused export: ${(performance.now() - started).toFixed(0)} ms`);
    expect(failure).toMatchObject({ kind: "file_too_large", limit: MAX_EXPORT_BYTES });
    expect(failure.message).toContain("nothing was written");
    expect((await library.list("t", {})).files.map((f) => f.name)).toEqual(["huge.docx"]);
  });
});

describe("open sessions quota", () => {
  it("refuses a session past the most one tenant may hold open, naming the way out, and allows one after a close", async () => {
    const { make, index } = setup();
    const sessions = make();
    const ids: string[] = [];
    for (let i = 0; i < MAX_OPEN_SESSIONS; i++) ids.push((await sessions.create({ title: `Memo ${i}` })).id);
    const failure = await sessions.create({ title: "one too many" }).then(
      () => null,
      (e) => (e instanceof SessionError ? e.failure : e),
    );
    expect(failure).toMatchObject({ kind: "quota_exceeded", quota: "open_sessions", limit: MAX_OPEN_SESSIONS });
    expect(failure.message).toContain("document_close");
    expect((await index.list({ offset: 0, limit: 1 })).total).toBe(MAX_OPEN_SESSIONS);
    await sessions.close(ids[0]);
    expect((await sessions.create({ title: "after a close" })).title).toBe("after a close");
  });
});
