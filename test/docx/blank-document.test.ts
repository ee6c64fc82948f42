import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createBlankDocx } from "../../src/docx/index.js";

describe("createBlankDocx", () => {
  const parts = unzipSync(createBlankDocx(new Date("2026-01-02T03:04:05Z")));

  it("contains the parts Word needs to open a document", () => {
    expect(Object.keys(parts).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/app.xml",
      "docProps/core.xml",
      "word/_rels/document.xml.rels",
      "word/document.xml",
      "word/styles.xml",
    ]);
  });

  it("defines Normal, Heading1..9, Title and ListParagraph with heading outline levels", () => {
    const styles = strFromU8(parts["word/styles.xml"]);
    for (const id of ["Normal", "Title", "ListParagraph", ...Array.from({ length: 9 }, (_, i) => `Heading${i + 1}`)]) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(styles).toContain('<w:name w:val="heading 3"/>');
    expect(styles.match(/<w:outlineLvl /g)).toHaveLength(9);
  });

  it("stamps the creation time in the core properties", () => {
    expect(strFromU8(parts["docProps/core.xml"])).toContain(">2026-01-02T03:04:05Z</dcterms:created>");
  });
});
