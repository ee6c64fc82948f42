import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tenantStub } from "../../src/tenant/index";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callOk, connectMcp, workerFetch } from "../support/mcp-client";

// The tenant object's alarm, driven by the test: automatic saves once edits settle, and session expiry.

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const REPORT = buildDocx({ body: p("Summary", "Heading1") + p("First draft.") });

async function setup(name: string) {
  const owner = await tokenFor(name);
  const client = await connectMcp(owner.headers);
  const stub = tenantStub(env.TENANT, owner.tenantId);
  const upload = async (bytes: Uint8Array) => {
    const res = await workerFetch("/api/files/report.docx", {
      method: "PUT",
      headers: { ...owner.headers, "content-type": DOCX_TYPE, "content-length": String(bytes.length) },
      body: bytes,
    });
    expect(res.status).toBe(200);
  };
  const file = async () => {
    const object = await env.DOCS.get(`t/${owner.tenantId}/lib/report.docx`);
    return { etag: object?.etag, bytes: new Uint8Array(await object!.arrayBuffer()) };
  };
  /** Moves the session's clock: its save falls due now, or its last write or change lies further back. */
  const backdate = (id: string, columns: { due?: boolean; savedAgoMs?: number; idleDays?: number }) =>
    runInDurableObject(stub, async (_instance, state) => {
      if (columns.due) state.storage.sql.exec(`UPDATE sessions SET auto_save_due = 0 WHERE id = ?`, id);
      if (columns.savedAgoMs !== undefined)
        state.storage.sql.exec(`UPDATE sessions SET auto_saved_at = ? WHERE id = ?`, Date.now() - columns.savedAgoMs, id);
      if (columns.idleDays !== undefined)
        state.storage.sql.exec(
          `UPDATE sessions SET updated_at = ? WHERE id = ?`,
          new Date(Date.now() - columns.idleDays * 86_400_000).toISOString(),
          id,
        );
    });
  const alarmAt = () => runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
  await upload(REPORT);
  return { owner, client, stub, upload, file, backdate, alarmAt };
}

const edit = (client: Awaited<ReturnType<typeof connectMcp>>, id: string, find: string, replace: string) =>
  callOk(client, "replace_text", { doc_id: id, find, replace });

describe("automatic save", () => {
  it("writes the file once edits settle, by the alarm, and not before", async () => {
    const { client, stub, file, backdate, alarmAt } = await setup("upkeep-autosave");
    const opened = await callOk(client, "document_open", { path: "report.docx" });
    expect(opened.session.auto_save).toBe(true);
    const id = opened.session.id;
    const before = await file();
    const editedAt = Date.now();
    await edit(client, id, "First draft.", "Saved by itself.");
    const alarm = await alarmAt();
    expect(alarm).toBeGreaterThanOrEqual(editedAt + 2_000); // a few seconds of quiet first
    expect(alarm).toBeLessThanOrEqual(Date.now() + 3_000);
    expect((await file()).etag).toBe(before.etag);

    await backdate(id, { due: true });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = await file();
    expect(after.etag).not.toBe(before.etag);
    const reopened = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    expect((await callOk(client, "query", { doc_id: reopened, path: "/body/paragraph[1]" })).items[0].text).toBe("Saved by itself.");
    expect((await callOk(client, "document_list")).sessions.find((s: any) => s.id === id)).toMatchObject({
      unsaved_changes: false,
      auto_save_error: null,
    });
  });

  it("never writes one file more than once a second", async () => {
    const { client, stub, file, backdate, alarmAt } = await setup("upkeep-rate");
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    await edit(client, id, "First draft.", "One.");
    await backdate(id, { due: true });
    await runDurableObjectAlarm(stub);
    const first = await file();

    await edit(client, id, "One.", "Two.");
    await backdate(id, { due: true });
    await runDurableObjectAlarm(stub);
    expect((await file()).etag).toBe(first.etag); // deferred: written less than a second ago
    const deferredTo = (await alarmAt()) ?? 0;
    expect(deferredTo).toBeGreaterThan(Date.now() - 1_000);

    await backdate(id, { due: true, savedAgoMs: 2_000 });
    await runDurableObjectAlarm(stub);
    expect((await file()).etag).not.toBe(first.etag);
  });

  it("shows a failed automatic save in document_list and document_history, and overwrites nothing", async () => {
    const { client, stub, upload, file, backdate } = await setup("upkeep-conflict");
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    await edit(client, id, "First draft.", "Mine.");
    const theirs = buildDocx({ body: p("Someone else's version.") });
    await upload(theirs);
    await backdate(id, { due: true });
    await runDurableObjectAlarm(stub);
    expect((await file()).bytes).toEqual(theirs);
    const listed = (await callOk(client, "document_list")).sessions.find((s: any) => s.id === id);
    expect(listed.auto_save_error).toContain('"report.docx" changed in the library');
    expect(listed.unsaved_changes).toBe(true);
    expect((await callOk(client, "document_history", { doc_id: id })).auto_save_error).toContain("changed in the library");
  });

  it("does nothing for a session opened with auto_save: false", async () => {
    const { client, stub, file, backdate } = await setup("upkeep-off");
    const id = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    const before = await file();
    await edit(client, id, "First draft.", "Manual only.");
    await backdate(id, { due: true });
    await runDurableObjectAlarm(stub);
    expect((await file()).etag).toBe(before.etag);
  });
});

describe("session expiry", () => {
  it("ends a session idle past its lifetime: saved first, then every object deleted", async () => {
    const { owner, client, stub, backdate, file } = await setup("upkeep-expiry");
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id;
    const listed = (await callOk(client, "document_list")).sessions[0];
    expect(Date.parse(listed.expires_at) - Date.parse(listed.updated_at)).toBe(30 * 86_400_000);
    await edit(client, id, "First draft.", "Last words.");
    await callOk(client, "document_snapshot", { doc_id: id });
    const prefix = `t/${owner.tenantId}/s/${id}/`;
    expect((await env.DOCS.list({ prefix })).objects.length).toBeGreaterThan(0);

    await backdate(id, { idleDays: 31 });
    await runDurableObjectAlarm(stub);
    expect((await callOk(client, "document_list")).total).toBe(0);
    expect((await env.DOCS.list({ prefix })).objects).toEqual([]);
    const reopened = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
    expect((await callOk(client, "query", { doc_id: reopened, path: "/body/paragraph[1]" })).items[0].text).toBe("Last words.");
    expect((await file()).bytes.length).toBeGreaterThan(0);
  });
});
