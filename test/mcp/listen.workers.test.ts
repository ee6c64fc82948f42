import { env, evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authDatabase, revokeAccessToken } from "../../src/auth/index";
import { tenantStub } from "../../src/tenant/index";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";
import { sseMessages } from "../support/sse-reader";

// MCP 2026-07-28 subscriptions/listen through the real Worker, fed by the tenant object's hub.
const MODERN = "2026-07-28";
const envelope = { "io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {} };

async function openDocument(tenant: string) {
  const auth = await tokenFor(tenant);
  await workerFetch(`/api/files/watched.docx`, { method: "PUT", headers: auth.headers, body: buildDocx({ body: p("Start.") }) });
  const editor = await connectMcp(auth.headers);
  const { session } = await callOk(editor, "document_open", { path: "watched.docx" });
  return { auth, editor, docId: session.id as string };
}

/** POSTs one subscriptions/listen request as a 2026-07-28 client; the filter goes in as given, even a malformed one. */
function postListen(headers: Record<string, string>, notifications: unknown, id: number) {
  return workerFetch("/mcp", {
    method: "POST",
    headers: {
      ...headers,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": MODERN,
      "mcp-method": "subscriptions/listen",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id, method: "subscriptions/listen", params: { notifications, _meta: envelope } }),
  });
}

async function listen(headers: Record<string, string>, notifications: Record<string, unknown>, id = 41) {
  const res = await postListen(headers, notifications, id);
  expect(res.status).toBe(200);
  return sseMessages(res);
}

const edit = (client: Awaited<ReturnType<typeof connectMcp>>, docId: string, text: string) =>
  callOk(client, "add_element", { doc_id: docId, path: "/body/children/0", value: JSON.stringify({ type: "paragraph", text }) });

describe("subscriptions/listen", () => {
  it("acknowledges first, then tells a listener of every edit another client makes, once and in order", async () => {
    const { auth, editor, docId } = await openDocument("listen-two");
    const uri = `docx://documents/${docId}`;
    const stream = await listen(auth.headers, { resourceSubscriptions: [uri], resourcesListChanged: true, toolsListChanged: true });
    const ack = await stream.next();
    expect(ack.method).toBe("notifications/subscriptions/acknowledged");
    // Tools never change at run time, so that part is not honoured; the document and the lists are.
    expect(ack.params.notifications).toEqual({ resourceSubscriptions: [uri], resourcesListChanged: true });
    expect(ack.params._meta["io.modelcontextprotocol/subscriptionId"]).toBe(41);
    for (const text of ["One.", "Two.", "Three."]) await edit(editor, docId, text);
    const updates = (await stream.drain(1500)).filter((m) => m.method === "notifications/resources/updated");
    expect(updates.map((m) => m.params.uri)).toEqual([uri, uri, uri]);
    for (const u of updates) expect(u.params._meta["io.modelcontextprotocol/subscriptionId"]).toBe(41);
    await stream.close();
  });

  it("drops another tenant's document from the acknowledgement, and that listener hears nothing", async () => {
    const owner = await openDocument("listen-owner");
    const other = await tokenFor("listen-other");
    const uri = `docx://documents/${owner.docId}`;
    const stream = await listen(other.headers, { resourceSubscriptions: [uri, "docx://nowhere/x"] });
    const ack = await stream.next();
    expect(ack.params.notifications).toEqual({});
    await edit(owner.editor, owner.docId, "Private edit.");
    // Nothing was honoured, so the stream ends at once with its result and carries no update.
    const rest = await stream.drain(800);
    expect(rest.filter((m) => m.method === "notifications/resources/updated")).toEqual([]);
  });

  it("catches up after the tenant object restarts", async () => {
    const { auth, editor, docId } = await openDocument("listen-restart");
    const uri = `docx://documents/${docId}`;
    const stream = await listen(auth.headers, { resourceSubscriptions: [uri] });
    await stream.next();
    await evictDurableObject(tenantStub(env.TENANT, auth.tenantId), { webSockets: "close" });
    await edit(editor, docId, "Edited around a restart.");
    const updates = (await stream.drain(3000)).filter((m) => m.method === "notifications/resources/updated");
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.every((m) => m.params.uri === uri)).toBe(true);
    await stream.close();
  });

  it("refuses a malformed filter with -32602 and leaves other streams untouched", async () => {
    const { auth, editor, docId } = await openDocument("listen-malformed");
    const good = await listen(auth.headers, { resourceSubscriptions: [`docx://documents/${docId}`] });
    await good.next();
    const res = await postListen(auth.headers, "everything", 6);
    const body = (await res.json()) as { error: { code: number } };
    expect(body.error.code).toBe(-32602);
    await edit(editor, docId, "Still heard.");
    const updates = (await good.drain(1500)).filter((m) => m.method === "notifications/resources/updated");
    expect(updates).toHaveLength(1);
    await good.close();
  });

  it("refuses a listen that follows too many documents with a message that says how many", async () => {
    const { auth } = await openDocument("listen-many");
    const client = await connectMcp(auth.headers);
    const uris: string[] = [];
    for (let i = 0; i < 9; i++) uris.push(`docx://documents/${(await callOk(client, "document_create", {})).session.id}`);
    const res = await postListen(auth.headers, { resourceSubscriptions: uris }, 5);
    const body = (await res.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(-32602);
    expect(body.error.message).toMatch(/at most 8 documents/);
  });

  it("ends the stream of a revoked token at the next event", async () => {
    const { auth, editor, docId } = await openDocument("listen-revoked");
    const watcher = await tokenFor("listen-revoked");
    const stream = await listen(watcher.headers, { resourceSubscriptions: [`docx://documents/${docId}`] });
    await stream.next();
    await revokeAccessToken(authDatabase(env.DB), { tenantId: watcher.tenantId, tokenId: watcher.tokenId });
    await edit(editor, docId, "After the revocation.");
    const rest = await stream.drain(1500);
    expect(rest.filter((m) => m.method === "notifications/resources/updated")).toEqual([]);
    expect(await stream.next(1000)).toBeNull();
    void auth;
  });

  it("refuses an edit whose expected position is stale, saying who moved the document and how", async () => {
    const { auth, editor, docId } = await openDocument("listen-stale");
    const other = await connectMcp(auth.headers);
    const { position } = await edit(editor, docId, "Read at this position.");
    await callOk(other, "replace_text", { doc_id: docId, find: "Start.", replace: "Changed by the other agent." });
    const refused = await callError(editor, "replace_text", {
      doc_id: docId,
      find: "Read at",
      replace: "Blind",
      expected_position: position,
    });
    expect(refused.kind).toBe("stale_position");
    expect(refused.message).toContain("replace_text");
    const text = await callOk(editor, "query", { doc_id: docId, path: "/body/paragraph[0]", format: "text" });
    expect(JSON.stringify(text)).toContain("Read at this position.");
  });
});
