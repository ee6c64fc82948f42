import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, W_NS } from "../support/build-docx.js";
import { expectValidPackage } from "../support/valid-package.js";

const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="${W_NS}"><w:trackRevisions/></w:settings>`;
const tracked = (body: string) => {
  const doc = DocxDocument.open(
    buildDocx({ body, relationships: { rIdSettings: ["settings", "settings.xml"] }, extraParts: { "word/settings.xml": SETTINGS } }),
  );
  doc.setEditor("Reviewer Bot");
  return doc;
};
const documentXml = (doc: DocxDocument) => strFromU8(unzipSync(expectValidPackage(doc))["word/document.xml"]);
const REV = 'w:id="(\\d+)" w:author="Reviewer Bot" w:date="\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"';

describe("text edits in a document that tracks changes", () => {
  it("writes a replacement as the old runs in w:del (w:delText) followed by the new text in w:ins", () => {
    const doc = tracked(`<w:p>${r("pay ten ", "<w:b/>")}${r("dollars", "<w:i/>")}</w:p>`);
    expect(doc.replaceText("/body", { find: "ten dollars", replace: "twenty euros" }).replacementsMade).toBe(1);
    const xml = documentXml(doc);
    const pattern = new RegExp(
      `${r("pay ", "<w:b/>").replace(/[/]/g, "\\/")}` +
        `<w:del ${REV}><w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">ten </w:delText></w:r><w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">dollars</w:delText></w:r></w:del>` +
        `<w:ins ${REV}><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">twenty euros</w:t></w:r></w:ins>`,
    );
    const m = xml.match(pattern);
    expect(m, xml).not.toBeNull();
    expect(m![1]).not.toBe(m![2]);
    // The visible text is the new one; the deleted text stays in the file as a revision.
    expect(DocxDocument.open(expectValidPackage(doc)).query("/body/paragraph[0]").items![0].text).toBe("pay twenty euros");
  });

  it("writes an insertion as a w:ins run in the neighbour's formatting", () => {
    const doc = tracked(`<w:p>${r("Hello world", "<w:b/>")}</w:p>`);
    doc.insertText("/body/paragraph[0]", { text: " big", after: "Hello" });
    expect(documentXml(doc)).toMatch(
      new RegExp(
        `${r("Hello", "<w:b/>").replace(/[/]/g, "\\/")}<w:ins ${REV}><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> big</w:t></w:r></w:ins>${r(" world", "<w:b/>").replace(/[/]/g, "\\/")}`,
      ),
    );
  });

  it("puts a new insertion beside another author's insertion rather than inside it, splitting it when needed", () => {
    const doc = tracked(`<w:p><w:ins w:id="7" w:author="Ann" w:date="2024-01-01T00:00:00Z">${r("abcd")}</w:ins></w:p>`);
    doc.insertText("/body/paragraph[0]", { text: "X", offset: 2 });
    const xml = documentXml(doc);
    expect(xml).toMatch(
      new RegExp(
        `<w:ins w:id="7" w:author="Ann"[^>]*>${r("ab")}</w:ins><w:ins ${REV}>${r("X")}</w:ins><w:ins w:id="(\\d+)" w:author="Ann"[^>]*>${r("cd")}</w:ins>`.replace(
          /\//g,
          "\\/",
        ),
      ),
    );
    expect(DocxDocument.open(expectValidPackage(doc)).query("/body/paragraph[0]").items![0].text).toBe("abXcd");
  });

  it("deletes inside another author's insertion with a w:del nested in it", () => {
    const doc = tracked(`<w:p><w:ins w:id="7" w:author="Ann" w:date="2024-01-01T00:00:00Z">${r("keep drop")}</w:ins></w:p>`);
    doc.replaceText("/body", { find: " drop", replace: "" });
    expect(documentXml(doc)).toMatch(
      new RegExp(
        `<w:ins w:id="7"[^>]*>${r("keep")}<w:del ${REV}><w:r><w:delText xml:space="preserve"> drop</w:delText></w:r></w:del></w:ins>`.replace(
          /\//g,
          "\\/",
        ),
      ),
    );
  });
});
