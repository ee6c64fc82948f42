import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

// Sessions and their library files over MCP, on the Worker's real R2 bucket and tenant Durable Object.

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const REPORT = buildDocx({ body: p("Summary", "Heading1") + p("First draft.") + p("Second paragraph.") });
const filePath = (name: string) => `/api/files/${name.split("/").map(encodeURIComponent).join("/")}`;

async function tenant(name: string) {
  const owner = await tokenFor(name);
  const client = await connectMcp(owner.headers);
  const upload = async (file: string, bytes: Uint8Array) => {
    const res = await workerFetch(filePath(file), {
      method: "PUT",
      headers: { ...owner.headers, "content-type": DOCX_TYPE, "content-length": String(bytes.length) },
      body: bytes,
    });
    expect(res.status).toBe(200);
  };
  const download = async (file: string) => {
    const res = await workerFetch(filePath(file), { headers: owner.headers });
    return res.status === 200 ? new Uint8Array(await res.arrayBuffer()) : null;
  };
  const files = async (prefix = "") =>
    (
      (await (await workerFetch(`/api/files?prefix=${encodeURIComponent(prefix)}`, { headers: owner.headers })).json()) as {
        files: { name: string; contentType: string }[];
      }
    ).files;
  return { owner, client, upload, download, files };
}

const replace = (doc_id: string, find: string, replacement: string, extra: Record<string, unknown> = {}) => ({
  doc_id,
  find,
  replace: replacement,
  ...extra,
});

describe("saving back to the library", () => {
  it("refuses the second of two sessions saving one file, naming the file and when it changed", async () => {
    const { client, upload, download } = await tenant("lib-two-sessions");
    await upload("report.docx", REPORT);
    const a = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    const b = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    await callOk(client, "replace_text", replace(a, "First draft.", "Edited in A."));
    await callOk(client, "replace_text", replace(b, "First draft.", "Edited in B."));

    await callOk(client, "document_save", { doc_id: a });
    const savedByA = await download("report.docx");
    const conflict = await callError(client, "document_save", { doc_id: b });
    expect(conflict.kind).toBe("save_conflict");
    expect(conflict.name).toBe("report.docx");
    expect(conflict.changedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(conflict.message).toContain('"report.docx" changed in the library at');
    expect(conflict.message).toContain("overwrite: true");
    expect(await download("report.docx")).toEqual(savedByA); // nothing written

    // Another name goes through; the session now saves to that file.
    const saveAs = await callOk(client, "document_save", { doc_id: b, output_path: "report-b.docx" });
    expect(saveAs.session).toMatchObject({ source: "report-b.docx", unsaved_changes: false });
    // overwrite: true replaces a changed file on purpose.
    await callOk(client, "replace_text", replace(a, "Second paragraph.", "A again."));
    await upload("report.docx", REPORT); // someone re-uploads the original
    expect((await callError(client, "document_save", { doc_id: a })).kind).toBe("save_conflict");
    await callOk(client, "document_save", { doc_id: a, overwrite: true });
    expect(await download("report.docx")).not.toEqual(REPORT);
    // Having written it, the session's next save needs no overwrite.
    await callOk(client, "replace_text", replace(a, "A again.", "A third time."));
    await callOk(client, "document_save", { doc_id: a });
  });
});

describe("unsaved changes", () => {
  it("still counts edits as unsaved after a snapshot, and close refuses without discard", async () => {
    const { client, upload } = await tenant("lib-snapshot-close");
    await upload("report.docx", REPORT);
    // Auto-save off: its alarm must not save the edits while the test counts them as unsaved.
    const id = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    await callOk(client, "replace_text", replace(id, "First draft.", "One."));
    await callOk(client, "replace_text", replace(id, "Second paragraph.", "Two."));
    await callOk(client, "document_snapshot", { doc_id: id });

    const listed = (await callOk(client, "document_list")).sessions[0];
    expect(listed).toMatchObject({ id, position: 0, unsaved_changes: true, unsaved_edits: 2 });
    const refused = await callError(client, "document_close", { doc_id: id });
    expect(refused).toMatchObject({ kind: "unsaved_changes", sessionId: id, edits: 2 });
    expect(refused.message).toContain("lose 2 edit(s)");
    expect(refused.message).toContain("discard: true");
    expect((await callOk(client, "document_list")).total).toBe(1); // still open

    const closed = await callOk(client, "document_close", { doc_id: id, discard: true });
    expect(closed).toMatchObject({ closed: id, discarded_unsaved_changes: true });
    expect((await callOk(client, "document_list")).total).toBe(0);
  });

  it("closes without discard once saved, and after undoing back to the saved state", async () => {
    const { client, upload } = await tenant("lib-saved-close");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    await callOk(client, "replace_text", replace(id, "First draft.", "One."));
    await callOk(client, "document_save", { doc_id: id });
    await callOk(client, "replace_text", replace(id, "One.", "Two."));
    expect((await callOk(client, "document_list")).sessions[0]).toMatchObject({ unsaved_changes: true, unsaved_edits: 1 });
    await callOk(client, "document_undo", { doc_id: id });
    expect((await callOk(client, "document_list")).sessions[0]).toMatchObject({ unsaved_changes: false });
    expect(await callOk(client, "document_close", { doc_id: id })).toMatchObject({ discarded_unsaved_changes: false });
  });
});

describe("exports", () => {
  it("gives two exports two names and never replaces a file without overwrite", async () => {
    const { client, upload, download, files } = await tenant("lib-two-exports");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    const first = await callOk(client, "export", { doc_id: id, format: "docx" });
    const second = await callOk(client, "export", { doc_id: id, format: "docx" });
    expect(first.file).not.toBe(second.file);
    expect((await files("exports/")).map((f) => f.name).sort()).toEqual([first.file, second.file].sort());

    await callOk(client, "export", { doc_id: id, format: "markdown", output_path: "notes/report.md" });
    const clash = await callError(client, "export", { doc_id: id, format: "markdown", output_path: "notes/report.md" });
    expect(clash).toMatchObject({ kind: "file_exists", name: "notes/report.md" });
    expect(clash.message).toContain("overwrite: true");
    await callOk(client, "export", { doc_id: id, format: "markdown", output_path: "notes/report.md", overwrite: true });
    expect((await files("notes/")).map((f) => [f.name, f.contentType])).toEqual([["notes/report.md", "text/markdown; charset=utf-8"]]);

    const wrongKind = await callError(client, "export", { doc_id: id, format: "markdown", output_path: "report.docx", overwrite: true });
    expect(wrongKind).toMatchObject({ kind: "invalid_argument", field: "output_path" });
    expect(await download("report.docx")).toEqual(REPORT); // the user's original is untouched
  });

  it("serves an HTML export as a sandboxed download the browser may not sniff", async () => {
    const { owner, client, upload } = await tenant("lib-html-download");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    const exported = await callOk(client, "export", { doc_id: id, format: "html", output_path: "web/report #1?.html" });
    expect(exported.download_path).toBe("/api/files/web/report%20%231%3F.html");
    const res = await workerFetch(exported.download_path, { headers: owner.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(await res.text()).toContain("<h1>Summary</h1>");
  });
});

describe("request ids", () => {
  it("refuses a request_id reused with different arguments and changes nothing", async () => {
    const { client, upload } = await tenant("lib-request-reuse");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    const first = await callOk(client, "replace_text", replace(id, "First draft.", "Once.", { request_id: "r-1" }));
    const retry = await callOk(client, "replace_text", replace(id, "First draft.", "Once.", { request_id: "r-1" }));
    expect(retry).toMatchObject({ position: first.position });
    const reused = await callError(client, "replace_text", replace(id, "Second paragraph.", "Other.", { request_id: "r-1" }));
    expect(reused).toMatchObject({ kind: "request_id_reused", requestId: "r-1" });
    expect(reused.message).toContain("different arguments");
    const otherTool = await callError(client, "document_undo", { doc_id: id, request_id: "r-1" });
    expect(otherTool.kind).toBe("request_id_reused");
    const history = await callOk(client, "document_history", { doc_id: id });
    expect(history).toMatchObject({ total: 1, position: 1 });
    expect((await callOk(client, "query", { doc_id: id, path: "/body/paragraph[2]" })).items[0].text).toBe("Second paragraph.");
  });

  it("answers a retry whose entry was undone and discarded with what happened, never applying it again", async () => {
    const { client, upload } = await tenant("lib-request-discarded");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    await callOk(client, "replace_text", replace(id, "First draft.", "Applied.", { request_id: "r-2" }));
    await callOk(client, "document_undo", { doc_id: id });
    await callOk(client, "replace_text", replace(id, "Second paragraph.", "New branch."));
    const late = await callError(client, "replace_text", replace(id, "First draft.", "Applied.", { request_id: "r-2" }));
    expect(late).toMatchObject({ kind: "request_discarded", requestId: "r-2", position: 1 });
    expect(late.message).toContain("applied at history position 1, then undone and discarded");
    expect((await callOk(client, "query", { doc_id: id, path: "/body/paragraph[1]" })).items[0].text).toBe("First draft.");
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(1);
  });

  it("binds cursor moves too: an undo retried with other steps is refused", async () => {
    const { client, upload } = await tenant("lib-request-move");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    await callOk(client, "replace_text", replace(id, "First draft.", "One."));
    await callOk(client, "replace_text", replace(id, "One.", "Two."));
    await callOk(client, "document_undo", { doc_id: id, request_id: "u-1", steps: 1 });
    expect(await callOk(client, "document_undo", { doc_id: id, request_id: "u-1", steps: 1 })).toMatchObject({
      replayed: true,
      position: 1,
    });
    expect((await callError(client, "document_undo", { doc_id: id, request_id: "u-1", steps: 2 })).kind).toBe("request_id_reused");
    expect((await callOk(client, "document_history", { doc_id: id })).position).toBe(1);
  });
});

describe("read-scope tokens", () => {
  it("open read-only sessions that refuse edits and saves, and may close them", async () => {
    const { owner, upload } = await tenant("lib-read-only");
    await upload("report.docx", REPORT);
    const reader = await connectMcp((await tokenFor("lib-read-only", ["read"])).headers);
    const writer = await connectMcp(owner.headers);
    const { session } = await callOk(reader, "document_open", { path: "report.docx" });
    expect(session.read_only).toBe(true);
    expect((await callOk(reader, "query", { doc_id: session.id, path: "/body/paragraph[1]" })).items[0].text).toBe("First draft.");
    const edit = await callError(writer, "replace_text", replace(session.id, "First draft.", "Nope."));
    expect(edit.kind).toBe("read_only_session");
    expect(edit.message).toContain("read-only token");
    expect((await callError(writer, "document_save", { doc_id: session.id })).kind).toBe("read_only_session");

    const editable = (await callOk(writer, "document_open", { path: "report.docx" })).session.id;
    expect((await callError(reader, "document_close", { doc_id: editable })).kind).toBe("forbidden");
    expect(await callOk(reader, "document_close", { doc_id: session.id })).toMatchObject({ closed: session.id });
  });
});

describe("external changes", () => {
  it("detects a file re-uploaded under an open session, syncs it as one step, and undoes the sync", async () => {
    const { client, upload, download } = await tenant("lib-external");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    await callOk(client, "replace_text", replace(id, "Second paragraph.", "Mine."));
    expect(await callOk(client, "get_external_changes", { doc_id: id })).toMatchObject({ has_changes: false });

    const REVISED = buildDocx({ body: p("Summary", "Heading1") + p("Revised outside.") + p("Second paragraph.") + p("Appendix") });
    await upload("report.docx", REVISED);
    const changes = await callOk(client, "get_external_changes", { doc_id: id });
    expect(changes).toMatchObject({ has_changes: true, source: "report.docx", summary: { added: 1, modified: 2 } });
    // Both versions have the same styles and settings: only the body differs.
    expect(changes.parts).toEqual({ changed: [], added: [], removed: [] });
    expect(changes.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "modified", element_type: "paragraph", text: "Revised outside." }),
        expect.objectContaining({ type: "added", element_type: "paragraph", text: "Appendix" }),
      ]),
    );
    expect((await callError(client, "document_save", { doc_id: id })).kind).toBe("save_conflict");

    const synced = await callOk(client, "sync_external_changes", { doc_id: id, request_id: "sync-1" });
    expect(synced).toMatchObject({ success: true, has_changes: true, position: 2, session: { unsaved_changes: false } });
    const texts = async () => (await callOk(client, "query", { doc_id: id, path: "/body/paragraph[*]" })).items.map((i: any) => i.text);
    expect(await texts()).toEqual(["Summary", "Revised outside.", "Second paragraph.", "Appendix"]);
    expect(await callOk(client, "get_external_changes", { doc_id: id })).toMatchObject({ has_changes: false });
    const history = await callOk(client, "document_history", { doc_id: id });
    expect(history.entries.map((e: any) => e.tool)).toEqual(["replace_text", "sync_external_changes"]);

    await callOk(client, "document_undo", { doc_id: id });
    expect(await texts()).toEqual(["Summary", "First draft.", "Mine."]);
    expect((await callOk(client, "document_list")).sessions[0]).toMatchObject({ unsaved_changes: true });
    await callOk(client, "document_redo", { doc_id: id });
    // Saved at the synced version: saving goes through without overwrite, and the file is the synced document.
    await callOk(client, "document_save", { doc_id: id });
    const reopened = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    expect((await callOk(client, "query", { doc_id: reopened, path: "/body/paragraph[3]" })).items[0].text).toBe("Appendix");
    expect(await download("report.docx")).not.toEqual(REVISED); // ids written by the session, same content
  });

  it("sets another save target with document_set_source; an existing target needs no overwrite once chosen", async () => {
    const { client, upload, download } = await tenant("lib-set-source");
    await upload("report.docx", REPORT);
    const id = (await callOk(client, "document_create")).session.id;
    const set = await callOk(client, "document_set_source", { doc_id: id, path: "drafts/new.docx", auto_sync: true });
    expect(set).toMatchObject({ source: "drafts/new.docx", auto_sync: true, session: { unsaved_changes: true, auto_save: true } });
    expect(await callOk(client, "document_save", { doc_id: id })).toMatchObject({ file: { name: "drafts/new.docx" } });

    await callOk(client, "document_set_source", { doc_id: id, path: "report.docx" });
    await callOk(client, "document_save", { doc_id: id });
    expect(await download("report.docx")).toEqual(await download("drafts/new.docx"));
    expect((await callError(client, "document_set_source", { doc_id: id, path: "a/../c.docx" })).kind).toBe("invalid_name");
  });
});
