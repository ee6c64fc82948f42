import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";

const levels = (doc: DocxDocument) => (doc.query("/body/paragraph").items ?? []).map((i) => [i.text, i.level ?? null]);

describe("heading levels", () => {
  it("come from the style's outline level, its basedOn chain, built-in names, or the paragraph's own outline level", () => {
    const doc = DocxDocument.open(
      buildDocx({
        styles:
          '<w:style w:type="paragraph" w:styleId="ChapterTitle"><w:name w:val="Chapter Title"/><w:basedOn w:val="Heading1"/></w:style>' +
          '<w:style w:type="paragraph" w:styleId="Ttulo2"><w:name w:val="heading 2"/></w:style>' +
          '<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>',
        body:
          p("Inherited", "ChapterTitle") +
          p("Localised id", "Ttulo2") +
          p("Body level", "Plain") +
          `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>` +
          `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Overridden</w:t></w:r></w:p>` +
          p("Cover", "Title") +
          p("Unknown style", "NoSuchStyle"),
      }),
    );
    expect(levels(doc)).toEqual([
      ["Inherited", 1],
      ["Localised id", 2],
      ["Body level", null],
      ["Direct", 3],
      ["Overridden", null],
      ["Cover", 0],
      ["Unknown style", null],
    ]);
    expect(doc.query("/body/heading", { format: "text" }).text).toBe("Inherited\nLocalised id\nDirect");
  });
});
