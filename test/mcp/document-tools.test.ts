import { describe, expect, it } from "vitest";
import { jsonRpcBody } from "../support/json-rpc";
import { callError, callOk, connectMcp, mcpFetch, tokenFor } from "../support/mcp-memory";

const tenant = async (name: string) => (await tokenFor(name)).headers;

describe("MCP endpoint", () => {
  it("lists the session lifecycle tools with annotations", async () => {
    const client = await connectMcp(await tenant("t-list-tools"));
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["document_create", "document_open", "document_list", "document_save", "document_close"]));
    expect(tools.find((t) => t.name === "document_list")?.annotations?.readOnlyHint).toBe(true);
  });

  it.each(["2025-03-26", "2025-06-18", "2025-11-25"])("initializes with protocol version %s", async (version) => {
    const res = await mcpFetch({
      method: "POST",
      headers: { ...(await tenant("t-versions")), "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "t", version: "1" } },
      }),
    });
    expect(res.status).toBe(200);
    const body = await jsonRpcBody<{ result: { protocolVersion: string; serverInfo: { name: string } } }>(res);
    expect(body.result.protocolVersion).toBe(version);
    expect(body.result.serverInfo.name).toBe("docx-edge");
  });

  it("answers malformed JSON-RPC with a JSON-RPC error, not a 500", async () => {
    const res = await mcpFetch({
      method: "POST",
      headers: { ...(await tenant("t-bad")), "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: "{not json",
    });
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { jsonrpc: string; error: { code: number; message: string } };
    expect(body.jsonrpc).toBe("2.0");
    expect(body.error.code).toBe(-32700);
  });

  it("answers GET with 405 until live streams exist", async () => {
    const res = await mcpFetch({ method: "GET", headers: { ...(await tenant("t-get")), accept: "text/event-stream" } });
    expect(res.status).toBe(405);
  });
});

describe("document lifecycle tools", () => {
  it("creates a document that document_list then shows", async () => {
    const client = await connectMcp(await tenant("t-create"));
    const created = await callOk(client, "document_create", { title: "Quarterly report" });
    const listed = await callOk(client, "document_list");
    expect(listed.total).toBe(1);
    expect(listed.sessions[0]).toMatchObject({ id: created.session.id, title: "Quarterly report", source: null, position: 0 });
  });

  it("keeps both of two concurrent document_create calls", async () => {
    const [a, b] = await Promise.all([connectMcp(await tenant("t-concurrent")), connectMcp(await tenant("t-concurrent"))]);
    const [one, two] = await Promise.all([callOk(a, "document_create", { title: "one" }), callOk(b, "document_create", { title: "two" })]);
    const listed = await callOk(a, "document_list");
    expect(listed.sessions.map((s: { id: string }) => s.id).sort()).toEqual([one.session.id, two.session.id].sort());
  });

  it("saves a new document to the library under output_path and reopens it", async () => {
    const client = await connectMcp(await tenant("t-save"));
    const { session } = await callOk(client, "document_create");
    const missingName = await callError(client, "document_save", { doc_id: session.id });
    expect(missingName.kind).toBe("invalid_argument");
    expect(missingName.message).toContain("output_path");

    const saved = await callOk(client, "document_save", { doc_id: session.id, output_path: "drafts/new.docx" });
    expect(saved.file.name).toBe("drafts/new.docx");
    expect(saved.file.size).toBeGreaterThan(500);
    expect(saved.session.unsaved_changes).toBe(false);

    const reopened = await callOk(client, "document_open", { path: "drafts/new.docx" });
    expect(reopened.session).toMatchObject({ title: "new", source: "drafts/new.docx" });
  });

  it("names the missing file when document_open cannot find it, and creates no session", async () => {
    const client = await connectMcp(await tenant("t-open-missing"));
    const error = await callError(client, "document_open", { path: "nope.docx" });
    expect(error.kind).toBe("file_not_found");
    expect(error.message).toContain("nope.docx");
    expect((await callOk(client, "document_list")).total).toBe(0);
  });

  it("rejects invalid library names with the reason", async () => {
    const client = await connectMcp(await tenant("t-open-bad"));
    const error = await callError(client, "document_open", { path: "../other-tenant/x.docx" });
    expect(error.kind).toBe("invalid_name");
    expect(error.message).toContain("'..'");
  });

  it("closes a session and then names the unknown id", async () => {
    const client = await connectMcp(await tenant("t-close"));
    const { session } = await callOk(client, "document_create");
    const closed = await callOk(client, "document_close", { doc_id: session.id });
    expect(closed.closed).toBe(session.id);
    expect((await callOk(client, "document_list")).total).toBe(0);
    const again = await callError(client, "document_close", { doc_id: session.id });
    expect(again.kind).toBe("session_not_found");
    expect(again.message).toContain(session.id);
  });

  it("rejects arguments that do not match the tool's schema", async () => {
    const client = await connectMcp(await tenant("t-args"));
    const error = await callError(client, "document_list", { limit: "ten" });
    expect(error.message).toMatch(/limit/);
  });
});
