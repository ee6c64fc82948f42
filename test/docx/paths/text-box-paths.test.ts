/**
 * Paths into text boxes (`/body/paragraph[N]/textbox[K]/paragraph[M]`) on boxes shaped like Word and LibreOffice
 * write them: a drawing-anchored wps:txbx with w:txbxContent, with and without the VML copy in mc:Fallback.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { sofficeAvailable } from "../../support/libreoffice.js";
import { libreOfficeWords } from "../../support/libreoffice-layout.js";
import { buildDocx } from "../support/build-docx.js";
import { DRAWING_ROOT, drawingBox, run, wordTextBox } from "../support/corpus-shaped.js";
import { docxFailure } from "../support/docx-failure.js";
import { expectValidPackage } from "../support/valid-package.js";

/** A DrawingML-only text box, without a VML copy. */
const plainBox = (paragraphs: string[]) => `<w:r>${drawingBox(paragraphs)}</w:r>`;

const open = (anchor: string) =>
  DocxDocument.open(
    buildDocx({
      body: `<w:p>${run("Before")}</w:p><w:p>${run("Anchor note ")}${anchor}</w:p><w:p>${run("After note")}</w:p>`,
      rootAttributes: DRAWING_ROOT,
    }),
  );
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]);
/** The paragraphs' text of every w:txbxContent in a saved document: the DrawingML box, then its VML twin, if any. */
const boxTexts = (bytes: Uint8Array) =>
  [...documentXml(bytes).matchAll(/<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/g)].map((box) =>
    [...box[1].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
const BOX = "/body/paragraph[1]/textbox[0]";

describe("paths into text boxes", () => {
  it("count_elements and query reach the paragraphs of a text box", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    expect(doc.count("/body/paragraph[1]/textbox[*]")).toBe(1);
    expect(doc.count(`${BOX}/paragraph[*]`)).toBe(2);
    const [item] = doc.query(`${BOX}/paragraph[1]`).items!;
    expect(item).toMatchObject({ type: "paragraph", path: `${BOX}/paragraph[1]`, text: "Second note" });
    expect(item.runs).toEqual([expect.objectContaining({ path: `${BOX}/paragraph[1]/run[0]`, text: "Second note" })]);
    expect(doc.query(`${BOX}/paragraph[text~='first']`).items![0].path).toBe(`${BOX}/paragraph[0]`);
    expect(doc.pathOf(item.id as string)).toBe(`${BOX}/paragraph[1]`);
  });

  it("the anchoring paragraph names its text boxes and their paragraphs' paths, in every format", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    const [anchor] = doc.query("/body/paragraph[1]").items!;
    expect(anchor.text_boxes).toEqual([
      expect.objectContaining({
        type: "textbox",
        path: BOX,
        text: "First note\nSecond note",
        content: [
          expect.objectContaining({ path: `${BOX}/paragraph[0]`, text: "First note" }),
          expect.objectContaining({ path: `${BOX}/paragraph[1]`, text: "Second note" }),
        ],
      }),
    ]);
    expect(doc.query("/body", { format: "summary" }).text).toContain(`${"/body/paragraph[1]"}/textbox[N]/paragraph[M]`);
    expect(doc.query(BOX, { format: "text" }).text).toBe("First note\nSecond note");
    expect(doc.query(`${BOX}/paragraph[*]`, { format: "markdown" }).text).toBe("First note\n\nSecond note");
    expect(doc.query(`${BOX}/paragraph[*]`, { format: "summary" }).text).toContain(`${BOX}/paragraph[1] paragraph`);
  });

  it("insert_text edits only that text-box paragraph, and its VML twin with it", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    const result = doc.insertText(`${BOX}/paragraph[1]`, { text: "updated ", offset: 7 });
    expect(result).toMatchObject({ path: `${BOX}/paragraph[1]`, text: "Second updated note" });
    const boxes = ["First note", "Second updated note"];
    expect(boxTexts(expectValidPackage(doc))).toEqual([boxes, boxes]);
    expect(doc.query("/body/paragraph[1]", { format: "text" }).text).toBe("Anchor note [text box: First note / Second updated note]");
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query(`${BOX}/paragraph[1]`).items![0].text).toBe("Second updated note");
  });

  it("replace_text with a text-box paragraph path replaces nothing outside it", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    const result = doc.replaceText(`${BOX}/paragraph[0]`, { find: "note", replace: "memo", maxCount: 10 });
    expect(result).toMatchObject({ matchesFound: 1, replacementsMade: 1, paragraphs: [{ path: `${BOX}/paragraph[0]` }] });
    const bytes = expectValidPackage(doc);
    const boxes = ["First memo", "Second note"];
    expect(boxTexts(bytes)).toEqual([boxes, boxes]);
    expect(doc.query("/body", { format: "text" }).text).toBe("Before\nAnchor note [text box: First memo / Second note]\nAfter note\n");
  });

  it("replace_text over a whole text box edits each of its paragraphs", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    expect(doc.replaceText(BOX, { find: "note", replace: "memo", maxCount: 10 }).replacementsMade).toBe(2);
    const boxes = ["First memo", "Second memo"];
    expect(boxTexts(expectValidPackage(doc))).toEqual([boxes, boxes]);
    expect(doc.query("/body/paragraph[1]", { format: "text" }).text).toBe("Anchor note [text box: First memo / Second memo]");
  });

  it("replacing a text-box paragraph's whole text replaces its twin's too", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    doc.replaceParagraphText(`${BOX}/paragraph[0]`, "Opening");
    const boxes = ["Opening", "Second note"];
    expect(boxTexts(expectValidPackage(doc))).toEqual([boxes, boxes]);
  });

  it("edits a DrawingML-only text box, which has no twin", () => {
    const doc = open(plainBox(["Only note"]));
    doc.replaceText(`${BOX}/paragraph[0]`, { find: "Only", replace: "Single" });
    doc.insertText(`${BOX}/paragraph[0]`, { text: "!", after: "note" });
    expect(boxTexts(expectValidPackage(doc))).toEqual([["Single note!"]]);
    expect(doc.query(`${BOX}/paragraph[0]`).items![0].text).toBe("Single note!");
  });

  it("leaves a VML twin alone when it does not hold the same text", () => {
    const doc = open(wordTextBox(["New wording"], ["Old wording"]));
    doc.replaceText(`${BOX}/paragraph[0]`, { find: "wording", replace: "text" });
    expect(boxTexts(expectValidPackage(doc))).toEqual([["New text"], ["Old wording"]]);
  });

  it("a text box index past the end names how many boxes the paragraph anchors, and changes nothing", () => {
    const doc = open(wordTextBox(["First note"]));
    const before = documentXml(doc.save());
    const failure = docxFailure(() => doc.insertText("/body/paragraph[1]/textbox[2]/paragraph[0]", { text: "x", offset: 0 }));
    expect(failure.kind).toBe("path_not_found");
    expect(failure.message).toContain("/body/paragraph[1] has 1 textbox (indexes 0-0");
    expect(docxFailure(() => doc.replaceText("/body/paragraph[0]/textbox[0]", { find: "Before", replace: "x" })).message).toContain(
      "/body/paragraph[0] has 0 textboxes",
    );
    expect(docxFailure(() => doc.query("/body/textbox[0]")).kind).toBe("invalid_path");
    // Element edits would part a box from its VML copy: text tools are the way in.
    for (const op of [
      { op: "replace", path: `${BOX}/paragraph[0]`, value: { type: "paragraph", text: "X" } },
      { op: "add", path: `${BOX}/children/0`, value: { type: "paragraph", text: "X" } },
      { op: "remove", path: `${BOX}/paragraph[0]` },
    ]) {
      expect(docxFailure(() => doc.applyPatch([op])).message).toMatch(/text box|is a textbox/);
    }
    expect(documentXml(expectValidPackage(doc))).toBe(before);
  });
});

describe("text-box paths in results and other stories", () => {
  it("replace_text over the body names each text-box paragraph it changed by its path", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    const result = doc.replaceText("/body", { find: "Second", replace: "Other", maxCount: 5 });
    expect(result.examples).toEqual([{ path: `${BOX}/paragraph[1]`, context: "Second note" }]);
    expect(boxTexts(expectValidPackage(doc))).toEqual([
      ["First note", "Other note"],
      ["First note", "Other note"],
    ]);
  });

  it("a tracked insert marks both copies with their own revision ids", () => {
    const doc = open(wordTextBox(["First note"]));
    doc.setTrackChanges(true);
    doc.insertText(`${BOX}/paragraph[0]`, { text: "new ", before: "note" });
    const xml = documentXml(expectValidPackage(doc));
    const ids = [...xml.matchAll(/<w:ins w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(doc.query(`${BOX}/paragraph[0]`).items![0].text).toBe("First new note");
  });

  it("reaches a text box in a header and one nested in another box", () => {
    const ns =
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';
    const header = `<w:p><w:r ${ns}>${drawingBox(["Header box"])}</w:r></w:p>`;
    const nested = `<w:txbxContent><w:p>${run("Outer ")}${plainBox(["Inner"])}</w:p></w:txbxContent>`;
    const body = `<w:p>${run("Anchor ")}<w:r>${drawingBox(["x"]).replace(/<w:txbxContent>[\s\S]*<\/w:txbxContent>/, nested)}</w:r></w:p>`;
    const doc = DocxDocument.open(buildDocx({ body, rootAttributes: DRAWING_ROOT, headers: { default: header } }));
    expect(doc.query("/header[0]/paragraph[0]/textbox[0]/paragraph[0]").items![0].text).toBe("Header box");
    doc.replaceText("/header[0]/paragraph[0]/textbox[0]/paragraph[0]", { find: "Header", replace: "Top" });
    const inner = "/body/paragraph[0]/textbox[0]/paragraph[0]/textbox[0]/paragraph[0]";
    expect(doc.count("/body/paragraph[0]/textbox[*]")).toBe(1);
    expect(doc.query(inner).items![0].text).toBe("Inner");
    doc.insertText(inner, { text: " box", offset: 5 });
    expectValidPackage(doc);
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query("/header[0]/paragraph[0]/textbox[0]", { format: "text" }).text).toBe("Top box");
    expect(reopened.query(inner).items![0].text).toBe("Inner box");
    expect(reopened.query("/body/paragraph[0]/textbox[0]/paragraph[0]").items![0].text).toBe("Outer [text box: Inner box]");
  });
});

describe("LibreOffice reads the edited text box", () => {
  it.runIf(sofficeAvailable())("shows the new text and not the old", () => {
    const doc = open(wordTextBox(["First note", "Second note"]));
    doc.replaceText(`${BOX}/paragraph[1]`, { find: "Second", replace: "Revised" });
    // Its text export leaves frames out, so read the words of the PDF it lays out.
    const words = libreOfficeWords(expectValidPackage(doc), "text-box-path").map((w) => w.word);
    expect(words).toContain("Revised");
    expect(words).not.toContain("Second");
    expect(words).toContain("First");
  });
});
