/**
 * Table edits keep tables rectangular and looking like themselves, on tables shaped as LibreOffice and pandoc write
 * them: fixed layout with a cell width on every cell and borders per cell (LibreOffice), or a percentage-width table
 * whose column alignment lives in each cell's paragraph (pandoc).
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { checkTableGrid } from "../../../src/docx/invariants/structure-table-grid.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { xmlParts } from "../support/structure-invariants.js";
import { LO_BORDERS, LO_STYLES, LO_TABLE, loCell, PANDOC_TABLE } from "./table-fixtures.js";

const openLo = () => DocxDocument.open(buildDocx({ body: p("Before") + LO_TABLE + p("After"), styles: LO_STYLES }));
const mainXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]);
const cells = (doc: DocxDocument) => doc.query("/body/table[0]").items![0].cells as string[][];
const gridProblems = (doc: DocxDocument) => checkTableGrid(xmlParts(doc.save()));
/** Each cell's w:tcW of row `r` in the saved table. */
function rowWidths(doc: DocxDocument, r: number): string[] {
  const row = mainXml(doc.save()).split(/<w:tr[ >]/)[r + 1] ?? "";
  return [...row.matchAll(/<w:tcW w:w="(\d+)"/g)].map((m) => m[1]);
}

describe("remove_table_column through merged cells", () => {
  it("narrows a cell spanning the removed column to the columns it still covers", () => {
    const doc = openLo();
    doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 1 }]);
    expect(cells(doc)).toEqual([
      ["Merged", "Cone"],
      ["Atwo", "Ctwo"],
      ["Tall", "Cthree"],
      ["", "Cfour"],
    ]);
    const xml = mainXml(doc.save());
    expect(xml).toContain('<w:tcW w:w="3212" w:type="dxa"/>' + LO_BORDERS);
    expect(xml).not.toContain("gridSpan");
    // The table's width in twips loses the column, so the remaining columns keep their widths in LibreOffice.
    expect(xml).toContain('<w:tblW w:w="6425" w:type="dxa"/>');
    expect(rowWidths(doc, 0)).toEqual(["3212", "3213"]);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("removes a vertically merged column whole, and a column a row skips", () => {
    const skipping = LO_TABLE.replace("<w:tr><w:trPr></w:trPr>" + loCell("Atwo", 3212), '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>');
    const doc = DocxDocument.open(buildDocx({ body: skipping, styles: LO_STYLES }));
    expect(gridProblems(doc)).toEqual([]);
    doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 0 }]);
    expect(cells(doc)).toEqual([
      ["Merged", "Cone"],
      ["Btwo", "Ctwo"],
      ["Bthree", "Cthree"],
      ["Bfour", "Cfour"],
    ]);
    expect(mainXml(doc.save())).toContain('<w:gridBefore w:val="0"/>');
    expect(mainXml(doc.save())).not.toContain("vMerge");
    expect(gridProblems(doc)).toEqual([]);
  });
});

describe("adding rows", () => {
  it("pads a row with fewer cells than the grid, with cells as wide as the columns they fill", () => {
    const doc = openLo();
    doc.applyPatch([{ op: "add", path: "/body/table[0]/row", value: { type: "row", cells: ["Afive", "Bfive"] } }]);
    expect(cells(doc)![4]).toEqual(["Afive", "Bfive", ""]);
    expect(rowWidths(doc, 4)).toEqual(["3212", "3213", "3213"]);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("refuses a row wider than the grid, naming both widths, and changes nothing", () => {
    const doc = openLo();
    const before = doc.save();
    const f = docxFailure(() =>
      doc.applyPatch([{ op: "add", path: "/body/table[0]/row", value: { type: "row", cells: ["a", { text: "b", col_span: 2 }, "c"] } }]),
    );
    expect(f.message).toContain("the row would cover 4 grid columns but /body/table[0] has 3");
    // A reverted part is deflated again on save, so compare what the parts hold, not their compressed bytes.
    expect(unzipSync(doc.save())).toEqual(unzipSync(before));
    expect(doc.takeChange()).toBeNull();
  });

  it("takes widths, borders and alignment from the row it is put after (LibreOffice)", () => {
    const doc = openLo();
    doc.applyPatch([{ op: "add", path: "/body/table[0]/row[1]", value: { type: "row", cells: ["x", "y", "z"] } }]);
    const row = mainXml(doc.save()).split(/<w:tr[ >]/)[3];
    expect(row).toContain('<w:t xml:space="preserve">x</w:t>');
    expect(row.match(/<w:tcBorders>/g)).toHaveLength(3);
    expect(rowWidths(doc, 2)).toEqual(["3212", "3213", "3213"]);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("takes paragraph alignment and cell properties from its neighbour (pandoc), but not the header flag", () => {
    const doc = DocxDocument.open(buildDocx({ body: PANDOC_TABLE }));
    doc.applyPatch([
      { op: "add", path: "/body/table[0]/row", value: { type: "row", cells: ["Pears", "7"] } },
      { op: "add", path: "/body/table[0]/children/1", value: { type: "row", cells: ["Figs", "3"] } },
    ]);
    const rows = mainXml(doc.save())
      .split(/<w:tr[ >]/)
      .slice(1);
    expect(rows[3]).toContain('<w:pPr><w:pStyle w:val="Compact"/><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">Pears');
    expect(rows[3]).toContain('<w:pPr><w:pStyle w:val="Compact"/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">7<');
    // Put after the header row, the row takes the header cells' look but is no header itself.
    expect(rows[1]).toContain('<w:vAlign w:val="bottom"/>');
    expect(rows[1]).not.toContain("tblHeader");
    expect(gridProblems(doc)).toEqual([]);
  });
});

describe("moving and copying rows", () => {
  it("a moved or copied row keeps its own look; only new rows take the neighbour's", () => {
    const doc = DocxDocument.open(buildDocx({ body: PANDOC_TABLE }));
    doc.applyPatch([
      { op: "move", from: "/body/table[0]/row[1]", path: "/body/table[0]/children/0" },
      { op: "copy", from: "/body/table[0]/row[0]", path: "/body/table[0]/row" },
    ]);
    const rows = mainXml(doc.save())
      .split(/<w:tr[ >]/)
      .slice(1);
    expect(rows[0]).not.toContain("vAlign");
    expect(rows[2]).not.toContain("vAlign");
    expect(rows[1]).toMatch(/<w:vAlign w:val="bottom" ?\/>/);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("a row moved into a table with a wider grid is padded, into a narrower one refused", () => {
    const doc = DocxDocument.open(buildDocx({ body: PANDOC_TABLE + p("Between") + LO_TABLE, styles: LO_STYLES }));
    doc.applyPatch([{ op: "copy", from: "/body/table[0]/row[1]", path: "/body/table[1]/row" }]);
    expect((doc.query("/body/table[1]").items![0].cells as string[][])[4]).toEqual(["Apples", "12", ""]);
    const f = docxFailure(() => doc.applyPatch([{ op: "copy", from: "/body/table[1]/row[1]", path: "/body/table[0]/row" }]));
    expect(f.message).toContain("the row would cover 3 grid columns but /body/table[0] has 2");
    expect(gridProblems(doc)).toEqual([]);
  });
});

describe("cells", () => {
  it("replacing a cell keeps its width, borders and merge unless the value gives new ones", () => {
    const doc = openLo();
    doc.applyPatch([
      { op: "replace", path: "/body/table[0]/row[1]/cell[0]", value: { type: "cell", text: "New" } },
      { op: "replace", path: "/body/table[0]/row[0]/cell[0]", value: { type: "cell", text: "Wide", shading: "FFFF00" } },
    ]);
    const xml = mainXml(doc.save());
    expect(xml).toContain(`<w:tcW w:w="3212" w:type="dxa"/>${LO_BORDERS}</w:tcPr><w:p><w:r><w:t xml:space="preserve">New`);
    expect(xml).toContain(
      `<w:tcW w:w="6425" w:type="dxa"/><w:gridSpan w:val="2"/>${LO_BORDERS}<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>`,
    );
    expect(cells(doc)!.slice(0, 2)).toEqual([
      ["Wide", "Cone"],
      ["New", "Btwo", "Ctwo"],
    ]);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("refuses a replacement cell whose span would widen the row", () => {
    const doc = openLo();
    const f = docxFailure(() =>
      doc.applyPatch([{ op: "replace", path: "/body/table[0]/row[1]/cell[0]", value: { type: "cell", text: "x", col_span: 2 } }]),
    );
    expect(f.message).toContain("would cover 4 grid columns but /body/table[0] has 3");
    expect(doc.takeChange()).toBeNull();
  });

  it("a tracked cell replacement deletes and inserts inside the same cell", () => {
    const doc = openLo();
    doc.setTrackChanges(true);
    doc.takeChange();
    doc.applyPatch([{ op: "replace", path: "/body/table[0]/row[1]/cell[1]", value: { type: "cell", text: "Bnew" } }]);
    expect(doc.query("/body/table[0]/row[1]").items![0].cells).toHaveLength(3);
    const xml = mainXml(doc.save());
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:rPr><\/w:rPr><w:delText>Btwo<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">Bnew<\/w:t>/);
    doc.acceptRevisions();
    expect(cells(doc)![1]).toEqual(["Atwo", "Bnew", "Ctwo"]);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("removing a cell leaves an empty one at the row's end, which a new cell takes", () => {
    const doc = openLo();
    doc.applyPatch([{ op: "remove", path: "/body/table[0]/row[1]/cell[0]" }]);
    expect(cells(doc)![1]).toEqual(["Btwo", "Ctwo", ""]);
    expect(gridProblems(doc)).toEqual([]);
    doc.applyPatch([{ op: "add", path: "/body/table[0]/row[1]/children/0", value: { type: "cell", text: "Aback" } }]);
    expect(cells(doc)![1]).toEqual(["Aback", "Btwo", "Ctwo"]);
    expect(rowWidths(doc, 1)).toEqual(["3212", "3213", "3213"]);
    expect(gridProblems(doc)).toEqual([]);
    const f = docxFailure(() => doc.applyPatch([{ op: "add", path: "/body/table[0]/row[1]/cell", value: { type: "cell", text: "x" } }]));
    expect(f.message).toContain("/body/table[0]/row[1] already covers 3 of the table's 3 grid columns");
  });

  it("a cell added before a merged cell moves the merge's start, so the cell below starts its own", () => {
    const doc = openLo();
    doc.applyPatch([
      { op: "remove", path: "/body/table[0]/row[2]/cell[2]" },
      { op: "add", path: "/body/table[0]/row[2]/children/0", value: { type: "cell", text: "New" } },
    ]);
    expect(cells(doc)[2]).toEqual(["New", "Tall", "Bthree"]);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("removing the row that starts a vertical merge makes the row below start it", () => {
    const doc = openLo();
    doc.applyPatch([{ op: "remove", path: "/body/table[0]/row[2]" }]);
    expect(mainXml(doc.save())).toContain('<w:vMerge w:val="restart"/>');
    expect(gridProblems(doc)).toEqual([]);
  });

  it("accepting the tracked removal of the row that starts a vertical merge makes the row below start it", () => {
    const doc = openLo();
    doc.setTrackChanges(true);
    doc.applyPatch([{ op: "remove", path: "/body/table[0]/row[2]" }]);
    doc.acceptRevisions();
    expect(cells(doc)).toHaveLength(3);
    expect(gridProblems(doc)).toEqual([]);
  });

  it("a row put inside a vertical merge splits it rather than hiding the cell below", () => {
    const doc = openLo();
    doc.applyPatch([{ op: "add", path: "/body/table[0]/row[2]", value: { type: "row", cells: ["mid", "m2", "m3"] } }]);
    expect(gridProblems(doc)).toEqual([]);
    expect(mainXml(doc.save()).match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
  });
});

describe("readers place merged cells in their own columns", () => {
  it("markdown and text put each value under its grid column, as the HTML export does", () => {
    const doc = openLo();
    // Markdown is the export's writer, which writes a table with merged cells as HTML with colspan/rowspan.
    const markdown = doc.query("/body/table[0]", { format: "markdown" }).text!;
    expect(markdown).toMatch(/^<table>/);
    expect(markdown).toMatch(/<td colspan="2"[^>]*>(<p>)?Merged/);
    expect(markdown).toMatch(/<td rowspan="2"[^>]*>(<p>)?Tall/);
    expect(doc.query("/body/table[0]", { format: "text" }).text).toBe(
      ["Merged\t\tCone", "Atwo\tBtwo\tCtwo", "Tall\tBthree\tCthree", "\tBfour\tCfour"].join("\n"),
    );
    const html = [...doc.export("html")].join("");
    expect(html).toMatch(/<td colspan="2"[^>]*>(<p>)?Merged/);
    expect(html).toMatch(/<td rowspan="2"[^>]*>(<p>)?Tall/);
  });
});
