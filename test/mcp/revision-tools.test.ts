import { describe, expect, it } from "vitest";
import { del, ins, markedP, plainP, run } from "../docx/ops/revisions/support";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, openInLibrary } from "../support/mcp-memory";

const tracked = buildDocx({
  body:
    p("Contract") +
    plainP(run("The fee is ") + del(1, "100", "Ann") + ins(2, "120", "Ann") + run(" euros.")) +
    plainP(run("Payment ") + ins(3, "within 30 days", "Bob")) +
    markedP("ins", 4, ins(5, "A new clause.", "Bob"), "Bob") +
    p("End"),
});

async function openTracked(tenant: string) {
  const { client, id } = await openInLibrary(tenant, "tracked.docx", tracked);
  const texts = async () =>
    ((await callOk(client, "query", { doc_id: id, path: "/body/paragraph[*]" })).items as { text: string }[]).map((i) => i.text);
  const entries = async () => (await callOk(client, "document_history", { doc_id: id })).total as number;
  return { client, id, texts, entries };
}

describe("revision tools over MCP", () => {
  it("lists the revision tools; only revision_list is read-only", async () => {
    const { client } = await openTracked("rev-tools");
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get("revision_list")?.annotations?.readOnlyHint).toBe(true);
    for (const name of ["revision_accept", "revision_reject", "revision_accept_all", "revision_reject_all", "track_changes_enable"]) {
      // tools/list leaves out hints equal to the spec's defaults: an absent readOnlyHint means false.
      expect(byName.get(name)?.annotations?.readOnlyHint, name).not.toBe(true);
    }
  });

  it("revision_list pages through revisions and filters by author and type", async () => {
    const { client, id } = await openTracked("rev-list");
    const first = await callOk(client, "revision_list", { doc_id: id, limit: 2 });
    expect(first).toMatchObject({ track_changes_enabled: false, total: 5, offset: 0, count: 2, next_offset: 2 });
    expect(first.revisions[0]).toMatchObject({ id: 1, type: "deletion", author: "Ann", text: "100", path: "/body/paragraph[1]" });
    const bob = await callOk(client, "revision_list", { doc_id: id, author: "bob" });
    expect(bob.revisions.map((r: { id: number }) => r.id)).toEqual([3, 4, 5]);
    const marks = await callOk(client, "revision_list", { doc_id: id, type: "paragraph_insertion" });
    expect(marks.revisions.map((r: { id: number }) => r.id)).toEqual([4]);
    const invalid = await callError(client, "revision_list", { doc_id: id, type: "nonsense" });
    expect(invalid.message).toContain("type");
  });

  it("revision_accept and revision_reject resolve one revision each as one history entry", async () => {
    const { client, id, texts, entries } = await openTracked("rev-one");
    expect(await callOk(client, "revision_accept", { doc_id: id, revision_id: 2 })).toMatchObject({
      accepted: 1,
      position: 1,
      dry_run: false,
    });
    expect(await callOk(client, "revision_reject", { doc_id: id, revision_id: 1 })).toMatchObject({ rejected: 1, position: 2 });
    expect((await texts())[1]).toBe("The fee is 100120 euros.");
    expect(await entries()).toBe(2);
    const remaining = await callOk(client, "revision_list", { doc_id: id });
    expect(remaining.revisions.map((r: { id: number }) => r.id)).toEqual([3, 4, 5]);
    const history = await callOk(client, "document_history", { doc_id: id });
    expect(history.entries.map((e: { tool: string }) => e.tool)).toEqual(["revision_accept", "revision_reject"]);
  });

  it("refuses an unknown revision id, naming the ids there are, and records nothing", async () => {
    const { client, id, entries } = await openTracked("rev-unknown");
    const error = await callError(client, "revision_accept", { doc_id: id, revision_id: 42 });
    expect(error).toMatchObject({ kind: "revision_not_found", revisionId: 42 });
    expect(error.message).toContain("ids 1, 2, 3, 4, 5");
    expect(await entries()).toBe(0);
  });

  it("revision_accept_all by one author, with dry_run and an idempotent request_id", async () => {
    const { client, id, texts, entries } = await openTracked("rev-all");
    const preview = await callOk(client, "revision_accept_all", { doc_id: id, author: "Bob", dry_run: true });
    expect(preview).toMatchObject({ accepted: 3, dry_run: true, position: 0 });
    expect(await entries()).toBe(0);
    const done = await callOk(client, "revision_accept_all", { doc_id: id, author: "Bob", request_id: "once" });
    expect(done).toMatchObject({ accepted: 3, position: 1 });
    // A retry gets the first call's result and writes no second entry.
    expect(await callOk(client, "revision_accept_all", { doc_id: id, author: "Bob", request_id: "once" })).toEqual({
      ...done,
      replayed: true,
    });
    expect(await entries()).toBe(1);
    expect(await texts()).toEqual(["Contract", "The fee is 120 euros.", "Payment within 30 days", "A new clause.", "End"]);
    expect((await callOk(client, "revision_list", { doc_id: id })).revisions.map((r: { author: string }) => r.author)).toEqual([
      "Ann",
      "Ann",
    ]);
  });

  it("revision_reject_all returns the document to its state before the tracked edits, and undo brings them back", async () => {
    const { client, id, texts } = await openTracked("rev-reject-all");
    expect(await callOk(client, "revision_reject_all", { doc_id: id })).toMatchObject({ rejected: 5 });
    expect(await texts()).toEqual(["Contract", "The fee is 100 euros.", "Payment ", "End"]);
    await callOk(client, "document_undo", { doc_id: id });
    expect((await callOk(client, "revision_list", { doc_id: id })).total).toBe(5);
  });

  it("track_changes_enable turns tracking on and off in the settings", async () => {
    const { client, id, entries } = await openTracked("rev-track");
    expect(await callOk(client, "track_changes_enable", { doc_id: id, enabled: true })).toMatchObject({
      track_changes_enabled: true,
      changed: true,
      position: 1,
    });
    expect((await callOk(client, "revision_list", { doc_id: id })).track_changes_enabled).toBe(true);
    expect(await callOk(client, "track_changes_enable", { doc_id: id, enabled: true })).toMatchObject({ changed: false, position: 1 });
    expect(await entries()).toBe(1);
    await callOk(client, "track_changes_enable", { doc_id: id, enabled: false });
    expect((await callOk(client, "revision_list", { doc_id: id })).track_changes_enabled).toBe(false);
  });
});
