import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";

/** LibreOffice writes body text with a direct outline level 9 ("Body Text" level), which outranks any style's level. */
const LO_BODY = (text: string) =>
  `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:outlineLvl w:val="9"/><w:rPr></w:rPr></w:pPr><w:r><w:rPr></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
const open = () => DocxDocument.open(buildDocx({ body: LO_BODY("Chapter one") + LO_BODY("Text") + p("Plain") }));
const body = (doc: DocxDocument) => strFromU8(unzipSync(doc.save())["word/document.xml"]);

describe("a heading style on a paragraph with a direct outline level", () => {
  it("makes it a heading by removing the direct level, and says so", () => {
    const doc = open();
    expect(doc.query("/body/heading").items).toEqual([]);
    const outcome = doc.styleParagraph({ style: "Heading1" }, { path: "/body/paragraph[0]" });
    expect(outcome).toMatchObject({ changedCount: 1, outlineLevelsRemoved: 1 });
    expect(outcome.note).toContain("had a direct outline level, which outranks a style's; it was removed");
    expect(doc.query("/body/heading[level=1]").items!.map((h) => h.text)).toEqual(["Chapter one"]);
    expect(body(doc)).toMatch(/<w:pPr><w:pStyle w:val="Heading1"\/><w:rPr><\/w:rPr><\/w:pPr><w:r><w:rPr><\/w:rPr><w:t>Chapter one/);
    expect(DocxDocument.open(doc.save()).query("/body/heading[level=1]").items).toHaveLength(1);
  });

  it("leaves the direct level of paragraphs given a style that is not a heading, and notes nothing", () => {
    const doc = open();
    const outcome = doc.styleParagraph({ style: "Title" }, { path: "/body/paragraph[1]" });
    expect(outcome.note).toBeUndefined();
    expect(body(doc)).toContain('<w:pStyle w:val="Title"/><w:outlineLvl w:val="9"/>');
  });

  it("removes no level from paragraphs that have none", () => {
    const doc = open();
    expect(doc.styleParagraph({ style: "heading 2" }, { path: "/body/paragraph[2]" })).not.toHaveProperty("outlineLevelsRemoved");
    expect(doc.query("/body/heading[level=2]").items!.map((h) => h.text)).toEqual(["Plain"]);
  });
});
