import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { childNames, first, open, savedBody, trackedSpec } from "./style-fixtures.js";

const run = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t>${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const rPrOf = (doc: DocxDocument, nth = 0) => {
  const xml = savedBody(doc);
  let at = 0;
  for (let i = 0; i <= nth; i++) at = xml.indexOf("<w:r>", at) + (i < nth ? 1 : 0);
  return first(xml.slice(at, xml.indexOf("</w:r>", at)), "rPr");
};

describe("styleElement: run properties", () => {
  it("sets bold and italic with their complex-script twins, and false switches them off against the style", () => {
    const doc = open({ body: para(run("a")) });
    doc.styleElement({ bold: true, italic: false }, { path: "/body/paragraph[0]" });
    expect(rPrOf(doc)).toBe('<w:rPr><w:b/><w:bCs/><w:i w:val="0"/><w:iCs w:val="0"/></w:rPr>');
  });

  it("writes underline types, strike, color, highlight and vertical alignment", () => {
    const doc = open({ body: para(run("a")) });
    doc.styleElement({ underline: "double", strike: true, color: "#ff0000", highlight: "dark_blue", vertical_align: "superscript" });
    expect(rPrOf(doc)).toBe(
      '<w:rPr><w:strike/><w:color w:val="FF0000"/><w:highlight w:val="darkBlue"/><w:u w:val="double"/><w:vertAlign w:val="superscript"/></w:rPr>',
    );
    doc.styleElement({ underline: true });
    expect(rPrOf(doc)).toContain('<w:u w:val="single"/>');
  });

  it("writes the font size in half-points in w:sz and w:szCs", () => {
    const doc = open({ body: para(run("a")) });
    doc.styleElement({ font_size: 10.5 });
    expect(rPrOf(doc)).toBe('<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>');
  });

  it("puts the font name in every script slot and drops theme fonts that would override it", () => {
    const doc = open({ body: para(run("a", '<w:rFonts w:asciiTheme="minorHAnsi" w:hint="eastAsia"/>')) });
    doc.styleElement({ font_name: "Arial" });
    expect(rPrOf(doc)).toBe('<w:rPr><w:rFonts w:hint="eastAsia" w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/></w:rPr>');
  });

  it("removes a property given as null and leaves the others alone", () => {
    const doc = open({
      body: para(
        run("a", '<w:b/><w:i/><w:color w:val="00FF00" w:themeColor="accent1"/><w:sz w:val="30"/><w:szCs w:val="30"/><w:u w:val="wave"/>'),
      ),
    });
    doc.styleElement({ bold: null, color: null, font_size: null, underline: null });
    expect(rPrOf(doc)).toBe("<w:rPr><w:i/></w:rPr>");
  });

  it("replaces a theme color whole, since w:themeColor would win over w:val", () => {
    const doc = open({ body: para(run("a", '<w:color w:val="00FF00" w:themeColor="accent1"/>')) });
    doc.styleElement({ color: "0000ff" });
    expect(rPrOf(doc)).toBe('<w:rPr><w:color w:val="0000FF"/></w:rPr>');
  });

  it("inserts new properties in schema order among existing and unknown ones (§17.3.2.28)", () => {
    const existing = '<w:rStyle w:val="Strong"/><w:caps/><w:sz w:val="20"/><w:lang w:val="en-US"/><w14:ligatures w14:val="standard"/>';
    const doc = open({ body: para(run("a", existing)) });
    doc.styleElement({ vertical_align: "subscript", bold: true, color: "112233", highlight: "yellow", font_name: "Calibri" });
    expect(childNames(rPrOf(doc)!)).toEqual([
      "rStyle",
      "rFonts",
      "b",
      "bCs",
      "caps",
      "color",
      "sz",
      "highlight",
      "vertAlign",
      "lang",
      "w14:ligatures",
    ]);
  });

  it("styles one run by path, a paragraph's runs, and cells selected with wildcards", () => {
    const table = `<w:tbl><w:tr><w:tc>${para(run("a1"))}</w:tc><w:tc>${para(run("b1"))}</w:tc></w:tr><w:tr><w:tc>${para(run("a2"))}</w:tc><w:tc>${para(run("b2"))}</w:tc></w:tr></w:tbl>`;
    const doc = open({ body: para(run("x"), run("y")) + table });
    expect(doc.styleElement({ italic: true }, { path: "/body/paragraph[0]/run[1]" })).toMatchObject({ styled: 1, changedCount: 1 });
    const cells = doc.styleElement({ bold: true }, { path: "/body/table[0]/row[*]/cell[0]" });
    expect(cells).toMatchObject({ styled: 2, changedCount: 2 });
    expect(cells.elements.map((e) => e.path)).toEqual(["/body/table[0]/row[0]/cell[0]", "/body/table[0]/row[1]/cell[0]"]);
    const xml = savedBody(doc);
    expect(xml).toContain("<w:r><w:t>x</w:t></w:r><w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t>y</w:t></w:r>");
    expect(xml).toContain("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>a1</w:t></w:r>");
    expect(xml).toContain("<w:r><w:t>b1</w:t></w:r>");
    expect(xml).toContain("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>a2</w:t></w:r>");
  });

  it("styles every run of the body, tables included, when the path is omitted", () => {
    const doc = open({ body: para(run("a")) + `<w:tbl><w:tr><w:tc>${para(run("b"), run("c"))}</w:tc></w:tr></w:tbl>` + para(run("d")) });
    const outcome = doc.styleElement({ strike: true });
    expect(outcome).toMatchObject({ styled: 4, changedCount: 4, tracked: false });
    expect(savedBody(doc).match(/<w:strike\/>/g)).toHaveLength(4);
  });

  it("styles a header's runs through its path, and the header part is saved with them", () => {
    const doc = open({ body: p("body"), headers: { default: para(run("Head")) } });
    expect(doc.styleElement({ italic: true }, { path: "/header[0]" })).toMatchObject({ styled: 1, changedCount: 1 });
    const header = DocxDocument.open(doc.save()).query("/header[0]/paragraph[0]/run[0]").items![0];
    expect(JSON.stringify(header)).toContain('"italic":true');
    expect(savedBody(doc)).not.toContain("<w:i/>");
  });

  it("counts runs that already have the style as styled but not changed, and leaves their blocks untouched", () => {
    const doc = open({ body: para(run("a", "<w:b/><w:bCs/>")) + para(run("b")) });
    const outcome = doc.styleElement({ bold: true });
    expect(outcome).toMatchObject({ styled: 2, changedCount: 1 });
    expect(savedBody(doc)).toContain("<w:p><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>a</w:t></w:r></w:p>");
  });

  it("is undone exactly by reverting its change (how a dry run previews it)", () => {
    const doc = open({ body: para(run("a")) });
    const before = savedBody(doc);
    expect(doc.styleElement({ bold: true })).toMatchObject({ styled: 1, changedCount: 1 });
    doc.revertChange(doc.takeChange()!);
    expect(savedBody(doc)).toBe(before);
  });

  it("refuses bad input naming the field and what is allowed, changing nothing", () => {
    const doc = open({ body: para(run("a")) });
    const cases: [unknown, string, string][] = [
      [{ boldness: true }, "style.boldness", "allowed: bold, italic"],
      [{ color: "red" }, "style.color", 'hex color like "FF0000"'],
      [{ font_size: 2000 }, "style.font_size", "from 1 to 1638 points"],
      [{ font_size: 10.3 }, "style.font_size", "multiple of 0.5"],
      [{ highlight: "orange" }, "style.highlight", "darkBlue"],
      [{ underline: "squiggly" }, "style.underline", "wavyDouble"],
      [{ bold: "yes" }, "style.bold", "true, false or null"],
      [{}, "style", "give at least one"],
      ["bold", "style", "JSON object"],
    ];
    for (const [style, field, hint] of cases) {
      const failure = docxFailure(() => doc.styleElement(style));
      expect(failure).toMatchObject({ kind: "invalid_argument", field });
      expect(failure.message).toContain(hint);
    }
    expect(docxFailure(() => doc.styleElement({ bold: true }, { path: "/body/paragraph[text~='nowhere']" }))).toMatchObject({
      kind: "path_not_found",
    });
    expect(docxFailure(() => doc.styleElement({ bold: true }, { path: "/styles" })).message).toContain("no formatting to style");
    expect(doc.takeChange()).toBeNull();
  });

  it("refuses a path whose elements hold no runs", () => {
    const doc = open({ body: "<w:p/>" });
    expect(docxFailure(() => doc.styleElement({ bold: true }, { path: "/body/paragraph[0]" })).message).toContain("holding no runs");
  });

  it("keeps the paragraph's id and the ids of the blocks after it", () => {
    const doc = open({ body: p("one") + p("two") });
    const ids = doc.query("/body/paragraph[*]").items!.map((i) => (i as { id: string }).id);
    doc.styleElement({ bold: true }, { path: "/body/paragraph[0]" });
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query("/body/paragraph[*]").items!.map((i) => (i as { id: string }).id)).toEqual(ids);
  });
});

describe("styleElement: tracked changes", () => {
  it("keeps the old run properties in w:rPrChange with author, date and id (§17.13.5.31)", () => {
    const doc = open(trackedSpec({ body: para(run("a", "<w:i/>")) }));
    doc.setEditor("Ada");
    expect(doc.styleElement({ bold: true })).toMatchObject({ tracked: true, changedCount: 1 });
    const rPr = rPrOf(doc)!;
    expect(childNames(rPr)).toEqual(["b", "bCs", "i", "rPrChange"]);
    expect(first(rPr, "rPrChange")).toMatch(
      /^<w:rPrChange w:id="\d+" w:author="Ada" w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"><w:rPr><w:i\/><\/w:rPr><\/w:rPrChange>$/,
    );
  });

  it("records an empty old w:rPr for a run that had no formatting, and keeps the first revision on a second edit", () => {
    const doc = open(trackedSpec({ body: para(run("a")) }));
    doc.styleElement({ bold: true });
    doc.styleElement({ color: "FF0000" });
    const rPr = rPrOf(doc)!;
    expect(rPr.match(/<w:rPrChange /g)).toHaveLength(1);
    expect(first(rPr, "rPrChange")).toContain("<w:rPr/>");
    expect(childNames(rPr)).toEqual(["b", "bCs", "color", "rPrChange"]);
  });

  it("writes no revision for runs that already had the style", () => {
    const doc = open(trackedSpec({ body: para(run("a", "<w:b/><w:bCs/>")) }));
    expect(doc.styleElement({ bold: true })).toMatchObject({ changedCount: 0 });
    expect(savedBody(doc)).not.toContain("rPrChange");
  });
});
