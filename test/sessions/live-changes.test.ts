import { describe, expect, it } from "vitest";
import type { DocxDocument } from "../../src/docx/index";
import { DocumentCache } from "../../src/sessions/document-cache";
import { DocumentSessions, LiveLibraryStore, SessionError } from "../../src/sessions/index";
import { MemoryChangeFeed } from "../../src/storage/memory/change-feed";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { buildDocx, p } from "../docx/support/build-docx";

const TENANT = "tenant-live";

function setup() {
  const feed = new MemoryChangeFeed();
  const library = new LiveLibraryStore(new MemoryLibraryStore(), feed);
  const sessions = new DocumentSessions({
    tenantId: TENANT,
    library,
    store: new MemorySessionStore(),
    index: new MemorySessionIndex(),
    cache: new DocumentCache(),
    feed,
  });
  return { feed, library, sessions, heard: () => feed.changesOf(TENANT) };
}

const setText = (path: string, text: string) => (doc: DocxDocument) => {
  doc.replaceParagraphText(path, text);
  return { result: { path }, description: `Set ${path} to "${text}"` };
};

async function openReport(ctx: ReturnType<typeof setup>) {
  await ctx.library.write(TENANT, "report.docx", buildDocx({ body: p("First.") + p("Second.") + "<w:sectPr/>" }));
  return (await ctx.sessions.open("report.docx")).id;
}

describe("live changes", () => {
  it("announces opening, each committed edit, undo, save and close, in order, with positions and tools", async () => {
    const ctx = setup();
    const id = await openReport(ctx);
    await ctx.sessions.history.edit(id, { tool: "replace_text" }, setText("/body/paragraph[0]", "One."));
    await ctx.sessions.history.edit(id, { tool: "replace_text" }, setText("/body/paragraph[1]", "Two."));
    await ctx.sessions.history.moveTo(id, (h) => h.position - 1);
    await ctx.sessions.save(id);
    await ctx.sessions.close(id);
    const heard = ctx.heard();
    expect(heard.map((c) => c.kind)).toEqual(["library", "opened", "edited", "edited", "moved", "library", "saved", "closed"]);
    expect(heard[2]).toMatchObject({ sessionId: id, position: 1, tool: "replace_text", description: 'Set /body/paragraph[0] to "One."' });
    expect(heard[4]).toMatchObject({ sessionId: id, from: 2, position: 1, tool: null });
    expect(heard[5]).toMatchObject({ name: "report.docx", change: "written" });
    expect(heard[6]).toMatchObject({ sessionId: id, position: 1, file: "report.docx" });
  });

  it("announces nothing for a failed edit, an edit that changes nothing, or a dry run", async () => {
    const ctx = setup();
    const id = await openReport(ctx);
    const before = ctx.heard().length;
    await expect(ctx.sessions.history.edit(id, { tool: "replace_text" }, setText("/body/paragraph[9]", "x"))).rejects.toThrow();
    await ctx.sessions.history.edit(id, { tool: "noop" }, () => ({ result: null, description: "nothing" }));
    await ctx.sessions.history.preview(id, setText("/body/paragraph[0]", "Preview."));
    expect(ctx.heard().length).toBe(before);
  });

  it("keeps the edit when publishing fails", async () => {
    const ctx = setup();
    const id = await openReport(ctx);
    ctx.feed.publish = async () => {
      throw new Error("hub unreachable");
    };
    const outcome = await ctx.sessions.history.edit(id, { tool: "replace_text" }, setText("/body/paragraph[0]", "Kept."));
    expect(outcome.position).toBe(1);
    expect((await ctx.sessions.get(id)).position).toBe(1);
  });
});

describe("expected_position", () => {
  it("edits when the document is still at the expected position", async () => {
    const ctx = setup();
    const id = await openReport(ctx);
    const outcome = await ctx.sessions.history.edit(id, { tool: "replace_text", expectedPosition: 0 }, setText("/body/paragraph[0]", "A."));
    expect(outcome).toMatchObject({ position: 1, changed: true });
  });

  it("refuses an edit on a document that moved since, naming who changed it, and writes nothing", async () => {
    const ctx = setup();
    const id = await openReport(ctx);
    await ctx.sessions.history.edit(id, { tool: "replace_text" }, setText("/body/paragraph[0]", "Theirs."));
    await ctx.sessions.history.edit(id, { tool: "insert_paragraph" }, setText("/body/paragraph[1]", "Also theirs."));
    const heard = ctx.heard().length;
    const error = await ctx.sessions.history
      .edit(id, { tool: "replace_text", expectedPosition: 0 }, setText("/body/paragraph[0]", "Mine."))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionError);
    const failure = (error as SessionError).failure;
    expect(failure).toMatchObject({ kind: "stale_position", sessionId: id, expected: 0, position: 2 });
    if (failure.kind !== "stale_position") throw new Error("unreachable");
    expect(failure.changes.map((c) => [c.position, c.tool])).toEqual([
      [1, "replace_text"],
      [2, "insert_paragraph"],
    ]);
    expect(failure.message).toContain("not 0 as this edit expected");
    expect(failure.message).toContain(`position 1 by replace_text at ${failure.changes[0].at}`);
    expect(failure.message).toContain("expected_position: 2");
    const head = await ctx.sessions.get(id);
    expect(head).toMatchObject({ position: 2, top: 2 });
    expect((await ctx.sessions.history.history(id, 0, 10)).total).toBe(2);
    expect(
      await ctx.sessions.history.read(
        id,
        (doc) => (doc.query("/body/paragraph[0]", { format: "json" }).items as { text: string }[])[0].text,
      ),
    ).toBe("Theirs.");
    expect(ctx.heard().length).toBe(heard);
  });

  it("refuses after an undo moved the cursor back, and says so", async () => {
    const ctx = setup();
    const id = await openReport(ctx);
    await ctx.sessions.history.edit(id, { tool: "replace_text" }, setText("/body/paragraph[0]", "Theirs."));
    await ctx.sessions.history.moveTo(id, () => 0);
    const error = await ctx.sessions.history
      .edit(id, { tool: "replace_text", expectedPosition: 1 }, setText("/body/paragraph[0]", "Mine."))
      .catch((e: SessionError) => e);
    expect(error).toMatchObject({ kind: "stale_position", failure: { expected: 1, position: 0, changes: [] } });
    expect((error as SessionError).message).toContain("the cursor was moved");
    expect((await ctx.sessions.get(id)).top).toBe(1);
  });

  it("answers a retried edit (same request id) with its first result even though the position moved by it", async () => {
    const ctx = setup();
    const id = await openReport(ctx);
    const meta = { tool: "replace_text", requestId: "r-1", expectedPosition: 0, args: { text: "A." } };
    const first = await ctx.sessions.history.edit(id, meta, setText("/body/paragraph[0]", "A."));
    const again = await ctx.sessions.history.edit(id, meta, setText("/body/paragraph[0]", "A."));
    expect(again).toMatchObject({ position: first.position, replayed: true });
  });
});
