/**
 * Element values say exactly what they do: an unknown property is an error naming it and the allowed ones (bidi,
 * list.start and runs[].url used to be dropped silently), and new content follows the direction of the text around it.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { LIBREOFFICE_TIMEOUT_MS, openDocumentContent, sofficeAvailable } from "../../support/libreoffice.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";

const open = (body = p("First") + p("Second")) => DocxDocument.open(buildDocx({ body }));
const part = (doc: DocxDocument, name: string) => strFromU8(unzipSync(doc.save())[name]);
const add = (doc: DocxDocument, value: unknown, path = "/body/children/1") => doc.applyPatch([{ op: "add", path, value }]);

/** Refuses `value`, leaves the document as it was and records nothing; returns the failure's cause. */
function refused(value: unknown) {
  const doc = open();
  const before = doc.save();
  const f = docxFailure(() => add(doc, value));
  expect(doc.save()).toEqual(before);
  expect(doc.takeChange()).toBeNull();
  return (f as { cause: { field: string; message: string } }).cause;
}

describe("unknown properties are errors", () => {
  it("names a paragraph's unknown property and lists the allowed ones", () => {
    const cause = refused({ type: "paragraph", text: "x", bidi: true });
    expect(cause.field).toBe("value.bidi");
    expect(cause.message).toContain("is not a property of a paragraph value; allowed: type, text, runs, style, properties");
  });

  it("checks nested objects: properties, runs, run styles, tab stops, cells, rows, list items", () => {
    expect(refused({ type: "paragraph", text: "x", properties: { align: "center" } }).field).toBe("value.properties.align");
    expect(refused({ type: "paragraph", runs: [{ text: "x", link: "https://e.org" }] }).message).toContain(
      "allowed: text, style, tab, break, url, anchor",
    );
    expect(refused({ type: "paragraph", runs: [{ text: "x", style: { colour: "FF0000" } }] }).field).toBe("value.runs[0].style.colour");
    expect(refused({ type: "paragraph", properties: { tabs: [{ position: 720, fill: "dot" }] } }).field).toBe(
      "value.properties.tabs[0].fill",
    );
    expect(refused({ type: "table", rows: [[{ text: "a", colspan: 2 }]] }).field).toBe("value.rows[0][0].colspan");
    expect(refused({ type: "table", rows: [{ cells: ["a"], header: true }] }).field).toBe("value.rows[0].header");
    expect(refused({ type: "table", rows: [["a"]], caption: "T" }).field).toBe("value.caption");
    expect(refused({ type: "list", items: [{ text: "a", indent: 1 }] }).field).toBe("value.items[0].indent");
    expect(refused({ type: "page_break", before: true }).field).toBe("value.before");
    expect(refused({ type: "list", items: ["a"], start: 3 }).message).toContain('needs "ordered": true');
  });

  it("style objects of the style tools name unknown properties too", () => {
    const doc = open();
    expect(docxFailure(() => doc.styleParagraph({ direction: "rtl" }, { path: "/body/paragraph[0]" })).message).toContain(
      "is not a known property; allowed:",
    );
  });
});

describe("what used to be dropped now works", () => {
  it("list.start numbers an ordered list from that value", () => {
    const doc = open();
    add(doc, { type: "list", ordered: true, start: 5, items: ["five", "six"] });
    expect(part(doc, "word/numbering.xml")).toMatch(/<w:lvl w:ilvl="0"><w:start w:val="5"\/><w:numFmt w:val="decimal"\/>/);
    expect([...doc.export("markdown")].join("")).toMatch(/5\\?\. five[\s\S]*6\\?\. six/);
  });

  it("runs[].url makes that run a hyperlink", () => {
    const doc = open();
    add(doc, { type: "paragraph", runs: [{ text: "See " }, { text: "the site", url: "https://example.org" }, { text: "." }] });
    const xml = part(doc, "word/document.xml");
    const rel =
      /<w:hyperlink r:id="(rId\d+)" w:history="1"><w:r><w:rPr><w:color w:val="0563C1"\/><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">the site</.exec(
        xml,
      );
    expect(rel).not.toBeNull();
    expect(part(doc, "word/_rels/document.xml.rels")).toContain(`Id="${rel![1]}"`);
    // The link run is underlined, as Word shows links; markdown is the export's, which keeps the underline.
    expect(doc.query("/body/paragraph[1]", { format: "markdown" }).text).toBe("See [<u>the site</u>](https://example.org).");
    expect(docxFailure(() => add(doc, { type: "paragraph", runs: [{ text: "x", url: "example.org" }] })).message).toContain(
      "is not an absolute link",
    );
  });

  it("bidi and rtl are settable on new paragraphs, runs and through the style tools", () => {
    const doc = open();
    add(doc, { type: "paragraph", properties: { bidi: true, alignment: "right" }, runs: [{ text: "שלום", style: { rtl: true } }] });
    expect(part(doc, "word/document.xml")).toContain(
      '<w:pPr><w:bidi/><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">שלום</w:t>',
    );
    doc.styleParagraph({ bidi: true }, { path: "/body/paragraph[0]" });
    doc.styleElement({ rtl: true }, { path: "/body/paragraph[0]/run[0]" });
    expect(part(doc, "word/document.xml")).toMatch(
      /<w:p[^>]*><w:pPr><w:bidi\/><\/w:pPr><w:r><w:rPr><w:rtl\/><\/w:rPr><w:t xml:space="preserve">First/,
    );
  });
});

/** A right-to-left paragraph as LibreOffice writes it (Hebrew text, direction on the paragraph and each run). */
const LO_RTL =
  '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:bidi/><w:jc w:val="left"/><w:rPr><w:rtl/></w:rPr></w:pPr>' +
  '<w:r><w:rPr><w:rtl/><w:lang w:val="he-IL" w:bidi="he-IL"/></w:rPr><w:t>שלום עולם</w:t></w:r></w:p>';

describe("highlight colours", () => {
  it("element values take every ST_HighlightColor that style_element takes, white and none included", () => {
    const doc = open();
    add(doc, {
      type: "paragraph",
      runs: [
        { text: "on white", style: { highlight: "white" } },
        { text: "cleared", style: { highlight: "none" } },
      ],
    });
    const xml = part(doc, "word/document.xml");
    expect(xml).toContain('<w:highlight w:val="white"/>');
    expect(xml).toContain('<w:highlight w:val="none"/>');
    const cause = refused({ type: "paragraph", runs: [{ text: "x", style: { highlight: "pink" } }] });
    expect(cause.message).toContain("black, blue, cyan, green, magenta, red, yellow, white,");
    expect(cause.message).toContain("lightGray, none");
  });
});

describe("new content follows the direction around it", () => {
  it("a paragraph added after a right-to-left paragraph is right-to-left, its runs too, with the same language", () => {
    const doc = open(LO_RTL + LO_RTL);
    add(doc, { type: "paragraph", runs: [{ text: "חדש" }, { text: "bold", style: { bold: true } }] });
    const added = part(doc, "word/document.xml").split("<w:p ")[1];
    expect(added).toContain("<w:pPr><w:bidi/></w:pPr>");
    expect(added).toContain('<w:r><w:rPr><w:rtl/><w:lang w:val="he-IL" w:bidi="he-IL"/></w:rPr><w:t xml:space="preserve">חדש');
    expect(added).toContain('<w:rPr><w:b/><w:rtl/><w:lang w:val="he-IL" w:bidi="he-IL"/></w:rPr><w:t xml:space="preserve">bold');
  });

  it.runIf(sofficeAvailable())(
    "LibreOffice lays the added paragraph out right to left",
    () => {
      const doc = open(LO_RTL);
      add(doc, { type: "paragraph", text: "חדש כאן" });
      const [content] = openDocumentContent([{ bytes: doc.save(), name: "rtl" }]);
      const style = /<text:p text:style-name="([^"]+)">(?:<text:span[^>]*>)?חדש כאן/.exec(content)?.[1];
      expect(style, "the added paragraph is in LibreOffice's content").toBeDefined();
      const definition = new RegExp(`<style:style style:name="${style}"[^>]*>[\\s\\S]*?</style:style>`).exec(content)?.[0] ?? "";
      expect(definition).toContain('style:writing-mode="rl-tb"');
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  it("keeps what the value sets itself, and adds nothing next to left-to-right text", () => {
    const doc = open(LO_RTL + p("Plain"));
    add(doc, { type: "paragraph", properties: { bidi: false }, text: "ltr" });
    add(doc, { type: "paragraph", text: "after plain" }, "/body/children/3");
    const xml = part(doc, "word/document.xml");
    expect(xml).toContain(
      '<w:pPr><w:bidi w:val="0"/></w:pPr><w:r><w:rPr><w:lang w:val="he-IL" w:bidi="he-IL"/></w:rPr><w:t xml:space="preserve">ltr',
    );
    expect(xml).toMatch(/<w:p[^>]*><w:r><w:t xml:space="preserve">after plain/);
  });
});
