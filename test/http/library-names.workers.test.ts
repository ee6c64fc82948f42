import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { libraryClient } from "../support/library-client";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

// Library names as they reach the Worker: URL paths (already normalised by the URL parser), percent-encoded
// paths (decoded intact), and tool arguments (always intact).

const DOC = buildDocx({ body: p("Named") });

async function setup(name: string) {
  const owner = await tokenFor(name);
  const library = libraryClient(owner.headers);
  return { owner, put: (path: string) => library.put(path, DOC), names: library.names };
}

describe("library names in URLs", () => {
  it("stores a literal a/../c.docx as c.docx, because the URL parser resolves dot segments first", async () => {
    const { put, names } = await setup("names-literal-dots");
    const res = await put("/api/files/a/../c.docx");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { file: { name: string } }).file.name).toBe("c.docx");
    // WHATWG URL parsing treats %2E%2E as a dot segment too.
    expect(((await (await put("/api/files/a/%2E%2E/d.docx")).json()) as { file: { name: string } }).file.name).toBe("d.docx");
    expect(await names()).toEqual(["c.docx", "d.docx"]);
  });

  it.each([
    ["a%2F..%2Fc.docx", "'..'"],
    ["a%2F.%2Fc.docx", "'.'"],
    ["a%2F%2Fc.docx", "empty path segment"],
    ["cod%E2%80%AExcod.docx", "bidirectional"],
    ["bell%07.docx", "control characters"],
  ])("refuses the percent-encoded name %s with 400 and the reason", async (encoded, why) => {
    const { put, names } = await setup(`names-encoded-${encoded.length}-${why.length}`);
    const res = await put(`/api/files/${encoded}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("invalid_name");
    expect(body.message).toContain(why);
    expect(await names()).toEqual([]);
  });
});

describe("library names in tool arguments", () => {
  it("refuses a/../c.docx as output_path and saves names with ? and # under a working download path", async () => {
    const { owner, names } = await setup("names-tools");
    const client = await connectMcp(owner.headers);
    const { session } = await callOk(client, "document_create");
    const refused = await callError(client, "document_save", { doc_id: session.id, output_path: "a/../c.docx" });
    expect(refused.kind).toBe("invalid_name");
    expect((await callError(client, "export", { doc_id: session.id, format: "docx", output_path: "x/\u202Ecod.docx" })).kind).toBe(
      "invalid_name",
    );
    expect(await names()).toEqual([]);

    const saved = await callOk(client, "document_save", { doc_id: session.id, output_path: "Q&A/why? #1 100%.docx" });
    expect(saved.file.download).toBe("/api/files/Q%26A/why%3F%20%231%20100%25.docx");
    const res = await workerFetch(saved.file.download, { headers: owner.headers });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer()).length).toBe(saved.file.size);
  });
});
