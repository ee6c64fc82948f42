import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { sofficeAvailable } from "../../../support/libreoffice.js";
import { libreOfficeChanges } from "../../../support/libreoffice-changes.js";
import { buildDocx, p } from "../../support/build-docx.js";
import { docxFailure } from "../../support/docx-failure.js";
import { trackedSpec } from "../style-fixtures.js";

const REV = 'w:id="\\d+" w:author="docx-edge" w:date="[^"]+"';
const HEADER = "word/header-default.xml";
const part = (doc: DocxDocument, name: string) => strFromU8(unzipSync(doc.save())[name]);
const withHeader = (header: string) => DocxDocument.open(buildDocx(trackedSpec({ body: p("Body"), headers: { default: header } })));
const deleted = (text: string) =>
  new RegExp(
    `<w:p[^>]*><w:pPr><w:rPr><w:del ${REV}/></w:rPr></w:pPr><w:del ${REV}><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del></w:p>`,
  );
const inserted = (text: string) =>
  new RegExp(
    `<w:p[^>]*><w:pPr>(?:<w:pStyle w:val="[^"]+"/>)?<w:rPr><w:ins ${REV}/></w:rPr></w:pPr><w:ins ${REV}><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins></w:p>`,
  );

describe("set_header / set_footer in a document that tracks changes", () => {
  it("keeps the old paragraphs as deletions with their ids and adds the new text as insertions", () => {
    const doc = withHeader(p("Old header") + p("Second line"));
    const oldIds = doc.query("/header[type=default]/paragraph[*]").items!.map((i) => i.id);
    const body = part(doc, "word/document.xml");
    const r = doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["New header"] });
    expect(r).toMatchObject({ created: false, tracked: true });
    const xml = part(doc, HEADER);
    expect(xml).toMatch(deleted("Old header"));
    expect(xml).toMatch(deleted("Second line"));
    expect(xml).toMatch(inserted("New header"));
    expect(xml.indexOf("Second line")).toBeLessThan(xml.indexOf("New header"));
    // Reading shows the header as if the change were accepted; the body part is untouched.
    expect(doc.sectionLayouts()[0].headers.default.text.trim()).toBe("New header");
    expect(part(doc, "word/document.xml")).toBe(body);
    const reopened = DocxDocument.open(doc.save());
    expect(oldIds.map((id) => reopened.pathOf(id as string))).toEqual(["/header[0]/paragraph[0]", "/header[0]/paragraph[1]"]);
  });

  it("on a second edit deletes the pending insertion inside it and leaves deleted paragraphs as they were", () => {
    const doc = withHeader(p("First"));
    doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["Second"] });
    doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["Third"] });
    const xml = part(doc, HEADER);
    expect(xml).toMatch(deleted("First"));
    expect(xml).toMatch(
      new RegExp(
        `<w:pPr><w:rPr><w:ins ${REV}/><w:del ${REV}/></w:rPr></w:pPr><w:ins ${REV}><w:del ${REV}><w:r><w:delText xml:space="preserve">Second</w:delText></w:r></w:del></w:ins></w:p>`,
      ),
    );
    expect(xml).toMatch(inserted("Third"));
    expect(xml.match(/<w:del /g)).toHaveLength(4);
    expect(doc.sectionLayouts()[0].headers.default.text.trim()).toBe("Third");
  });

  it("accepting keeps only the new text, rejecting only the old", () => {
    const edited = () => {
      const doc = withHeader(p("Old header") + p("Second line"));
      doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["New header"] });
      return doc;
    };
    const accepted = edited();
    accepted.acceptRevisions();
    expect(accepted.query("/header[type=default]/paragraph[*]").items!.map((i) => i.text)).toEqual(["New header"]);
    const rejected = edited();
    rejected.rejectRevisions();
    expect(rejected.query("/header[type=default]/paragraph[*]").items!.map((i) => i.text)).toEqual(["Old header", "Second line"]);
  });

  it("writes a new footer's text as inserted, and the new reference in w:sectPrChange", () => {
    const doc = DocxDocument.open(buildDocx(trackedSpec({ body: p("Body") })));
    const r = doc.setHeaderFooter({ kind: "footer", type: "default", section: 0, lines: ["Page {PAGE}"] });
    expect(r).toMatchObject({ created: true, tracked: true });
    const footer = part(doc, "word/footer1.xml");
    expect(footer).toMatch(
      new RegExp(
        `<w:rPr><w:ins ${REV}/></w:rPr></w:pPr><w:ins ${REV}><w:r><w:t xml:space="preserve">Page </w:t></w:r></w:ins><w:fldSimple w:instr=" PAGE "><w:ins ${REV}><w:r>`,
      ),
    );
    expect(part(doc, "word/document.xml")).toMatch(/<w:sectPr><w:footerReference [^>]+\/>.*<w:sectPrChange [^>]+><w:sectPr>/);
  });

  it.runIf(sofficeAvailable())(
    "is shown by LibreOffice as a deletion and an insertion in the header",
    () => {
      const doc = withHeader(p("Old header"));
      doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["New header"] });
      const lo = libreOfficeChanges(doc.save(), "header");
      expect(lo.changes).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: "deletion", text: expect.stringContaining("Old header") })]),
      );
      expect(lo.changes).toEqual(expect.arrayContaining([{ kind: "insertion", text: "New header" }]));
    },
    180_000,
  );

  it("rejects an unknown field and changes nothing", () => {
    const doc = withHeader(p("Old header"));
    const before = doc.save();
    expect(docxFailure(() => doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["{DATE}"] })).message).toContain(
      "Unknown field {DATE}",
    );
    expect(doc.save()).toEqual(before);
  });
});
