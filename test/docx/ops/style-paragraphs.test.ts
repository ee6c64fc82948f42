import { describe, expect, it } from "vitest";
import type { DocxDocument } from "../../../src/docx/index.js";
import { p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { childNames, first, open, savedBody, trackedSpec } from "./style-fixtures.js";

const pPrOf = (doc: DocxDocument, nth = 0) => {
  const xml = savedBody(doc);
  const at = [...xml.matchAll(/<w:p[ >]/g)][nth].index;
  return first(xml.slice(at, xml.indexOf("</w:p>", at)), "pPr");
};
const withPPr = (pPr: string, text = "t") => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe("styleParagraph: paragraph properties", () => {
  it("maps alignment names to w:jc values, justify to both", () => {
    const doc = open({ body: p("a") + p("b") + p("c") });
    doc.styleParagraph({ alignment: "justify" }, { path: "/body/paragraph[0]" });
    doc.styleParagraph({ alignment: "center" }, { path: "/body/paragraph[1]" });
    doc.styleParagraph({ alignment: "end" }, { path: "/body/paragraph[2]" });
    expect([0, 1, 2].map((i) => pPrOf(doc, i))).toEqual([
      '<w:pPr><w:jc w:val="both"/></w:pPr>',
      '<w:pPr><w:jc w:val="center"/></w:pPr>',
      '<w:pPr><w:jc w:val="end"/></w:pPr>',
    ]);
  });

  it("sets a style by id or display name, and refuses one styles.xml lacks, listing some that exist", () => {
    const doc = open({ body: p("a") + p("b") });
    doc.styleParagraph({ style: "heading 2" }, { path: "/body/paragraph[0]" });
    doc.styleParagraph({ style: "ListBullet" }, { path: "/body/paragraph[1]" });
    expect(pPrOf(doc, 0)).toBe('<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>');
    expect(pPrOf(doc, 1)).toBe('<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>');
    expect(doc.query("/body/heading[level=2]").items).toHaveLength(1);
    const missing = docxFailure(() => doc.styleParagraph({ style: "Fancy" }));
    expect(missing).toMatchObject({ kind: "invalid_argument", field: "style.style" });
    expect(missing.message).toContain('names no style in styles.xml: "Fancy"');
    expect(missing.message).toContain('Heading1 ("heading 1")');
    expect(docxFailure(() => doc.styleParagraph({ style: "Strong" })).message).toContain("is a character style, not a paragraph style");
  });

  it("takes spacing and indentation in twips, as docx-mcp does, clearing the values that would override them", () => {
    const doc = open({
      body: withPPr('<w:spacing w:beforeLines="100" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:start="720" w:hanging="360"/>'),
    });
    doc.styleParagraph({ spacing_before: 240, spacing_after: 130, indent_left: 720, indent_first_line: 360 });
    expect(pPrOf(doc)).toBe(
      '<w:pPr><w:spacing w:after="130" w:line="240" w:lineRule="auto" w:before="240"/><w:ind w:left="720" w:firstLine="360"/></w:pPr>',
    );
  });

  it("sets line spacing exactly in twips or as a multiple of single lines", () => {
    const doc = open({ body: p("a") + p("b") });
    doc.styleParagraph({ line_spacing: 280 }, { path: "/body/paragraph[0]" });
    doc.styleParagraph({ line_spacing_multiple: 1.5 }, { path: "/body/paragraph[1]" });
    expect(pPrOf(doc, 0)).toBe('<w:pPr><w:spacing w:line="280" w:lineRule="exact"/></w:pPr>');
    expect(pPrOf(doc, 1)).toBe('<w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr>');
  });

  it("makes hanging and first-line indentation exclude each other, and allows negative side indents", () => {
    const doc = open({ body: withPPr('<w:ind w:left="720" w:firstLine="360"/>') });
    doc.styleParagraph({ indent_hanging: 180, indent_right: -200 });
    expect(pPrOf(doc)).toBe('<w:pPr><w:ind w:left="720" w:hanging="180" w:right="-200"/></w:pPr>');
  });

  it("writes shading and the keep and page-break flags; null removes, and an emptied element goes", () => {
    const doc = open({ body: withPPr('<w:keepNext/><w:spacing w:before="240"/><w:ind w:left="720"/>') });
    doc.styleParagraph({
      shading: "ffff00",
      keep_lines: true,
      page_break_before: false,
      keep_with_next: null,
      spacing_before: null,
      indent_left: null,
    });
    expect(pPrOf(doc)).toBe(
      '<w:pPr><w:keepLines/><w:pageBreakBefore w:val="0"/><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:pPr>',
    );
  });

  it("inserts in schema order (§17.3.1.26) before the paragraph mark's w:rPr and w:sectPr, keeping unknown children", () => {
    const existing =
      '<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/></w:numPr><w:jc w:val="left"/><w:rPr><w:b/></w:rPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr>';
    const doc = open({ body: withPPr(existing) + p("after") });
    doc.styleParagraph(
      { alignment: "right", spacing_after: 0, keep_with_next: true, shading: "EEEEEE", indent_left: 200 },
      { path: "/body/paragraph[0]" },
    );
    expect(childNames(pPrOf(doc)!)).toEqual(["pStyle", "keepNext", "numPr", "shd", "spacing", "ind", "jc", "rPr", "sectPr"]);
    expect(pPrOf(doc)).toContain('<w:jc w:val="right"/>');
  });

  it("styles every paragraph, table cells included, when the path is omitted, and paragraphs in a cell by path", () => {
    const doc = open({ body: p("a") + `<w:tbl><w:tr><w:tc>${p("b")}${p("c")}</w:tc></w:tr></w:tbl>` + p("d") });
    expect(doc.styleParagraph({ alignment: "center" })).toMatchObject({ styled: 4, changedCount: 4 });
    expect(doc.styleParagraph({ keep_lines: true }, { path: "/body/table[0]/row[0]/cell[0]" })).toMatchObject({ styled: 2 });
    expect(savedBody(doc).match(/<w:keepLines\/>/g)).toHaveLength(2);
  });

  it("refuses bad values naming the field, and changes nothing", () => {
    const doc = open({ body: p("a") });
    const cases: [unknown, string, string][] = [
      [{ alignment: "middle" }, "style.alignment", "left, center, right, justify"],
      [{ spacing_before: -1 }, "style.spacing_before", "from 0 to 31680 twips"],
      [{ indent_first_line: -5 }, "style.indent_first_line", "from 0 to 31680"],
      [{ spacing_after: 6.5 }, "style.spacing_after", "multiple of 1 twips"],
      [{ shading: "yellow" }, "style.shading", "hex color"],
      [{ line_spacing_multiple: 20 }, "style.line_spacing_multiple", "0.25 to 10 lines"],
      [{ color: "FF0000" }, "style.color", "allowed: alignment, style, spacing_before"],
    ];
    for (const [style, field, hint] of cases) {
      const failure = docxFailure(() => doc.styleParagraph(style));
      expect(failure).toMatchObject({ kind: "invalid_argument", field });
      expect(failure.message).toContain(hint);
    }
    expect(doc.takeChange()).toBeNull();
  });
});

describe("styleParagraph: tracked changes", () => {
  it("keeps the old paragraph properties in w:pPrChange, after the mark's w:rPr (§17.13.5.29)", () => {
    const doc = open(trackedSpec({ body: withPPr('<w:pStyle w:val="Heading1"/><w:rPr><w:b/></w:rPr>') }));
    expect(doc.styleParagraph({ alignment: "center" })).toMatchObject({ tracked: true, changedCount: 1 });
    const pPr = pPrOf(doc)!;
    expect(childNames(pPr)).toEqual(["pStyle", "jc", "rPr", "pPrChange"]);
    expect(first(pPr, "pPrChange")).toMatch(
      /^<w:pPrChange w:id="\d+" w:author="docx-edge" w:date="[^"]+"><w:pPr><w:pStyle w:val="Heading1"\/><\/w:pPr><\/w:pPrChange>$/,
    );
  });
});
