import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { buildDocx, p } from "../../support/build-docx.js";
import { docxFailure } from "../../support/docx-failure.js";

const SECTION_BREAK = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:pPr></w:p>';
const files = (doc: DocxDocument) => {
  const entries = unzipSync(doc.save());
  return (name: string) => (entries[name] ? strFromU8(entries[name]) : undefined);
};

describe("setHeaderFooter", () => {
  it("replaces the text of a section's existing header in its own part", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Body"), headers: { default: p("Old header") + p("Second line") } }));
    const result = doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["New header"] });
    expect(result).toEqual({
      kind: "header",
      type: "default",
      section: 0,
      part: "word/header-default.xml",
      created: false,
      shownInSections: [0],
    });
    expect(doc.sectionLayouts()[0].headers.default.text).toBe("New header");
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query("/header[type=default]", { format: "text" }).text).toContain("New header");
    expect(reopened.query("/header[type=default]", { format: "text" }).text).not.toContain("Old header");
  });

  it("creates a header part with relationship, content type and reference when the section has none", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Body") }));
    const result = doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["Acme report"], alignment: "center" });
    expect(result).toMatchObject({ part: "word/header1.xml", created: true, shownInSections: [0] });
    const file = files(doc);
    expect(file("word/header1.xml")).toContain(
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Acme report</w:t></w:r></w:p>',
    );
    expect(file("[Content_Types].xml")).toContain(
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
    );
    const rel = /<Relationship Id="(rId\d+)" Type="[^"]+\/header" Target="header1.xml"\/>/.exec(file("word/_rels/document.xml.rels")!)!;
    expect(file("word/document.xml")).toContain(`<w:sectPr><w:headerReference w:type="default" r:id="${rel[1]}"/><w:pgSz`);
    expect(DocxDocument.open(doc.save()).sectionLayouts()[0].headers.default).toMatchObject({
      part: "word/header1.xml",
      text: "Acme report",
      shown: true,
    });
  });

  it("writes {PAGE} and {NUMPAGES} as page number fields", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Body") }));
    doc.setHeaderFooter({ kind: "footer", type: "default", section: 0, lines: ["Page {PAGE} of {NUMPAGES}"] });
    expect(files(doc)("word/footer1.xml")).toContain(
      '<w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t xml:space="preserve">1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> of </w:t></w:r><w:fldSimple w:instr=" NUMPAGES ">',
    );
  });

  it("turns on w:titlePg for a first-page footer, only in that section", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("One") + SECTION_BREAK + p("Two") }));
    const result = doc.setHeaderFooter({ kind: "footer", type: "first", section: 1, lines: ["Cover"] });
    expect(result.shownInSections).toEqual([1]);
    const [first, second] = doc.sectionLayouts();
    expect(first).toMatchObject({ title_page: false });
    expect(second).toMatchObject({ title_page: true, footers: { first: { text: "Cover", shown: true } } });
    expect(files(doc)("word/document.xml")).toMatch(
      /<w:footerReference w:type="first" r:id="rId\d+"\/><w:pgSz w:w="12240" w:h="15840"\/><w:titlePg\/><\/w:sectPr><\/w:body>/,
    );
  });

  it("creates settings.xml with w:evenAndOddHeaders for an even-page header", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Body") }));
    doc.setHeaderFooter({ kind: "header", type: "even", section: 0, lines: ["Even pages"] });
    const file = files(doc);
    expect(file("word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    expect(file("word/_rels/document.xml.rels")).toMatch(/Type="[^"]+\/settings" Target="settings.xml"/);
    expect(file("[Content_Types].xml")).toContain('PartName="/word/settings.xml"');
    expect(doc.sectionLayouts()[0].headers.even).toMatchObject({ text: "Even pages", shown: true });
  });

  it("lets later sections inherit a header set on the first section", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("One") + SECTION_BREAK + p("Two") }));
    expect(doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["Shared"] }).shownInSections).toEqual([0, 1]);
    expect(doc.sectionLayouts()[1].headers.default).toMatchObject({ text: "Shared", inherited_from: 0 });
  });

  it("is one journaled change that replays on a copy and reverts, part and all", () => {
    const bytes = buildDocx({ body: p("Body") });
    const doc = DocxDocument.open(bytes);
    doc.setHeaderFooter({ kind: "header", type: "first", section: 0, lines: ["Title page"] });
    const change = JSON.parse(JSON.stringify(doc.takeChange()));
    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    expect(replica.sectionLayouts()[0].headers.first).toMatchObject({ text: "Title page", shown: true });
    replica.revertChange(change);
    expect(replica.sectionLayouts()[0].headers.first.part).toBeNull();
    expect(files(replica)("word/header1.xml")).toBeUndefined();
  });

  it("refuses unknown fields, types and sections and changes nothing", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Body") }));
    expect(docxFailure(() => doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["{DATE}"] })).message).toContain(
      "Unknown field {DATE}",
    );
    expect(docxFailure(() => doc.setHeaderFooter({ kind: "header", type: "odd" as "even", section: 0, lines: ["x"] }))).toMatchObject({
      field: "type",
    });
    expect(docxFailure(() => doc.setHeaderFooter({ kind: "footer", type: "default", section: 3, lines: ["x"] })).message).toContain(
      "the document has 1 section",
    );
    expect(doc.takeChange()).toBeNull();
  });
});
