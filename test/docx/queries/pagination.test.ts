import { describe, expect, it } from "vitest";
import { DocxDocument, type DocxError } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";

const many = DocxDocument.open(
  buildDocx({ body: Array.from({ length: 300 }, (_, i) => p(`Paragraph number ${i} ${"word ".repeat(40)}`)).join("") }),
);

describe("paged reads", () => {
  it("return total, offset, returned and next_offset", () => {
    const first = many.query("/body/paragraph", { format: "summary", limit: 50 });
    expect(first).toMatchObject({ total: 300, offset: 0, returned: 50, next_offset: 50, truncated: true });
    expect(first.hint).toContain("offset=50");
    const last = many.query("/body/paragraph", { format: "summary", offset: 280, limit: 50 });
    expect(last).toMatchObject({ total: 300, offset: 280, returned: 20, next_offset: null, truncated: false });
    expect(last.text!.split("\n")[0]).toMatch(/^\/body\/paragraph\[280\] paragraph/);
  });

  it("keep every format within the character budget and continue where they stopped", () => {
    for (const format of ["json", "text", "summary", "markdown"] as const) {
      const r = many.query("/body/paragraph", { format, maxChars: 5000 });
      expect(JSON.stringify(r).length, format).toBeLessThanOrEqual(5000);
      expect(r.returned).toBeGreaterThan(0);
      expect(r.next_offset).toBe(r.returned);
      const next = many.query("/body/paragraph", { format, maxChars: 5000, offset: r.next_offset! });
      expect(next.offset).toBe(r.returned);
    }
  });

  it("default to about 20,000 tokens per result", () => {
    const r = many.query("/body", { format: "json" });
    expect(JSON.stringify(r).length).toBeLessThanOrEqual(80_000);
    expect(r.truncated).toBe(true);
  });

  it("cut a single item larger than the budget and say how to read it", () => {
    const huge = DocxDocument.open(buildDocx({ body: p("x".repeat(20_000)) }));
    const r = huge.query("/body/paragraph[0]", { format: "json", maxChars: 2000 });
    expect(JSON.stringify(r).length).toBeLessThanOrEqual(2000);
    // The item is continued, not skipped: the next page starts inside it.
    expect(r).toMatchObject({ returned: 1, truncated: true, next_offset: 0 });
    expect(r.next_char_offset).toBeGreaterThan(1000);
    expect(r.items![0]).toMatchObject({ path: "/body/paragraph[0]", truncated: true, text_offset: 0, text_length: 20_000 });
    expect(r.hint).toContain(`char_offset=${r.next_char_offset}`);
    const quoted = DocxDocument.open(buildDocx({ body: p("&quot;\\".repeat(5000)) }));
    expect(JSON.stringify(quoted.query("/body/paragraph[0]", { maxChars: 2000 })).length).toBeLessThanOrEqual(2000);
    const text = huge.query("/body/paragraph[0]", { format: "text", maxChars: 2000 });
    expect(text.text!.length).toBeLessThan(2000);
    expect(text.text).toContain("…[cut]");
  });

  it("reject bad paging arguments with the field name", () => {
    const bad = (opts: object) => {
      try {
        many.query("/body", opts);
      } catch (e) {
        return (e as DocxError).failure;
      }
      return null;
    };
    expect(bad({ offset: -1 })).toMatchObject({ kind: "invalid_argument", field: "offset" });
    expect(bad({ limit: 0 })).toMatchObject({ kind: "invalid_argument", field: "limit" });
    expect(bad({ format: "html" })).toMatchObject({ kind: "invalid_argument", field: "format" });
  });
});

describe("formats", () => {
  const doc = DocxDocument.open(
    buildDocx({
      body:
        p("Results", "Heading1") +
        `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:hyperlink r:id="rL"><w:r><w:t>a link</w:t></w:r></w:hyperlink><w:del w:id="3" w:author="A"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>` +
        `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>` +
        `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>h1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>h|2</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>v1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>v2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
      links: { rL: "https://example.org/" },
    }),
  );

  it("renders markdown as the export does: headings, marks, links, tables, deleted text marked as deleted", () => {
    const query = doc.query("/body", { format: "markdown" }).text;
    expect(query).toBe(
      '# Results\n\n**Bold** and [a link](https://example.org/)<del data-author="A">gone</del>\n\nitem\n\n| h1 | h\\|2 |\n| --- | --- |\n| v1 | v2 |',
    );
    expect(`${query}\n`).toBe([...doc.export("markdown")].join(""));
  });

  it("renders plain text and a summary with a body header", () => {
    expect(doc.query("/body/paragraph[1]", { format: "text" }).text).toBe("Bold and a link");
    const summary = doc.query("/body", { format: "summary" }).text!.split("\n");
    expect(summary[0]).toBe("Body: 5 blocks: 3 paragraphs (1 heading), 1 table, 1 section.");
    expect(summary[1]).toMatch(/^\/body\/paragraph\[0\] heading1 \(id=[0-9A-F]{8}\): Results$/);
    expect(summary[3]).toMatch(/^\/body\/paragraph\[2\] list-item/);
    expect(summary[4]).toMatch(/^\/body\/table\[0\] table \(2 rows, id=/);
  });
});
