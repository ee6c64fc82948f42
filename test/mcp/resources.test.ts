import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { jsonRpcBody } from "../support/json-rpc";
import { callOk, connectMcp, mcpFetch, testLibrary, tokenFor } from "../support/mcp-memory";

const heading = (level: number, text: string) =>
  `<w:p><w:pPr><w:pStyle w:val="Heading${level}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

async function tenantWithDocument(name: string) {
  const auth = await tokenFor(name);
  await testLibrary.write(
    auth.tenantId,
    "reports/q3 plan.docx",
    buildDocx({ body: heading(1, "Plan") + p("Body text") + heading(2, "Risks") }),
  );
  const client = await connectMcp(auth.headers);
  const { session } = await callOk(client, "document_open", { path: "reports/q3 plan.docx" });
  return { auth, client, docId: session.id as string };
}

describe("MCP resources", () => {
  it("lists the tenant's open documents and library files, each readable", async () => {
    const { client, docId } = await tenantWithDocument("res-list");
    const listed: { uri: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listResources(cursor ? { cursor } : undefined);
      listed.push(...page.resources);
      cursor = page.nextCursor;
    } while (cursor);
    const uris = listed.map((r) => r.uri);
    expect(uris).toEqual(
      expect.arrayContaining([`docx://documents/${docId}`, `docx://documents/${docId}/outline`, "docx://library/reports%2Fq3%20plan.docx"]),
    );
    for (const uri of uris) expect((await client.readResource({ uri })).contents[0].uri).toBe(uri);
  });

  it("reads an open document as Markdown and its outline with heading ids", async () => {
    const { client, docId } = await tenantWithDocument("res-read");
    const markdown = (await client.readResource({ uri: `docx://documents/${docId}` })).contents[0];
    expect(markdown.mimeType).toBe("text/markdown");
    expect(markdown.text).toContain("# Plan");
    expect(markdown.text).toContain("## Risks");
    const outline = (await client.readResource({ uri: `docx://documents/${docId}/outline` })).contents[0].text as string;
    expect(outline).toContain("Plan");
    expect(outline).toContain("Risks");
    expect(outline).not.toContain("Body text");
    const file = JSON.parse((await client.readResource({ uri: "docx://library/reports%2Fq3%20plan.docx" })).contents[0].text);
    expect(file).toMatchObject({ name: "reports/q3 plan.docx", open_with: "document_open" });
    expect(file.size).toBeGreaterThan(0);
  });

  it("pages resources/list 50 at a time through the library", async () => {
    const auth = await tokenFor("res-pages");
    for (let i = 0; i < 120; i++)
      await testLibrary.write(auth.tenantId, `f${String(i).padStart(3, "0")}.docx`, buildDocx({ body: p("x") }));
    // Raw requests: the 2026 SDK client follows cursors by itself, hiding the page size.
    const listPage = async (cursor?: string) => {
      const res = await mcpFetch({
        method: "POST",
        headers: {
          ...auth.headers,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": "2025-06-18",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "resources/list", params: cursor ? { cursor } : {} }),
      });
      return (await jsonRpcBody(res)).result as { resources: { uri: string }[]; nextCursor?: string };
    };
    const names = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listPage(cursor);
      expect(page.resources.length).toBeLessThanOrEqual(50);
      for (const r of page.resources) if (r.uri.startsWith("docx://library/")) names.add(r.uri);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(names.size).toBe(120);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("never lists or reads another tenant's documents or files", async () => {
    const owner = await tenantWithDocument("res-owner");
    const other = await connectMcp((await tokenFor("res-other")).headers);
    const { resources } = await other.listResources();
    expect(resources.map((r) => r.uri)).not.toContain(`docx://documents/${owner.docId}`);
    for (const uri of [
      `docx://documents/${owner.docId}`,
      `docx://documents/${owner.docId}/outline`,
      "docx://library/reports%2Fq3%20plan.docx",
    ]) {
      await expect(other.readResource({ uri })).rejects.toMatchObject({ code: -32602 });
    }
  });

  it("refuses an unknown URI and a forged cursor with invalid-params errors that say why", async () => {
    const { client } = await tenantWithDocument("res-bad");
    await expect(client.readResource({ uri: "docx://elsewhere/x" })).rejects.toThrow(/not a docx-edge resource URI/);
    await expect(client.readResource({ uri: "docx://library/missing.docx" })).rejects.toThrow(/no file named missing.docx/);
    await expect(client.listResources({ cursor: "not-a-cursor" })).rejects.toThrow(/Invalid cursor/);
  });

  it("links document_open's result to the document's resources", async () => {
    const auth = await tokenFor("res-links");
    await testLibrary.write(auth.tenantId, "linked.docx", buildDocx({ body: heading(1, "Linked") }));
    const client = await connectMcp(auth.headers);
    const result = await client.callTool({ name: "document_open", arguments: { path: "linked.docx" } });
    const links = result.content.filter((c: { type: string }) => c.type === "resource_link");
    expect(links.map((l: { uri: string }) => l.uri)).toEqual([
      `docx://documents/${result.structuredContent.session.id}`,
      `docx://documents/${result.structuredContent.session.id}/outline`,
    ]);
    for (const link of links) expect((await client.readResource({ uri: link.uri })).contents[0].text).toContain("Linked");
  });

  it("publishes the element grammar the edit tools refer to", async () => {
    const { client } = await tenantWithDocument("res-grammar");
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain("docx://reference/element-grammar");
    const text = (await client.readResource({ uri: "docx://reference/element-grammar" })).contents[0].text as string;
    expect(text).toContain('"type":"paragraph"');
  });

  it("lists three URI templates", async () => {
    const { client } = await tenantWithDocument("res-templates");
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      "docx://documents/{doc_id}",
      "docx://documents/{doc_id}/outline",
      "docx://library/{name}",
    ]);
  });
});
