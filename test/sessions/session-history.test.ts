import { describe, expect, it } from "vitest";
import { CHECKPOINT_MAX_ENTRIES } from "../../src/sessions/checkpoint-policy";
import { DocumentCache } from "../../src/sessions/document-cache";
import { DocumentSessions, SessionError } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { buildDocx, p } from "../docx/support/build-docx";

const TENANT = "tenant-h";
const paragraphs = Array.from({ length: 30 }, (_, i) => p(`Paragraph ${i}`)).join("");

async function setup(options: { sharedStore?: MemorySessionStore; sharedIndex?: MemorySessionIndex; library?: MemoryLibraryStore } = {}) {
  const library = options.library ?? new MemoryLibraryStore();
  const store = options.sharedStore ?? new MemorySessionStore();
  const index = options.sharedIndex ?? new MemorySessionIndex();
  const make = () => new DocumentSessions({ tenantId: TENANT, library, store, index, cache: new DocumentCache() });
  return { library, store, index, sessions: make(), make };
}

async function openFixture(ctx: Awaited<ReturnType<typeof setup>>) {
  await ctx.library.write(TENANT, "doc.docx", buildDocx({ body: paragraphs + "<w:sectPr/>" }));
  return (await ctx.sessions.open("doc.docx")).id;
}

const setText = (path: string, text: string) => (doc: import("../../src/docx/index").DocxDocument) => {
  doc.replaceParagraphText(path, text);
  return { result: { path }, description: `Set ${path} to "${text}"` };
};

const textAt = (sessions: DocumentSessions, id: string, i: number) =>
  sessions.history.read(id, (doc) => (doc.query(`/body/paragraph[${i}]`, { format: "json" }).items as { text: string }[])[0].text);

describe("SessionHistory", () => {
  it("writes one entry per edit and lists it in history", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    const outcome = await ctx.sessions.history.edit(id, { tool: "test_edit" }, setText("/body/paragraph[3]", "Three"));
    expect(outcome).toMatchObject({ position: 1, changed: true, replayed: false });
    const page = await ctx.sessions.history.history(id, 0, 10);
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({ position: 1, tool: "test_edit", description: 'Set /body/paragraph[3] to "Three"' });
    expect(await textAt(ctx.sessions, id, 3)).toBe("Three");
  });

  it("undoes, redoes and jumps, and a new edit after undo discards redo and deletes its objects", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    for (let i = 0; i < 4; i++) await ctx.sessions.history.edit(id, { tool: "t" }, setText(`/body/paragraph[${i}]`, `E${i}`));
    await ctx.sessions.history.moveTo(id, (h) => h.position - 2);
    expect(await textAt(ctx.sessions, id, 3)).toBe("Paragraph 3");
    expect(await textAt(ctx.sessions, id, 1)).toBe("E1");
    await ctx.sessions.history.moveTo(id, (h) => h.position + 1);
    expect(await textAt(ctx.sessions, id, 2)).toBe("E2");
    await ctx.sessions.history.moveTo(id, () => 0);
    expect(await textAt(ctx.sessions, id, 0)).toBe("Paragraph 0");
    const objectsBefore = ctx.store.objectCount;
    await ctx.sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[9]", "New branch"));
    const head = await ctx.sessions.get(id);
    expect(head).toMatchObject({ position: 1, top: 1 });
    expect(ctx.store.objectCount).toBe(objectsBefore - 4 + 1); // four discarded entries deleted, one written
    expect(await textAt(ctx.sessions, id, 0)).toBe("Paragraph 0");
  });

  it("rebuilds the same document in a cold isolate from storage alone", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    for (let i = 0; i < 5; i++) await ctx.sessions.history.edit(id, { tool: "t" }, setText(`/body/paragraph[${i}]`, `Cold ${i}`));
    await ctx.sessions.history.moveTo(id, (h) => h.position - 1);
    const cold = ctx.make();
    expect(await textAt(cold, id, 3)).toBe("Cold 3");
    expect(await textAt(cold, id, 4)).toBe("Paragraph 4");
    expect(await cold.currentDocument(id)).toEqual(await ctx.sessions.currentDocument(id));
  });

  it("re-applies an edit on newer state when another isolate committed first", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    const other = ctx.make();
    await ctx.sessions.history.read(id, () => null); // warm cache at version 0
    await other.history.edit(id, { tool: "t" }, setText("/body/paragraph[1]", "From other"));
    await ctx.sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[2]", "From here"));
    const fresh = ctx.make();
    expect(await textAt(fresh, id, 1)).toBe("From other");
    expect(await textAt(fresh, id, 2)).toBe("From here");
    expect((await fresh.history.history(id, 0, 10)).total).toBe(2);
  });

  it("lands every one of 20 concurrent edits exactly once", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    const isolates = [ctx.sessions, ctx.make(), ctx.make()];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        isolates[i % 3].history.edit(id, { tool: "t" }, setText(`/body/paragraph[${i}]`, `Concurrent ${i}`)),
      ),
    );
    const fresh = ctx.make();
    const page = await fresh.history.history(id, 0, 50);
    expect(page.total).toBe(20);
    expect(new Set(page.entries.map((e) => e.description)).size).toBe(20);
    for (let i = 0; i < 20; i++) expect(await textAt(fresh, id, i)).toBe(`Concurrent ${i}`);
  });

  it("returns the first result for a repeated request_id and writes no second entry", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    const first = await ctx.sessions.history.edit(id, { tool: "t", requestId: "req-7" }, setText("/body/paragraph[0]", "Once"));
    const writes = ctx.store.writes.length;
    const again = await ctx.make().history.edit(id, { tool: "t", requestId: "req-7" }, setText("/body/paragraph[0]", "Twice"));
    expect(again).toMatchObject({ replayed: true, position: first.position, result: { path: "/body/paragraph[0]" } });
    expect((await ctx.sessions.history.history(id, 0, 10)).total).toBe(1);
    expect(await textAt(ctx.make(), id, 0)).toBe("Once");
    expect(ctx.store.writes.length).toBe(writes); // answered from the ledger before the mutation ran
  });

  it("answers a retry from the ledger even when re-running the edit would now fail", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    const remove = (doc: import("../../src/docx/index").DocxDocument) => {
      if (doc.count("/body/paragraph[text='Paragraph 5']") === 0) throw new Error("target gone");
      doc.replaceParagraphText("/body/paragraph[5]", "Removed");
      return { result: { removed: 5 }, description: "remove 5" };
    };
    const first = await ctx.sessions.history.edit(id, { tool: "t", requestId: "req-9" }, remove);
    const again = await ctx.sessions.history.edit(id, { tool: "t", requestId: "req-9" }, remove);
    expect(again).toEqual({ ...first, replayed: true });
  });

  it("previews an edit (dry run) without writing or changing the document", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    const writes = ctx.store.writes.length;
    const preview = await ctx.sessions.history.preview(id, setText("/body/paragraph[2]", "Would be"));
    expect(preview).toMatchObject({ result: { path: "/body/paragraph[2]" }, changed: true, position: 0 });
    expect(await textAt(ctx.sessions, id, 2)).toBe("Paragraph 2");
    expect(ctx.store.writes.length).toBe(writes);
    expect((await ctx.sessions.history.history(id, 0, 10)).total).toBe(0);
    await expect(ctx.sessions.history.preview(id, setText("/body/paragraph[99]", "x"))).rejects.toThrow(/not found/);
    expect(await textAt(ctx.sessions, id, 2)).toBe("Paragraph 2");
  });

  it("changes nothing when the mutation fails", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    await expect(
      ctx.sessions.history.edit(id, { tool: "t" }, (doc) => {
        doc.replaceParagraphText("/body/paragraph[0]", "half done");
        throw new SessionError({ kind: "invalid_argument", field: "x", message: "second step failed" });
      }),
    ).rejects.toThrow("second step failed");
    expect(await textAt(ctx.sessions, id, 0)).toBe("Paragraph 0");
    expect((await ctx.sessions.history.history(id, 0, 10)).total).toBe(0);
  });

  it("recovers from a crash after each write step without losing or exposing edits", async () => {
    for (const failOn of ["wal/", "index"] as const) {
      const ctx = await setup();
      const id = await openFixture(ctx);
      await ctx.sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[0]", "Acknowledged"));
      if (failOn === "wal/") {
        ctx.store.beforeWrite = (key) => {
          if (key.includes("wal/")) throw new Error("crash before WAL write");
        };
      } else {
        const commit = ctx.index.commit.bind(ctx.index);
        ctx.index.commit = async () => {
          throw new Error("crash before commit");
        };
        setTimeout(() => (ctx.index.commit = commit), 0);
      }
      await expect(ctx.sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[1]", "Never acknowledged"))).rejects.toThrow(
        /crash/,
      );
      ctx.store.beforeWrite = null;
      await new Promise((r) => setTimeout(r, 1));
      const fresh = ctx.make();
      expect(await textAt(fresh, id, 0)).toBe("Acknowledged");
      expect(await textAt(fresh, id, 1)).toBe("Paragraph 1");
      expect((await fresh.history.history(id, 0, 10)).total).toBe(1);
      // and the session keeps working
      await fresh.history.edit(id, { tool: "t" }, setText("/body/paragraph[1]", "After recovery"));
      expect(await textAt(ctx.make(), id, 1)).toBe("After recovery");
    }
  });

  it("acknowledges an edit whose checkpoint write or registration crashed, and recovers every edit", async () => {
    for (const failOn of ["cp/", "addCheckpoint"] as const) {
      const ctx = await setup();
      const id = await openFixture(ctx);
      for (let i = 0; i < CHECKPOINT_MAX_ENTRIES - 1; i++)
        await ctx.sessions.history.edit(id, { tool: "t" }, setText(`/body/paragraph[${i % 30}]`, `Edit ${i}`));
      if (failOn === "cp/")
        ctx.store.beforeWrite = (key) => {
          if (key.includes("cp/")) throw new Error("crash writing checkpoint");
        };
      else
        ctx.index.addCheckpoint = async () => {
          throw new Error("crash registering checkpoint");
        };
      // The 200th edit is due a checkpoint; it is committed before the checkpoint is tried, so it is acknowledged.
      const last = await ctx.sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[29]", "Last"));
      expect(last).toMatchObject({ position: CHECKPOINT_MAX_ENTRIES, changed: true });
      ctx.store.beforeWrite = null;
      const fresh = ctx.make(); // rebuilt from storage: the baseline plus all 200 entries
      expect(await textAt(fresh, id, 29)).toBe("Last");
      const lastOnFirst = Math.floor((CHECKPOINT_MAX_ENTRIES - 2) / 30) * 30; // the last i < 199 with i % 30 === 0
      expect(await textAt(fresh, id, 0)).toBe(`Edit ${lastOnFirst}`);
      expect((await fresh.history.history(id, 0, 1)).total).toBe(CHECKPOINT_MAX_ENTRIES);
    }
  });

  it("compacts history into a new baseline, keeping redo unless discarded", async () => {
    const ctx = await setup();
    const id = await openFixture(ctx);
    for (let i = 0; i < 3; i++) await ctx.sessions.history.edit(id, { tool: "t" }, setText(`/body/paragraph[${i}]`, `S${i}`));
    await ctx.sessions.history.moveTo(id, (h) => h.position - 1);
    const { head } = await ctx.sessions.history.snapshot(id, false);
    expect(head).toMatchObject({ position: 0, top: 1, baselineGeneration: 1 });
    await ctx.sessions.history.moveTo(id, (h) => h.position + 1);
    expect(await textAt(ctx.make(), id, 2)).toBe("S2");
    const again = await ctx.sessions.history.snapshot(id, true);
    expect(again.head).toMatchObject({ position: 0, top: 0, baselineGeneration: 2 });
    // manifest + one baseline: every history object and the old baselines are gone
    expect(ctx.store.objectCount).toBe(2);
    expect(await ctx.store.readManifest(TENANT, id)).toMatchObject({ baselineGeneration: 2 });
  });

  it("never writes one key more than once under sustained editing", async () => {
    let clock = 0;
    const store = new MemorySessionStore(() => clock);
    const ctx = await setup({ sharedStore: store });
    const id = await openFixture(ctx);
    for (let i = 0; i < 100; i++) {
      // 10 edits a second for 10 s
      clock = i * 100;
      await ctx.sessions.history.edit(id, { tool: "t" }, setText(`/body/paragraph[${i % 30}]`, `Edit ${i}`));
    }
    const byKey = new Map<string, number[]>();
    for (const w of store.writes) byKey.set(w.key, [...(byKey.get(w.key) ?? []), w.at]);
    for (const [key, times] of byKey) {
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1], key).toBeGreaterThanOrEqual(1000);
    }
  });
});

describe("concurrent reads of one session", () => {
  it("overlap their index reads and see an edit made while they waited, without rebuilding the document", async () => {
    const index = new MemorySessionIndex();
    let inFlight = 0;
    let most = 0;
    const realGet = index.get.bind(index);
    index.get = async (sessionId) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return realGet(sessionId);
    };
    const ctx = await setup({ sharedIndex: index });
    const id = await openFixture(ctx);
    await textAt(ctx.sessions, id, 0); // warm: the document is now in this isolate's cache
    let plans = 0;
    const realPlan = index.loadPlan.bind(index);
    index.loadPlan = async (sessionId) => {
      plans++;
      return realPlan(sessionId);
    };
    most = 0;
    const reads = Array.from({ length: 8 }, () => textAt(ctx.sessions, id, 4));
    const edit = ctx.sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[4]", "Edited"));
    const texts = await Promise.all(reads);
    await edit;
    expect(most).toBeGreaterThan(1);
    // Each read shows the paragraph before or after the edit, never anything else; after the edit, the edited text.
    for (const text of texts) expect(["Paragraph 4", "Edited"]).toContain(text);
    expect(await textAt(ctx.sessions, id, 4)).toBe("Edited");
    expect(plans).toBe(0);
  });
});
