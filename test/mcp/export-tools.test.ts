import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, connectMcp, download, openInLibrary, testLibrary, tokenFor } from "../support/mcp-memory";

const SMALL = buildDocx({
  body:
    p("Summary", "Heading1") +
    `<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:ins w:id="1" w:author="Ann"><w:r><w:t>new</w:t></w:r></w:ins></w:p>`,
});
/** About 150 KB of markdown: over the inline limit. */
const LARGE = buildDocx({ body: Array.from({ length: 1500 }, (_, i) => p(`Paragraph ${i} ${"lorem ipsum ".repeat(8)}`)).join("") });

async function open(tenant: string, bytes: Uint8Array, scopes?: ("read" | "write")[]) {
  const { client, id, tenantId } = await openInLibrary(tenant, "report.docx", bytes);
  const reader = scopes ? await connectMcp((await tokenFor(tenant, scopes)).headers) : client;
  return { client, reader, id, tenantId };
}

describe("export tools over MCP", () => {
  it("returns a small markdown export inline, with tracked changes marked", async () => {
    const { client, id } = await open("x-inline", SMALL);
    const result = await callOk(client, "export", { doc_id: id, format: "markdown" });
    expect(result).toMatchObject({ doc_id: id, format: "markdown" });
    expect(result.content).toBe('# Summary\n\nKept <ins data-author="Ann">new</ins>\n');
    expect(result.bytes).toBe(new TextEncoder().encode(result.content).length);
    expect(result.file).toBeUndefined();
  });

  it("answers docx-mcp's export_html name with an HTML document", async () => {
    const { client, id } = await open("x-html", SMALL);
    const result = await callOk(client, "export_html", { doc_id: id });
    expect(result.content).toContain("<h1>Summary</h1>");
  });

  it("writes a large export to the library and gives a download path that serves it", async () => {
    const { client, id, tenantId } = await open("x-large", LARGE);
    const result = await callOk(client, "export", { doc_id: id, format: "markdown" });
    expect(result.file).toMatch(/^exports\/report-0-\d{8}T\d{6}Z\.md$/);
    expect(result).toMatchObject({ download_path: `/api/files/${result.file}`, content_type: "text/markdown; charset=utf-8" });
    expect(result.bytes).toBeGreaterThan(100 * 1024);
    expect(result.content).toBeUndefined();
    const stored = await download(tenantId, result.download_path);
    expect(stored).not.toBeNull();
    const text = new TextDecoder().decode(stored!);
    expect(text.length).toBe(result.bytes);
    expect(text.startsWith("Paragraph 0 lorem ipsum")).toBe(true);
    expect(text).toContain("Paragraph 1499 lorem ipsum");
  });

  it("always writes docx exports to the library, under output_path when given", async () => {
    const { client, id, tenantId } = await open("x-docx", SMALL);
    const result = await callOk(client, "export", { doc_id: id, format: "docx", output_path: "out/copy.docx" });
    expect(result).toMatchObject({ file: "out/copy.docx", download_path: "/api/files/out/copy.docx" });
    const bytes = await download(tenantId, result.download_path);
    expect(new TextDecoder().decode(unzipSync(bytes!)["word/document.xml"])).toContain("Summary");
  });

  it("refuses to write a file for a read-only token, and writes nothing", async () => {
    const { reader, id, tenantId } = await open("x-readonly", LARGE, ["read"]);
    const error = await callError(reader, "export", { doc_id: id, format: "markdown" });
    expect(error).toMatchObject({ kind: "forbidden", scope: "write" });
    expect(error.message).toContain("'write' scope");
    expect((await testLibrary.list(tenantId, { prefix: "exports/" })).files).toEqual([]);
    expect((await callError(reader, "export", { doc_id: id, format: "docx" })).kind).toBe("forbidden");
  });

  it("rejects an invalid output file name and an unknown session", async () => {
    const { client, id } = await open("x-bad", SMALL);
    expect((await callError(client, "export", { doc_id: id, output_path: "../escape.md" })).kind).toBe("invalid_name");
    expect((await callError(client, "export", { doc_id: "nope" })).kind).toBe("session_not_found");
  });
});
