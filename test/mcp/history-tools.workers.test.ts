import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { DocxDocument } from "../../src/docx/index";
import { DocumentSessions } from "../../src/sessions/index";
import { R2LibraryStore } from "../../src/storage/r2/library-store";
import { R2SessionStore } from "../../src/storage/r2/session-store";
import { DurableSessionIndex, tenantStub } from "../../src/tenant/index";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callError, callOk, connectMcp } from "../support/mcp-client";

// Edits go through the sessions layer on the same R2 bucket and Durable Object the Worker uses (the
// editing tools arrive with the editing issue); history is then read and moved over MCP.
async function setup(tenantName: string) {
  const auth = await tokenFor(tenantName);
  const sessions = new DocumentSessions({
    tenantId: auth.tenantId,
    library: new R2LibraryStore(env.DOCS),
    store: new R2SessionStore(env.DOCS),
    index: new DurableSessionIndex(tenantStub(env.TENANT, auth.tenantId)),
  });
  await new R2LibraryStore(env.DOCS).write(auth.tenantId, "h.docx", buildDocx({ body: [0, 1, 2, 3].map((i) => p(`P${i}`)).join("") }));
  const { id } = await sessions.open("h.docx");
  const edit = (i: number, text: string) =>
    sessions.history.edit(id, { tool: "test_edit" }, (doc: DocxDocument) => {
      doc.replaceParagraphText(`/body/paragraph[${i}]`, text);
      return { result: null, description: `paragraph ${i} -> ${text}` };
    });
  const client = await connectMcp(auth.headers);
  const text = async (i: number) => (await callOk(client, "query", { doc_id: id, path: `/body/paragraph[${i}]` })).items[0].text;
  return { id, edit, client, text, sessions, tenantId: auth.tenantId };
}

describe("history tools over MCP", () => {
  it("lists entries with the cursor, and pages them", async () => {
    const { id, edit, client } = await setup("h-list");
    for (let i = 0; i < 3; i++) await edit(i, `E${i}`);
    const page = await callOk(client, "document_history", { doc_id: id, limit: 2 });
    expect(page).toMatchObject({ position: 3, top: 3, total: 3, next_offset: 2, can_undo: true, can_redo: false });
    expect(page.entries[0]).toMatchObject({ position: 1, tool: "test_edit", description: "paragraph 0 -> E0", current: false });
  });

  it("undoes, redoes and jumps to the baseline, as later reads show", async () => {
    const { id, edit, client, text } = await setup("h-move");
    for (let i = 0; i < 3; i++) await edit(i, `E${i}`);
    expect(await callOk(client, "document_undo", { doc_id: id, steps: 2 })).toMatchObject({ steps: 2, position: 1 });
    expect(await text(1)).toBe("P1");
    expect(await text(0)).toBe("E0");
    expect(await callOk(client, "document_redo", { doc_id: id })).toMatchObject({ steps: 1, position: 2 });
    expect(await text(1)).toBe("E1");
    expect(await callOk(client, "document_jump_to", { doc_id: id, position: 0 })).toMatchObject({ position: 0, can_redo: true });
    expect(await text(0)).toBe("P0");
    const error = await callError(client, "document_jump_to", { doc_id: id, position: 9 });
    expect(error.message).toContain("positions 0 to 3");
  });

  it("undoes once when a client retries document_undo with the same request_id", async () => {
    const { id, edit, client, text } = await setup("h-undo-retry");
    for (let i = 0; i < 3; i++) await edit(i, `E${i}`);
    const first = await callOk(client, "document_undo", { doc_id: id, request_id: "u-1" });
    expect(first).toMatchObject({ steps: 1, position: 2 });
    expect(await callOk(client, "document_undo", { doc_id: id, request_id: "u-1" })).toMatchObject({
      steps: 1,
      position: 2,
      replayed: true,
    });
    expect(await text(2)).toBe("P2");
    expect(await text(1)).toBe("E1");
    expect(await callOk(client, "document_undo", { doc_id: id, request_id: "u-2" })).toMatchObject({ steps: 1, position: 1 });
  });

  it("survives a new isolate: a fresh sessions layer sees the same history and document", async () => {
    const { id, edit, client } = await setup("h-restart");
    await edit(2, "Kept");
    await callOk(client, "document_undo", { doc_id: id });
    await callOk(client, "document_redo", { doc_id: id });
    const auth = await tokenFor("h-restart");
    const fresh = await connectMcp(auth.headers);
    expect((await callOk(fresh, "query", { doc_id: id, path: "/body/paragraph[2]" })).items[0].text).toBe("Kept");
    expect((await callOk(fresh, "document_history", { doc_id: id })).total).toBe(1);
  });

  it("compacts history with document_snapshot", async () => {
    const { id, edit, client, text, tenantId } = await setup("h-snapshot");
    for (let i = 0; i < 3; i++) await edit(i, `S${i}`);
    await callOk(client, "document_undo", { doc_id: id });
    const snap = await callOk(client, "document_snapshot", { doc_id: id, discard_redo: true });
    expect(snap).toMatchObject({ position: 0, top: 0, can_undo: false, can_redo: false });
    expect(await text(1)).toBe("S1");
    expect(await text(2)).toBe("P2");
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
    // R2 alone names the new baseline: the manifest was rewritten by ETag compare-and-swap.
    const manifest = await new R2SessionStore(env.DOCS).readManifest(tenantId, id);
    expect(manifest?.baselineGeneration).toBe(1);
    expect(await new R2SessionStore(env.DOCS).openBaseline(tenantId, id, 0)).toBeNull();
  });

  it("saves the current position to the library", async () => {
    const { id, edit, client, sessions } = await setup("h-save");
    await edit(0, "Saved text");
    const saved = await callOk(client, "document_save", { doc_id: id, output_path: "out.docx" });
    expect(saved.session).toMatchObject({ position: 1, unsaved_changes: false });
    const reopened = await sessions.open("out.docx");
    const first = await sessions.history.read(reopened.id, (doc) => (doc.query("/body/paragraph[0]").items as { text: string }[])[0].text);
    expect(first).toBe("Saved text");
  });
});
