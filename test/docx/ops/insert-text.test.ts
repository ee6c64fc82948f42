import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { expectValidPackage } from "../support/valid-package.js";

const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const documentXml = (doc: DocxDocument) => strFromU8(unzipSync(expectValidPackage(doc))["word/document.xml"]);
const open = () => DocxDocument.open(buildDocx({ body: `<w:p>${r("Dear ", "<w:b/>")}${r("customer", "<w:i/>")}</w:p>` + p("Second") }));

describe("insertText", () => {
  it("inserts at a character offset in the formatting of the character before it", () => {
    const doc = open();
    expect(doc.insertText("/body/paragraph[0]", { text: "valued ", offset: 5 })).toMatchObject({
      path: "/body/paragraph[0]",
      offset: 5,
      text: "Dear valued customer",
    });
    expect(documentXml(doc)).toContain(`${r("Dear ", "<w:b/>")}${r("valued ", "<w:b/>")}${r("customer", "<w:i/>")}`);
  });

  it("inserts inside a run by splitting it, both pieces keeping their formatting", () => {
    const doc = open();
    doc.insertText("/body/paragraph[0]", { text: "-", offset: 9 });
    expect(documentXml(doc)).toContain(`${r("cust", "<w:i/>")}${r("-", "<w:i/>")}${r("omer", "<w:i/>")}`);
  });

  it("inserts after a match in the matched text's formatting", () => {
    const doc = open();
    expect(doc.insertText("/body/paragraph[0]", { text: "s", after: "customer" }).text).toBe("Dear customers");
    expect(documentXml(doc)).toContain(`${r("customer", "<w:i/>")}${r("s", "<w:i/>")}`);
  });

  it("inserts before a match in the formatting of the match's first character", () => {
    const doc = open();
    expect(doc.insertText("/body/paragraph[0]", { text: "dear ", before: "CUSTOMER", matchCase: false }).text).toBe("Dear dear customer");
    expect(documentXml(doc)).toContain(`${r("Dear ", "<w:b/>")}${r("dear ", "<w:i/>")}`);
  });

  it("inserts at offset 0 in the first character's formatting, and into an empty paragraph", () => {
    const doc = DocxDocument.open(buildDocx({ body: `<w:p>${r("x", "<w:b/>")}</w:p><w:p/>` }));
    doc.insertText("/body/paragraph[0]", { text: "+", offset: 0 });
    doc.insertText("/body/paragraph[1]", { text: "filled", offset: 0 });
    const reopened = DocxDocument.open(expectValidPackage(doc));
    expect(reopened.query("/body/paragraph[0]").items![0].text).toBe("+x");
    expect(reopened.query("/body/paragraph[1]").items![0].text).toBe("filled");
    expect(documentXml(doc)).toContain(`${r("+", "<w:b/>")}${r("x", "<w:b/>")}`);
  });

  it("refuses a missing match, an offset past the end, no or several positions and a non-paragraph path, changing nothing", () => {
    const doc = open();
    expect(docxFailure(() => doc.insertText("/body/paragraph[0]", { text: "x", after: "nobody" }))).toMatchObject({
      kind: "invalid_argument",
      field: "after",
      message: expect.stringContaining('does not contain "nobody"'),
    });
    expect(docxFailure(() => doc.insertText("/body/paragraph[0]", { text: "x", offset: 99 }))).toMatchObject({
      kind: "invalid_argument",
      field: "offset",
      message: expect.stringContaining("13 characters"),
    });
    expect(docxFailure(() => doc.insertText("/body/paragraph[0]", { text: "x" }))).toMatchObject({ field: "position" });
    expect(docxFailure(() => doc.insertText("/body/paragraph[0]", { text: "x", offset: 0, after: "Dear" }))).toMatchObject({
      field: "position",
    });
    expect(docxFailure(() => doc.insertText("/body", { text: "x", offset: 0 }))).toMatchObject({ kind: "invalid_argument", field: "path" });
    expect(doc.takeChange()).toBeNull();
  });
});
