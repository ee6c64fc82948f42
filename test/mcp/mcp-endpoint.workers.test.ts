import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

// /mcp through the real Worker: authentication, tenancy over D1, R2 and the Durable Object, and the wiring of the
// MCP handler behind them. Tool behaviour is tested in Node (test/mcp/*-tools.test.ts) over the in-memory stores.
const tenant = async (name: string) => (await tokenFor(name)).headers;

describe("/mcp in the Worker", () => {
  it("initializes and lists the token's tool set for an authenticated caller", async () => {
    const client = await connectMcp(await tenant("w-init"));
    expect(client.getServerVersion()?.name).toBe("docx-edge");
    // A new token has the compact set; the next test still calls replace_text, which it does not list, by name.
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["document_open", "query", "apply_patch", "document_save"]));
    expect(names).not.toContain("replace_text");
  });

  it("opens and edits a file uploaded through the REST library, and saves it back to R2", async () => {
    const auth = await tokenFor("w-upload");
    const upload = await workerFetch("/api/files/uploaded.docx", {
      method: "PUT",
      headers: { ...auth.headers, "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      body: buildDocx({ body: p("Uploaded over REST") }),
    });
    expect(upload.status).toBeLessThan(300);
    const client = await connectMcp(auth.headers);
    const { session } = await callOk(client, "document_open", { path: "uploaded.docx" });
    expect((await callOk(client, "query", { doc_id: session.id, path: "/body/paragraph[0]" })).items[0].text).toBe("Uploaded over REST");
    await callOk(client, "replace_text", { doc_id: session.id, find: "REST", replace: "HTTP" });
    await callOk(client, "document_save", { doc_id: session.id });
    const saved = await workerFetch("/api/files/uploaded.docx", { headers: auth.headers });
    expect(saved.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await saved.arrayBuffer()))["word/document.xml"]);
    expect(xml.replace(/<[^>]+>/g, "")).toBe("Uploaded over HTTP");
  });
});

describe("MCP authentication and tenancy", () => {
  it("refuses a request without a token with 401 and the resource metadata pointer", async () => {
    const res = await workerFetch("/mcp", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain(
      'resource_metadata="https://docx-edge.test/.well-known/oauth-protected-resource/mcp"',
    );
  });

  it("refuses a revoked-looking, malformed token with 401", async () => {
    const res = await workerFetch("/mcp", {
      method: "POST",
      headers: { authorization: "Bearer dxe_notavalidtoken", "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("lets a read-only token list but not create, with a tool error naming the scope", async () => {
    const reader = await tokenFor("t-readonly", ["read"]);
    const client = await connectMcp(reader.headers);
    expect((await callOk(client, "document_list")).total).toBe(0);
    const error = await callError(client, "document_create");
    expect(error.kind).toBe("forbidden");
    expect(error.message).toContain("'write' scope");
    expect((await callOk(client, "document_list")).total).toBe(0);
  });

  it("never shows or closes one tenant's sessions for another tenant", async () => {
    const alice = await connectMcp(await tenant("t-alice"));
    const bob = await connectMcp(await tenant("t-bob"));
    const { session } = await callOk(alice, "document_create", { title: "private" });
    expect((await callOk(bob, "document_list")).total).toBe(0);
    expect((await callError(bob, "document_close", { doc_id: session.id })).kind).toBe("session_not_found");
    expect((await callError(bob, "document_save", { doc_id: session.id, output_path: "stolen.docx" })).kind).toBe("session_not_found");
    expect((await callOk(alice, "document_list")).total).toBe(1);
  });
});
