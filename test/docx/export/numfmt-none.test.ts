import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";

/** As LibreOffice writes an outline numbering whose first level shows no number (numFmt none, empty lvlText). */
const NUMBERING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="none"/><w:suff w:val="nothing"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:hanging="0"/></w:pPr></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>';
const item = (text: string, level: number) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const open = () =>
  DocxDocument.open(
    buildDocx({
      body: p("Intro") + item("Unnumbered", 0) + item("Numbered", 1),
      relationships: { rIdNum: ["numbering", "numbering.xml"] },
      extraParts: { "word/numbering.xml": NUMBERING },
    }),
  );

describe("a list level with numFmt none", () => {
  it("exports as a plain paragraph, not a bullet, while the levels below it keep counting", () => {
    const md = [...open().export("markdown")].join("");
    expect(md).toContain("Intro\n\nUnnumbered\n\n1. Numbered");
    expect(md).not.toMatch(/[-*] Unnumbered/);
    const html = [...open().export("html")].join("");
    expect(html).toContain("<p>Unnumbered</p>");
    expect(html).toContain('<li><span class="list-label">1.</span>Numbered</li>');
  });

  it("reads as a plain paragraph in the markdown query too, as the export writes it", () => {
    expect(open().query("/body", { format: "markdown" }).text).toMatch(/^Intro\n\nUnnumbered\n\n1\. Numbered/);
  });

  it("says so in the JSON of the paragraph", () => {
    const [none, numbered] = open().query("/body/paragraph[*]").items!.slice(1) as { properties: { list: unknown } }[];
    expect(none.properties.list).toEqual({ num_id: "1", level: 0, number_format: "none" });
    expect(numbered.properties.list).toEqual({ num_id: "1", level: 1, number_format: "decimal" });
  });
});
