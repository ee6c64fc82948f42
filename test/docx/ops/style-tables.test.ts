import { describe, expect, it } from "vitest";
import { p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { childNames, first, open, savedBody, trackedSpec } from "./style-fixtures.js";

const cell = (text: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${p(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const table = (tblPr: string, ...rows: string[]) =>
  `<w:tbl><w:tblPr>${tblPr}</w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>${rows.join("")}</w:tbl>`;
const grid = (tblPr = "") => table(tblPr, row(cell("a1"), cell("b1")), row(cell("a2"), cell("b2")));
const TABLE_STYLE = '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>';

describe("styleTable: table properties", () => {
  it("draws all six borders with size and color, in schema order after the style and width (§17.4.60)", () => {
    const doc = open({ body: grid('<w:tblStyle w:val="X"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/>') });
    doc.styleTable({ style: { border_style: "double", border_size: 8, border_color: "333333" } });
    const tblPr = first(savedBody(doc), "tblPr")!;
    expect(childNames(tblPr)).toEqual(["tblStyle", "tblW", "tblBorders", "tblLook"]);
    expect(childNames(first(tblPr, "tblBorders")!)).toEqual(["top", "left", "bottom", "right", "insideH", "insideV"]);
    expect(first(tblPr, "top")).toBe('<w:top w:val="double" w:sz="8" w:space="0" w:color="333333"/>');
  });

  it("writes none borders explicitly so a table style's lines go too, and null removes the borders element", () => {
    const doc = open({ body: grid() + grid('<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>') });
    doc.styleTable({ style: { border_style: "none" } }, { path: "/body/table[0]" });
    doc.styleTable({ style: { border_style: null } }, { path: "/body/table[1]" });
    const xml = savedBody(doc);
    expect(first(xml, "insideV")).toBe('<w:insideV w:val="none" w:sz="0" w:space="0" w:color="auto"/>');
    expect(xml.match(/<w:tblBorders>/g)).toHaveLength(1);
  });

  it("resizes existing borders when border_size comes alone", () => {
    const doc = open({
      body: grid(
        '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:end w:val="dotted" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>',
      ),
    });
    doc.styleTable({ style: { border_size: 12 } });
    expect(first(savedBody(doc), "tblBorders")).toBe(
      '<w:tblBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="auto"/><w:end w:val="dotted" w:sz="12" w:space="0" w:color="auto"/></w:tblBorders>',
    );
  });

  it("sets width in twips or percent, alignment and a table style that exists", () => {
    const doc = open({ body: grid() + grid(), styles: TABLE_STYLE });
    doc.styleTable({ style: { width: 5000, table_alignment: "center", table_style: "Table Grid" } }, { path: "/body/table[0]" });
    doc.styleTable({ style: { width: 100, width_type: "pct" } }, { path: "/body/table[1]" });
    const xml = savedBody(doc);
    expect(first(xml, "tblPr")).toBe(
      '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="dxa"/><w:jc w:val="center"/></w:tblPr>',
    );
    expect(first(xml, "tblPr", xml.indexOf("</w:tbl>"))).toBe('<w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>');
  });
});

describe("styleTable: cell and row properties", () => {
  it("applies cell_style to every cell and row_style to every row of the selected table", () => {
    const doc = open({ body: grid() });
    const outcome = doc.styleTable({
      cell_style: { shading: "D9D9D9", vertical_align: "center", width: 2000 },
      row_style: { height: 400, is_header: true, cant_split: true },
    });
    expect(outcome).toMatchObject({ styled: 6, changedCount: 6 });
    const xml = savedBody(doc);
    expect(
      xml.match(
        /<w:tcPr><w:tcW w:w="2000" w:type="dxa"\/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"\/><w:vAlign w:val="center"\/><\/w:tcPr>/g,
      ),
    ).toHaveLength(4);
    expect(xml.match(/<w:trPr><w:cantSplit\/><w:trHeight w:val="400"\/><w:tblHeader\/><\/w:trPr>/g)).toHaveLength(2);
  });

  it("styles only the selected row's cells, or the selected cells", () => {
    const doc = open({ body: grid() });
    doc.styleTable({ cell_style: { shading: "FF0000" }, row_style: { is_header: true } }, { path: "/body/table[0]/row[0]" });
    doc.styleTable({ cell_style: { borders: { bottom: "double", left: null } } }, { path: "/body/table[0]/row[*]/cell[1]" });
    const xml = savedBody(doc);
    expect(xml.match(/w:fill="FF0000"/g)).toHaveLength(2);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:tcBorders><w:bottom w:val="double" w:sz="4" w:space="0" w:color="auto"\/><\/w:tcBorders>/g)).toHaveLength(2);
  });

  it("merges into existing cell properties in schema order (§17.4.70) and keeps a row's w:tblPrEx first", () => {
    const tcPr = '<w:tcW w:w="100" w:type="dxa"/><w:gridSpan w:val="1"/><w:vAlign w:val="top"/><w:hideMark/>';
    const doc = open({ body: table("", `<w:tr><w:tblPrEx><w:tblLayout w:type="fixed"/></w:tblPrEx>${cell("a", tcPr)}</w:tr>`) });
    doc.styleTable({
      cell_style: { shading: "00FF00", borders: { top: "single" }, vertical_align: "bottom", width: null },
      row_style: { height: 300 },
    });
    const xml = savedBody(doc);
    expect(childNames(first(xml, "tcPr")!)).toEqual(["gridSpan", "tcBorders", "shd", "vAlign", "hideMark"]);
    expect(childNames(first(xml, "tr")!)).toEqual(["tblPrEx", "trPr", "tc"]);
  });

  it("styles nested tables too when the whole document is selected", () => {
    const inner = grid();
    const doc = open({ body: table("", row(`<w:tc>${inner}${p("after")}</w:tc>`)) + p("x") });
    expect(doc.styleTable({ style: { table_alignment: "right" } })).toMatchObject({ styled: 2 });
  });

  it("refuses table properties on a row or cell, unknown properties, and missing styles", () => {
    const doc = open({ body: grid() });
    expect(docxFailure(() => doc.styleTable({ style: { width: 10 } }, { path: "/body/table[0]/row[0]" }))).toMatchObject({
      kind: "invalid_argument",
      field: "style",
    });
    expect(docxFailure(() => doc.styleTable({ row_style: { height: 10 } }, { path: "/body/table[0]/row[0]/cell[0]" })).message).toContain(
      "select its table, e.g. /body/table[0]",
    );
    expect(docxFailure(() => doc.styleTable({ cell_style: { colour: "FF0000" } })).message).toContain(
      "allowed: shading, vertical_align, width, borders",
    );
    expect(docxFailure(() => doc.styleTable({ style: { border_style: "zigzag" } }))).toMatchObject({ field: "style.border_style" });
    expect(docxFailure(() => doc.styleTable({ style: { border_size: 200 } })).message).toContain("from 2 to 96 eighths of a point");
    expect(docxFailure(() => doc.styleTable({ style: { table_style: "Nope" } })).message).toContain(
      "this document defines no table styles",
    );
    expect(docxFailure(() => doc.styleTable({ style: { width_type: "pct" } })).message).toContain("goes with width");
    expect(docxFailure(() => doc.styleTable({ cell_style: { borders: { middle: "single" } } }))).toMatchObject({
      field: "cell_style.borders.middle",
    });
    expect(docxFailure(() => doc.styleTable({})).message).toContain("at least one of style (table), cell_style or row_style");
    expect(docxFailure(() => doc.styleTable({ style: { width: 10 } }, { path: "/body/paragraph[0]" })).kind).toBe("path_not_found");
    expect(doc.takeChange()).toBeNull();
  });

  it("refuses a path whose elements hold no tables", () => {
    const doc = open({ body: p("a") + grid() });
    expect(docxFailure(() => doc.styleTable({ style: { width: 10 } }, { path: "/body/paragraph[0]" })).message).toContain(
      "holding no tables",
    );
  });
});

describe("styleTable: tracked changes", () => {
  it("keeps old table, row and cell properties in w:tblPrChange, w:trPrChange and w:tcPrChange", () => {
    const doc = open(trackedSpec({ body: table('<w:tblW w:w="0" w:type="auto"/>', row(cell("a", '<w:tcW w:w="100" w:type="dxa"/>'))) }));
    doc.styleTable({ style: { table_alignment: "center" }, row_style: { cant_split: true }, cell_style: { shading: "FFFF00" } });
    const xml = savedBody(doc);
    expect(first(xml, "tblPrChange")).toMatch(
      /^<w:tblPrChange w:id="\d+" w:author="docx-edge" w:date="[^"]+"><w:tblPr><w:tblW w:w="0" w:type="auto"\/><\/w:tblPr><\/w:tblPrChange>$/,
    );
    expect(first(xml, "trPrChange")).toContain("<w:trPr/>");
    expect(first(xml, "tcPrChange")).toContain('<w:tcPr><w:tcW w:w="100" w:type="dxa"/></w:tcPr>');
    expect(childNames(first(xml, "tcPr")!)).toEqual(["tcW", "shd", "tcPrChange"]);
  });
});
