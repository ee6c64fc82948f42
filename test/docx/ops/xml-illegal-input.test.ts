import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { expectValidPackage } from "../support/valid-package.js";

// A LibreOffice-shaped paragraph with a hyperlink, as agents edit them.
const open = () =>
  DocxDocument.open(
    buildDocx({
      body: `${p("Intro")}<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rIdL"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>site</w:t></w:r></w:hyperlink></w:p>`,
      links: { rIdL: "https://example.com/" },
    }),
  );

/** Each call puts a string holding `bad` where it would become document text or an attribute. */
const CALLS: [field: string, call: (doc: DocxDocument, bad: string) => unknown][] = [
  ["text", (doc, bad) => doc.replaceParagraphText("/body/paragraph[0]", `a${bad}`)],
  ["replace", (doc, bad) => doc.replaceText("/body", { find: "Intro", replace: `x${bad}` })],
  ["find", (doc, bad) => doc.replaceText("/body", { find: `In${bad}`, replace: "x" })],
  ["text", (doc, bad) => doc.insertText("/body/paragraph[0]", { text: `x${bad}`, offset: 0 })],
  ["text", (doc, bad) => doc.addComment("/body/paragraph[0]", { text: `note${bad}` })],
  ["author", (doc, bad) => doc.addComment("/body/paragraph[0]", { text: "note", author: `Ann${bad}` })],
  ["initials", (doc, bad) => doc.addComment("/body/paragraph[0]", { text: "note", initials: `A${bad}` })],
  ["author", (doc, bad) => doc.setEditor(`Ann${bad}`)],
  ["style.font_name", (doc, bad) => doc.styleElement({ font_name: `Arial${bad}` })],
  ["style.style", (doc, bad) => doc.styleParagraph({ style: `Heading${bad}` })],
  ["text", (doc, bad) => doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["a", `Head${bad}`] })],
  [
    "operations[0].value.url",
    (doc, bad) =>
      doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "hyperlink", text: "x", url: `https://a.example/${bad}` } }]),
  ],
];

describe("XML-illegal characters in input", () => {
  for (const bad of ["\u0001", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD83D", "\uDE00"]) {
    const code = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    it(`refuses ${code} in every field that becomes document content, naming the field and position`, () => {
      for (const [field, call] of CALLS) {
        const doc = open();
        const failure = docxFailure(() => call(doc, bad));
        expect(failure, field).toMatchObject({ kind: "invalid_argument", field });
        expect(failure.message).toContain(code);
        expect(failure.message).toContain(field);
        expect(doc.takeChange(), field).toBeNull();
      }
    });
  }

  it("gives the position in characters, an emoji before it counting as one", () => {
    const failure = docxFailure(() => open().insertText("/body/paragraph[0]", { text: "😀ab\u0002", offset: 0 }));
    expect(failure).toMatchObject({ field: "text", position: 3 });
  });

  it("accepts tab, newline, carriage return, emoji and non-BMP text", () => {
    const doc = open();
    doc.replaceParagraphText("/body/paragraph[0]", "a\tb\nc 😀 𝔸 \u{10FFFD}");
    const xml = strFromU8(unzipSync(expectValidPackage(doc))["word/document.xml"]);
    expect(xml).toContain("😀 𝔸 \u{10FFFD}");
  });
});

describe("the serializer", () => {
  it("refuses to write an illegal character that reached a tree by any path", () => {
    const doc = open();
    doc.replaceParagraphText("/body/paragraph[0]", "ok");
    // Reach past the input checks, as a future code path might.
    const edited = doc.model.body.blocks.find((b) => b.tree)?.tree;
    expect(edited).toBeDefined();
    const json = JSON.stringify(edited).replace('"ok"', '"o\\u0001k"');
    Object.assign(edited!, JSON.parse(json));
    expect(docxFailure(() => doc.save())).toMatchObject({ kind: "xml_illegal_character", position: 1 });
  });
});
