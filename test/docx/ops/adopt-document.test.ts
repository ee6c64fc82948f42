import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { LIBREOFFICE_TIMEOUT_MS, sofficeAvailable } from "../../support/libreoffice.js";
import { libreOfficeText } from "../../support/libreoffice-text.js";
import { buildDocx, p } from "../support/build-docx.js";

const text = (doc: DocxDocument) => [...doc.export("markdown")].join("");
const header = (doc: DocxDocument) => doc.query("/header[type=default]", { format: "text" }).text;

const MINE = buildDocx({
  body: p("Title", "Heading1") + p("Shared paragraph") + p("Old wording") + p("Only mine"),
  headers: { default: p("Draft header") },
  styles: '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>',
});
// Another version of the same file, as someone else saved it: text changed, a block added, one removed, a new
// header text, an extra style and a new footnote part.
const THEIRS = buildDocx({
  body: p("Title", "Heading1") + p("Shared paragraph") + p("New wording") + `<w:tbl><w:tr><w:tc>${p("Added cell")}</w:tc></w:tr></w:tbl>`,
  headers: { default: p("Final header") },
  styles:
    '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style><w:style w:type="paragraph" w:styleId="Extra"><w:name w:val="Extra"/></w:style>',
  footnotes: [p("A footnote.")],
});

describe("DocxDocument.adopt", () => {
  it("takes over another version's body and parts as one change that undo reverts and replay re-applies", () => {
    const doc = DocxDocument.open(MINE);
    doc.replaceParagraphText("/body/paragraph[3]", "Only mine, edited"); // an edit in the session first
    doc.takeChange();
    const before = text(doc);
    const result = doc.adopt(DocxDocument.open(THEIRS));
    expect(result.blocksReplaced).toBeGreaterThan(0);
    expect(result.partsChanged).toBeGreaterThan(0);
    const change = doc.takeChange();
    expect(change).not.toBeNull();

    const target = DocxDocument.open(THEIRS);
    expect(text(doc)).toBe(text(target));
    expect(header(doc)).toBe("Final header");
    expect(doc.query("/styles/style[name='Extra']").total).toBe(1);

    // Saved and reopened, it is the other version.
    const reopened = DocxDocument.open(doc.save());
    expect(text(reopened)).toBe(text(target));
    expect(header(reopened)).toBe("Final header");

    // Undo gives the session's document back; replaying the stored change on a cold copy gives the other version.
    doc.revertChange(change!);
    expect(text(doc)).toBe(before);
    expect(header(doc)).toBe("Draft header");
    const cold = DocxDocument.open(MINE);
    cold.replaceParagraphText("/body/paragraph[3]", "Only mine, edited");
    cold.applyChange(JSON.parse(JSON.stringify(doc.takeChange() ?? change)));
    expect(text(cold)).toBe(text(target));
  });

  it.runIf(sofficeAvailable())(
    "gives a file LibreOffice reads as the other version",
    () => {
      const doc = DocxDocument.open(MINE);
      doc.replaceParagraphText("/body/paragraph[3]", "Only mine, edited");
      doc.adopt(DocxDocument.open(THEIRS));
      const adopted = libreOfficeText(doc.save(), "adopted");
      expect(adopted).not.toBeNull();
      expect(adopted).toBe(libreOfficeText(THEIRS, "theirs"));
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  it("keeps unchanged blocks, and their ids, in place", () => {
    const doc = DocxDocument.open(MINE);
    const id = doc.query("/body/paragraph[1]", { format: "json" }).items?.[0].id as string;
    doc.adopt(DocxDocument.open(THEIRS));
    expect(doc.pathOf(id)).toBe("/body/paragraph[1]");
  });

  it("refuses a document whose main part is named differently, changing nothing", () => {
    const doc = DocxDocument.open(MINE);
    const other = DocxDocument.open(buildDocx({ body: p("Elsewhere"), mainPart: "word/main.xml" }));
    expect(() => doc.adopt(other)).toThrow(/main part/);
    expect(doc.takeChange()).toBeNull();
  });
});
