import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { DocumentSessions, type LiveEvent, type LiveStream, SessionError } from "../../src/sessions/index";
import { R2LibraryStore } from "../../src/storage/r2/library-store";
import { R2SessionStore } from "../../src/storage/r2/session-store";
import { DurableSessionIndex, openTenantListener, TenantChangeFeed, tenantStub } from "../../src/tenant/index";
import type { TenantObject } from "../../src/tenant/tenant-object";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callOk, connectMcp, workerFetch } from "../support/mcp-client";

// The tenant object as live hub, over real workerd: listeners attach through openTenantListener (what the MCP listen
// stream and the dashboard use), edits are made through /mcp and /api as clients make them.

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const REPORT = buildDocx({ body: p("Summary", "Heading1") + p("First draft.") });

async function setup(name: string) {
  const owner = await tokenFor(`${name}-${Date.now()}`);
  const client = await connectMcp(owner.headers);
  const res = await workerFetch("/api/files/report.docx", {
    method: "PUT",
    headers: { ...owner.headers, "content-type": DOCX_TYPE, "content-length": String(REPORT.length) },
    body: REPORT,
  });
  expect(res.status).toBe(200);
  const id: string = (await callOk(client, "document_open", { path: "report.docx", auto_save: false })).session.id;
  const stub = tenantStub(env.TENANT, owner.tenantId);
  const listen = (keys: string[]) => openTenantListener(env.TENANT, owner.tenantId, keys);
  let current = "First draft.";
  /** Replaces the paragraph's text through /mcp, as an agent would. */
  const edit = async (text: string) => {
    await callOk(client, "replace_text", { doc_id: id, find: current, replace: text });
    current = text;
  };
  return { owner, client, id, stub, listen, edit };
}

/** Reads a stream in the background; `events` fills as they arrive. */
function record(stream: LiveStream) {
  const events: LiveEvent[] = [];
  const done = (async () => {
    for await (const event of stream) events.push(event);
  })();
  return { events, done };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof SessionError ? e.failure : e),
  );

describe("live hub", () => {
  it("gives two listeners of one tenant every update once, in order; another tenant hears nothing", async () => {
    const { id, listen, client, stub, edit } = await setup("live-two");
    const other = await setup("live-other");
    const first = record(await listen([`session:${id}`]));
    const second = record(await listen(["sessions", `session:${id}`]));
    const outsider = record(await other.listen(["sessions", "library", `session:${other.id}`]));

    for (const word of ["One.", "Two.", "Three."]) await edit(word);
    await callOk(client, "document_undo", { doc_id: id });
    await callOk(client, "document_close", { doc_id: id, discard: true });

    const expected = [
      { kind: "edited", position: 1, tool: "replace_text" },
      { kind: "edited", position: 2, tool: "replace_text" },
      { kind: "edited", position: 3, tool: "replace_text" },
      { kind: "moved", from: 3, position: 2 },
      { kind: "closed", sessionId: id },
    ];
    await vi.waitFor(() => expect(first.events).toHaveLength(expected.length), { timeout: 5000 });
    expect(first.events).toMatchObject(expected.map((e) => ({ ...e, key: `session:${id}` })));
    // The second listener also holds "sessions", so it hears the close under both keys.
    await vi.waitFor(() => expect(second.events).toHaveLength(expected.length + 1), { timeout: 5000 });
    expect(second.events.filter((e) => e.key === `session:${id}`)).toMatchObject(expected);
    expect(second.events.filter((e) => e.key === "sessions")).toMatchObject([{ kind: "closed", sessionId: id }]);
    // Every event the hub sent has reached its sockets by now; the other tenant's hub sent nothing.
    await runInDurableObject(stub, () => {});
    expect(outsider.events).toEqual([]);
  });

  it("announces library uploads and opened sessions to list listeners", async () => {
    const { owner, client, listen } = await setup("live-lists");
    const lists = record(await listen(["library", "sessions"]));
    const res = await workerFetch("/api/files/notes/second.docx", {
      method: "PUT",
      headers: { ...owner.headers, "content-type": DOCX_TYPE, "content-length": String(REPORT.length) },
      body: REPORT,
    });
    expect(res.status).toBe(200);
    const opened = (await callOk(client, "document_open", { path: "notes/second.docx" })).session.id;
    await workerFetch("/api/files/notes/second.docx", { method: "DELETE", headers: owner.headers });
    await vi.waitFor(() => expect(lists.events).toHaveLength(3), { timeout: 5000 });
    expect(lists.events).toMatchObject([
      { key: "library", kind: "library", name: "notes/second.docx", change: "written" },
      { key: "sessions", kind: "opened", sessionId: opened },
      { key: "library", kind: "library", name: "notes/second.docx", change: "removed" },
    ]);
  });

  it("reports the subscribed documents' positions on attach", async () => {
    const { id, listen, edit } = await setup("live-positions");
    await edit("Edited once.");
    const stream = await listen([`session:${id}`, "library"]);
    expect(stream.positions).toEqual({ [`session:${id}`]: 1 });
    stream.close();
  });
});

describe("automatic save", () => {
  it("announces the save the object's alarm makes, and the library file it writes", async () => {
    const { owner, client, stub } = await setup("live-autosave");
    const id = (await callOk(client, "document_open", { path: "report.docx" })).session.id; // auto_save on by default
    await callOk(client, "replace_text", { doc_id: id, find: "First draft.", replace: "Saved by the alarm." });
    const live = record(await openTenantListener(env.TENANT, owner.tenantId, [`session:${id}`, "library"]));
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec("UPDATE sessions SET auto_save_due = 0 WHERE id = ?", id);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    await vi.waitFor(() => expect(live.events).toHaveLength(2), { timeout: 5000 });
    expect(live.events).toMatchObject([
      { key: "library", kind: "library", name: "report.docx", change: "written" },
      { key: `session:${id}`, kind: "saved", position: 1, file: "report.docx" },
    ]);
  });
});

describe("restart and hibernation", () => {
  it("re-attaches after the object restarts and keeps delivering", async () => {
    const { id, stub, listen, edit } = await setup("live-restart");
    const live = record(await listen([`session:${id}`, "library"]));
    await edit("Before the restart.");
    await vi.waitFor(() => expect(live.events).toHaveLength(1));
    await evictDurableObject(stub, { webSockets: "close" });
    // The document did not move while the listener was away: only the library list is caught up (it has no position).
    await vi.waitFor(() => expect(live.events).toHaveLength(2), { timeout: 5000 });
    expect(live.events[1]).toMatchObject({ kind: "catch_up", key: "library", position: null });
    await edit("After the restart.");
    await vi.waitFor(() => expect(live.events).toHaveLength(3), { timeout: 5000 });
    expect(live.events[2]).toMatchObject({ kind: "edited", key: `session:${id}`, position: 2 });
  });

  it("catches up on a document that moved while the listener was away", async () => {
    const { id, stub, listen, edit } = await setup("live-catch-up");
    await edit("One.");
    await edit("Two.");
    const live = record(await listen([`session:${id}`]));
    // In one turn of the object: its sockets drop (as on a restart) and the cursor moves without any event sent.
    await runInDurableObject(stub, (instance: TenantObject, state) => {
      for (const ws of state.getWebSockets()) ws.close(1012, "restarting");
      const head = instance.getSession(id)!;
      expect(instance.moveCursor(id, head.version, 0, new Date().toISOString())?.status).toBe("moved");
    });
    await vi.waitFor(() => expect(live.events).toHaveLength(1), { timeout: 5000 });
    expect(live.events[0]).toMatchObject({ kind: "catch_up", key: `session:${id}`, position: 0 });
  });

  it("keeps its sockets through a hibernation cycle, with no alarm and no timer of its own", async () => {
    const owner = await tokenFor(`live-hibernate-${Date.now()}`); // a tenant with no session: its object has no alarm at all
    const stub = tenantStub(env.TENANT, owner.tenantId);
    const live = record(await openTenantListener(env.TENANT, owner.tenantId, ["sessions", "library"]));
    const before = await runInDurableObject(stub, async (instance: TenantObject, state) => {
      expect(await state.storage.getAlarm()).toBeNull();
      expect(state.getWebSockets()).toHaveLength(1); // accepted with the hibernation API
      expect(state.getTags(state.getWebSockets()[0])).toEqual(["sessions", "library"]);
      expect(state.getWebSocketAutoResponse()).toMatchObject({ request: "ping", response: "pong" });
      // Attaching and publishing start no timer and set no alarm.
      const timers = [vi.spyOn(globalThis, "setTimeout"), vi.spyOn(globalThis, "setInterval")];
      try {
        const attached = await instance.fetch(new Request("https://hub/live?key=library", { headers: { upgrade: "websocket" } }));
        expect(attached.status).toBe(101);
        attached.webSocket?.accept();
        attached.webSocket?.close(1000, "probe done");
        instance.publish({ kind: "library", name: "probe.docx", change: "written", at: new Date().toISOString() });
        for (const timer of timers) expect(timer).not.toHaveBeenCalled();
      } finally {
        for (const timer of timers) timer.mockRestore();
      }
      expect(await state.storage.getAlarm()).toBeNull();
      return instance;
    });
    await vi.waitFor(() => expect(live.events).toHaveLength(1));

    await evictDurableObject(stub); // hibernates the sockets and drops the instance
    const client = await connectMcp(owner.headers);
    const created = (await callOk(client, "document_create", { title: "After hibernation" })).session.id;
    await vi.waitFor(() => expect(live.events).toHaveLength(2), { timeout: 5000 });
    expect(live.events[1]).toMatchObject({ kind: "opened", key: "sessions", sessionId: created });
    await runInDurableObject(stub, (instance) => expect(instance).not.toBe(before)); // a new instance sent it
  });
});

describe("refusals", () => {
  it("refuses an unknown session, another tenant's session and a malformed key, and opens nothing", async () => {
    const { id, stub } = await setup("live-refusals");
    const other = await setup("live-refusals-other");
    expect(await refusal(other.listen([`session:${id}`]))).toMatchObject({ kind: "session_not_found", sessionId: id });
    expect(await refusal(other.listen(["session:nope"]))).toMatchObject({ kind: "session_not_found" });
    expect(await refusal(other.listen(["document:x"]))).toMatchObject({ kind: "invalid_argument", field: "keys" });
    expect(await refusal(other.listen([]))).toMatchObject({ kind: "invalid_argument", field: "keys" });
    expect(await refusal(other.listen(["library", "library"]))).toMatchObject({ kind: "invalid_argument" });
    const eleven = Array.from({ length: 11 }, (_, i) => (i === 0 ? "library" : `session:s${i}`));
    expect(await refusal(other.listen(eleven))).toMatchObject({ kind: "invalid_argument", message: expect.stringContaining("1 to 10") });
    const plain = await runInDurableObject(stub, (instance: TenantObject) => instance.fetch(new Request("https://hub/live?key=library")));
    expect(plain.status).toBe(426);
    for (const s of [stub, other.stub]) await runInDurableObject(s, (_i, state) => expect(state.getWebSockets()).toHaveLength(0));
  });

  it("caps a tenant's subscriptions and leaves the streams it holds alone", async () => {
    const { client, listen } = await setup("live-cap");
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await callOk(client, "document_create", { title: `Doc ${i}` })).session.id);
    const keys = ["library", "sessions", ...ids.map((i) => `session:${i}`)];
    const held = await Promise.all(Array.from({ length: 20 }, () => listen(keys)));
    const failure = await refusal(listen(["library"]));
    expect(failure).toMatchObject({ kind: "quota_exceeded", quota: "live_subscriptions", limit: 200 });
    expect((failure as { message: string }).message).toContain("holds 200 live subscriptions");
    const first = record(held[0]);
    await callOk(client, "document_create", { title: "Still heard" });
    await vi.waitFor(() => expect(first.events).toMatchObject([{ kind: "opened", key: "sessions" }]), { timeout: 5000 });
    for (const stream of held) stream.close();
    // Closed listeners free their subscriptions.
    await vi.waitFor(async () => (await listen(["library"])).close(), { timeout: 5000 });
  });
});

describe("expected position over the tenant object", () => {
  it("refuses a stale edit, names the edit that moved the document, writes and announces nothing", async () => {
    const { owner, id, listen, edit } = await setup("live-stale");
    await edit("Theirs.");
    const live = record(await listen([`session:${id}`]));
    const sessions = new DocumentSessions({
      tenantId: owner.tenantId,
      library: new R2LibraryStore(env.DOCS),
      store: new R2SessionStore(env.DOCS),
      index: new DurableSessionIndex(tenantStub(env.TENANT, owner.tenantId)),
      feed: new TenantChangeFeed(env.TENANT),
    });
    const mine = (doc: import("../../src/docx/index").DocxDocument) => {
      doc.replaceParagraphText("/body/paragraph[1]", "Mine.");
      return { result: null, description: "mine" };
    };
    const failure = await refusal(sessions.history.edit(id, { tool: "replace_text", expectedPosition: 0 }, mine));
    expect(failure).toMatchObject({ kind: "stale_position", expected: 0, position: 1, changes: [{ position: 1, tool: "replace_text" }] });
    expect((failure as { message: string }).message).toMatch(/position 1 by replace_text at \d{4}-/);
    expect(await sessions.get(id)).toMatchObject({ position: 1, top: 1 });
    const fresh = await sessions.history.edit(id, { tool: "replace_text", expectedPosition: 1 }, mine);
    expect(fresh.position).toBe(2);
    await vi.waitFor(() => expect(live.events).toHaveLength(1));
    expect(live.events[0]).toMatchObject({ kind: "edited", position: 2 });
  });
});
