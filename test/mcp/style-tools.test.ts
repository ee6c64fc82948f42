import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, connectMcp, openInLibrary, tokenFor } from "../support/mcp-memory";

const cell = (text: string) => `<w:tc>${p(text)}</w:tc>`;

async function openDoc(tenant: string) {
  const bytes = buildDocx({
    body:
      p("Title", "Heading1") +
      p("First") +
      p("Second") +
      `<w:tbl><w:tr>${cell("a")}${cell("b")}</w:tr><w:tr>${cell("c")}${cell("d")}</w:tr></w:tbl>`,
  });
  return openInLibrary(tenant, "styled.docx", bytes);
}

describe("style tools over MCP", () => {
  it("lists style_element, style_paragraph and style_table as writing tools in the complete tool set", async () => {
    const client = await connectMcp((await tokenFor("s-list", undefined, { toolSet: "complete" })).headers);
    const { tools } = await client.listTools();
    for (const name of ["style_element", "style_paragraph", "style_table"]) {
      const tool = tools.find((t) => t.name === name);
      // tools/list leaves out hints equal to the spec's defaults: an absent readOnlyHint means false.
      expect(tool?.annotations?.readOnlyHint, name).not.toBe(true);
      expect(Object.keys(tool?.inputSchema.properties ?? {}), name).toEqual(
        expect.arrayContaining(["doc_id", "path", "dry_run", "request_id"]),
      );
    }
  });

  it("styles runs of selected paragraphs as one history entry, and a query shows the formatting", async () => {
    const { client, id } = await openDoc("s-runs");
    const result = await callOk(client, "style_element", {
      doc_id: id,
      path: "/body/paragraph[1]",
      style: { bold: true, color: "FF0000", font_size: 14 },
    });
    expect(result).toMatchObject({
      doc_id: id,
      position: 1,
      styled: 1,
      changed_count: 1,
      changed: true,
      elements: [{ kind: "paragraph", path: "/body/paragraph[1]" }],
    });
    const para = (await callOk(client, "query", { doc_id: id, path: "/body/paragraph[1]" })).items[0];
    expect(JSON.stringify(para)).toContain('"bold":true');
    expect(JSON.stringify(para)).toContain('"size_pt":14');
    const history = await callOk(client, "document_history", { doc_id: id });
    expect(history.entries[0]).toMatchObject({ tool: "style_element" });
    expect(history.entries[0].description).toContain("Path: /body/paragraph[1]");
  });

  it("accepts the style as JSON text, as docx-mcp did, and styles the whole document without a path", async () => {
    const { client, id } = await openDoc("s-json");
    const result = await callOk(client, "style_element", { doc_id: id, style: '{"italic": true}' });
    expect(result).toMatchObject({ styled: 7, changed_count: 7 });
  });

  it("formats paragraphs with alignment, style and spacing, and reports a dry run without writing", async () => {
    const { client, id } = await openDoc("s-para");
    const dry = await callOk(client, "style_paragraph", {
      doc_id: id,
      path: "/body/paragraph[*]",
      style: { alignment: "center" },
      dry_run: true,
    });
    expect(dry).toMatchObject({ styled: 3, changed_count: 3, changed: true, dry_run: true });
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
    await callOk(client, "style_paragraph", { doc_id: id, path: "/body/paragraph[2]", style: { style: "Heading 2", spacing_after: 120 } });
    const headings = await callOk(client, "query", { doc_id: id, path: "/body/heading[level=2]" });
    expect(headings.items).toHaveLength(1);
  });

  it("formats a table's cells and rows, and the header row alone by path", async () => {
    const { client, id } = await openDoc("s-table");
    const all = await callOk(client, "style_table", {
      doc_id: id,
      style: { border_style: "single", border_size: 8 },
      cell_style: { vertical_align: "center" },
    });
    expect(all).toMatchObject({ styled: 5, elements_total: 1 });
    const header = await callOk(client, "style_table", {
      doc_id: id,
      path: "/body/table[0]/row[0]",
      row_style: { is_header: true },
      cell_style: { shading: "D9D9D9" },
    });
    expect(header).toMatchObject({ styled: 3, changed_count: 3, position: 2 });
  });

  it("returns the first result for a repeated request_id", async () => {
    const { client, id } = await openDoc("s-retry");
    const first = await callOk(client, "style_element", { doc_id: id, style: { strike: true }, request_id: "r-1" });
    const again = await callOk(client, "style_element", { doc_id: id, style: { strike: true }, request_id: "r-1" });
    expect(again.position).toBe(first.position);
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(1);
  });

  it("refuses bad input with the field and what is allowed, writing nothing", async () => {
    const { client, id } = await openDoc("s-bad");
    // An unknown property is refused by the typed schema; as JSON text, by the engine, which lists the allowed ones.
    expect(await callError(client, "style_element", { doc_id: id, style: { colour: "FF0000" } })).toMatchObject({
      kind: "invalid_arguments",
      message: expect.stringContaining("colour"),
    });
    expect(await callError(client, "style_element", { doc_id: id, style: '{"colour": "FF0000"}' })).toMatchObject({
      kind: "invalid_argument",
      field: "style.colour",
    });
    expect((await callError(client, "style_element", { doc_id: id, style: { color: "red" } })).message).toContain(
      'hex color like "FF0000"',
    );
    expect((await callError(client, "style_element", { doc_id: id, style: "{bold" })).message).toContain("not valid JSON");
    expect((await callError(client, "style_paragraph", { doc_id: id, style: { style: "Nope" } })).message).toContain("names no style");
    expect(
      await callError(client, "style_paragraph", { doc_id: id, path: "/body/paragraph[text~='absent']", style: { alignment: "left" } }),
    ).toMatchObject({ kind: "path_not_found" });
    expect((await callError(client, "style_table", { doc_id: id })).message).toContain("at least one of style");
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });
});
