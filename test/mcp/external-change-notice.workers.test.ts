import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callOk, connectMcp, workerFetch } from "../support/mcp-client";

// Edits made while the session's library file changed underneath say so, on the Worker's real R2 and Durable Object.

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ORIGINAL = buildDocx({ body: p("Summary", "Heading1") + p("First draft.") + p("Second paragraph.") });
const REVISED = buildDocx({ body: p("Summary", "Heading1") + p("Revised outside.") + p("Second paragraph.") });

async function tenant(name: string) {
  const owner = await tokenFor(name);
  const client = await connectMcp(owner.headers);
  const upload = async (file: string, bytes: Uint8Array) => {
    const res = await workerFetch(`/api/files/${file}`, {
      method: "PUT",
      headers: { ...owner.headers, "content-type": DOCX_TYPE, "content-length": String(bytes.length) },
      body: bytes,
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { file: { uploadedAt: string } }).file;
  };
  return { owner, client, upload };
}

const addParagraph = (doc_id: string, text: string) => ({
  doc_id,
  path: "/body/children/99",
  value: { type: "paragraph", text },
});

describe("edit results while the library file changed", () => {
  it("carry external_change after a re-upload, still apply the edit, and drop it after sync_external_changes", async () => {
    const { client, upload } = await tenant("notice-reupload");
    await upload("notes.docx", ORIGINAL);
    const id = (await callOk(client, "document_open", { path: "notes.docx", auto_save: false })).session.id;
    const before = await callOk(client, "add_element", addParagraph(id, "Mine."));
    expect(before.external_change).toBeUndefined();

    const revised = await upload("notes.docx", REVISED);
    const edited = await callOk(client, "replace_text", { doc_id: id, find: "Mine.", replace: "Still mine." });
    expect(edited.replacements_made).toBe(1); // the notice never blocks the edit
    expect(edited.external_change).toEqual({
      file: "notes.docx",
      changed_at: revised.uploadedAt,
      hint: "call get_external_changes, then sync_external_changes or save with overwrite",
    });
    const added = await callOk(client, "add_element", addParagraph(id, "Another."));
    expect(added.external_change).toMatchObject({ file: "notes.docx" });
    const commented = await callOk(client, "comment_add", { doc_id: id, path: "/body/paragraph[0]", text: "Check" });
    expect(commented.external_change).toMatchObject({ file: "notes.docx" });
    expect((await callOk(client, "document_undo", { doc_id: id })).external_change).toMatchObject({ file: "notes.docx" });

    await callOk(client, "sync_external_changes", { doc_id: id });
    const after = await callOk(client, "add_element", addParagraph(id, "After sync."));
    expect(after.external_change).toBeUndefined();
    const texts = (await callOk(client, "query", { doc_id: id, path: "/body/paragraph[*]" })).items.map((i: any) => i.text);
    expect(texts).toEqual(["Summary", "Revised outside.", "Second paragraph.", "After sync."]);
  });

  it("reports a deleted library file, and never notices anything for a new document", async () => {
    const { owner, client, upload } = await tenant("notice-deleted");
    await upload("gone.docx", ORIGINAL);
    const id = (await callOk(client, "document_open", { path: "gone.docx", auto_save: false })).session.id;
    expect((await workerFetch("/api/files/gone.docx", { method: "DELETE", headers: owner.headers })).status).toBe(204);
    const edited = await callOk(client, "add_element", addParagraph(id, "Orphan."));
    expect(edited).toMatchObject({ external_change: { file: "gone.docx", changed_at: null } });
    expect(edited.external_change.hint).toContain("deleted");

    const blank = (await callOk(client, "document_create", {})).session.id;
    expect((await callOk(client, "add_element", addParagraph(blank, "Fresh."))).external_change).toBeUndefined();
  });
});
