/**
 * Text edits on paragraphs shaped like LibreOffice and pandoc write them: adjacent hyperlinks, PAGE / NUMPAGES fields,
 * inline OMML math, drawings, note references and emoji. Each case reproduces a way an edit used to lose content.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, ROOT_NS } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { expectValidPackage } from "../support/valid-package.js";

const M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math";
const WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const ROOT = `${ROOT_NS} xmlns:m="${M_NS}" xmlns:wp="${WP_NS}" xmlns:a="${A_NS}"`;
const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const LINK = '<w:rStyle w:val="Hyperlink"/>';
const link = (id: string, text: string) => `<w:hyperlink r:id="${id}">${r(text, LINK)}</w:hyperlink>`;
// LibreOffice writes page numbers as complex fields with the result between separate and end.
const field = (instr: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> ${instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const MATH = "<m:oMath><m:r><m:t>x</m:t></m:r><m:r><m:t>=1</m:t></m:r></m:oMath>";
// pandoc's inline image: a wp:inline drawing in its own run.
const DRAWING =
  '<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture 1" descr="a cat"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r>';

const open = (body: string, extra: { links?: Record<string, string>; footnotes?: string[] } = {}) =>
  DocxDocument.open(buildDocx({ body, rootAttributes: ROOT, ...extra }));
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]);
const textOf = (doc: DocxDocument, path = "/body/paragraph[0]") => doc.query(path).items![0].text as string;

describe("replace_text over adjacent hyperlinks", () => {
  const body = `<w:p>${r("Read ")}${link("rIdA", "one")}${link("rIdB", "two")}${r(" now")}</w:p>`;
  const links = { rIdA: "https://a.example/", rIdB: "https://b.example/" };

  it("keeps two links with their own targets when a match spans both", () => {
    const doc = open(body, { links });
    expect(doc.replaceText("/body", { find: "onetwo", replace: "ONETWO" })).toMatchObject({ replacementsMade: 1, skippedCount: 0 });
    const xml = documentXml(expectValidPackage(doc));
    expect(xml).toContain(
      `${r("Read ")}<w:hyperlink r:id="rIdA">${r("ONE", LINK)}</w:hyperlink><w:hyperlink r:id="rIdB">${r("TWO", LINK)}</w:hyperlink>`,
    );
    expect(textOf(doc)).toBe("Read ONETWO now");
  });

  it("keeps each character's link when a match starts before the first link", () => {
    const doc = open(body, { links });
    doc.replaceText("/body", { find: "Read onetwo", replace: "See ONE-TWO" });
    const xml = documentXml(expectValidPackage(doc));
    expect(xml).toMatch(/<w:hyperlink r:id="rIdA">.*<\/w:hyperlink><w:hyperlink r:id="rIdB">.*<\/w:hyperlink>/);
    expect(textOf(doc)).toBe("See ONE-TWO now");
  });

  it("keeps both links as tracked insertions and deletions inside each", () => {
    const doc = open(body, { links });
    doc.setTrackChanges(true);
    doc.replaceText("/body", { find: "onetwo", replace: "ONETWO" });
    const xml = documentXml(expectValidPackage(doc));
    const [a, b] = xml.match(/<w:hyperlink r:id="rId[AB]">.*?<\/w:hyperlink>/g)!;
    expect(a).toMatch(/<w:del .*<w:delText[^>]*>one<.*<w:ins .*<w:t[^>]*>ONE</);
    expect(b).toMatch(/<w:del .*<w:delText[^>]*>two<.*<w:ins .*<w:t[^>]*>TWO</);
  });
});

describe("replace_text next to fields", () => {
  const body = `<w:p>${r("page ")}${field("PAGE", "2")}${r(" of ")}${field("NUMPAGES", "4")}${r(".")}</w:p>`;

  it("skips a match that crosses a field and reports why and where, changing nothing", () => {
    const doc = open(body);
    const result = doc.replaceText("/body", { find: "page 2 of 4", replace: "page X of Y" });
    expect(result).toMatchObject({ matchesFound: 1, replacementsMade: 0, skippedCount: 1, paragraphs: [] });
    expect(result.skipped).toEqual([{ path: "/body/paragraph[0]", reason: expect.stringContaining("a field"), context: "page 2 of 4." }]);
    expect(doc.takeChange()).toBeNull();
  });

  it("skips a match inside a PAGE field's result, which Word recomputes", () => {
    const doc = open(body);
    expect(doc.replaceText("/body", { find: "2", replace: "X" }).skipped[0].reason).toContain("PAGE field");
    expect(doc.takeChange()).toBeNull();
  });

  it("replaces text beside the fields and leaves every field as it was", () => {
    const input = open(body);
    const before = documentXml(input.save());
    const doc = open(body);
    doc.replaceText("/body", { find: " of ", replace: " / " });
    const after = documentXml(expectValidPackage(doc));
    for (const f of [field("PAGE", "2"), field("NUMPAGES", "4")]) {
      expect(before).toContain(f);
      expect(after).toContain(f);
    }
    expect(textOf(doc)).toBe("page [PAGE: 2] / [NUMPAGES: 4].");
  });

  it("deletes tracked text sharing a run with a field's end without deleting the field character", () => {
    // Word and LibreOffice often keep a field's end and the text after it in one run.
    const merged = `<w:p>${r("page ")}${field("PAGE", "2").replace('<w:r><w:fldChar w:fldCharType="end"/></w:r>', "")}<w:r><w:fldChar w:fldCharType="end"/><w:t xml:space="preserve"> of all</w:t></w:r></w:p>`;
    const doc = open(merged);
    doc.setTrackChanges(true);
    expect(doc.replaceText("/body", { find: " of all", replace: " in total" }).replacementsMade).toBe(1);
    const tracked = expectValidPackage(doc);
    expect(documentXml(tracked)).toMatch(/<w:r><w:fldChar w:fldCharType="end"\/><\/w:r><w:del /);
    const accepted = DocxDocument.open(tracked);
    accepted.acceptRevisions();
    expectValidPackage(accepted);
    expect(textOf(accepted)).toBe("page [PAGE: 2] in total");
  });

  it("skips a match that crosses a simple field", () => {
    const doc = open(`<w:p>${r("Total: ")}<w:fldSimple w:instr=" NUMPAGES ">${r("4")}</w:fldSimple>${r(" pages")}</w:p>`);
    expect(doc.replaceText("/body", { find: "Total: 4", replace: "x" })).toMatchObject({ replacementsMade: 0, skippedCount: 1 });
    expect(doc.takeChange()).toBeNull();
  });

  it("replaces text inside a HYPERLINK field's result", () => {
    const doc = open(`<w:p>${field('HYPERLINK "https://a.example/"', "old site")}</w:p>`);
    expect(doc.replaceText("/body", { find: "old", replace: "new" }).replacementsMade).toBe(1);
    expectValidPackage(doc);
    expect(textOf(doc)).toBe("new site");
  });
});

describe("replace_text next to inline atoms", () => {
  it("skips a match that crosses inline math instead of moving the equation", () => {
    const doc = open(`<w:p>${r("where ")}${MATH}${r(" is true")}</w:p>`);
    expect(doc.replaceText("/body", { find: "where  is", replace: "when" }).skipped[0].reason).toContain("an equation at character 6");
    expect(doc.takeChange()).toBeNull();
  });

  it("skips a match that crosses a drawing", () => {
    const doc = open(`<w:p>${r("see ")}${DRAWING}${r(" here")}</w:p>`);
    expect(doc.replaceText("/body", { find: "see  here", replace: "x" }).skipped[0].reason).toContain("a drawing");
    expect(doc.takeChange()).toBeNull();
  });

  it("skips a match that crosses a footnote reference", () => {
    const doc = open(`<w:p>${r("claim")}<w:r><w:footnoteReference w:id="1"/></w:r>${r(" holds")}</w:p>`, {
      footnotes: ["<w:p><w:r><w:t>source</w:t></w:r></w:p>"],
    });
    expect(doc.replaceText("/body", { find: "claim holds", replace: "x" }).skipped[0].reason).toContain("a footnote reference");
    expect(doc.takeChange()).toBeNull();
  });

  it("replaces right up to an atom and keeps it in place", () => {
    const doc = open(`<w:p>${r("where ")}${MATH}${r(" is true")}</w:p>`);
    doc.replaceText("/body", { find: "where ", replace: "if " });
    doc.replaceText("/body", { find: " is", replace: " was" });
    expect(documentXml(expectValidPackage(doc))).toContain(`${r("if ")}${MATH}${r(" was")}${r(" true")}`);
  });
});

describe("text offsets count characters, not UTF-16 units", () => {
  const body = `<w:p>${r("I 😀 you")}</w:p>`;

  it("inserts after an emoji at the offset a person counts", () => {
    const doc = open(body);
    expect(doc.insertText("/body/paragraph[0]", { text: "!", offset: 3 })).toMatchObject({ offset: 3, text: "I 😀! you" });
    expect(documentXml(expectValidPackage(doc))).not.toContain("\uFFFD");
    expect(textOf(doc)).toBe("I 😀! you");
  });

  it("refuses an offset past the end, counting the emoji as one character", () => {
    const doc = open(body);
    expect(docxFailure(() => doc.insertText("/body/paragraph[0]", { text: "!", offset: 8 }))).toMatchObject({
      field: "offset",
      message: expect.stringContaining("7 characters"),
    });
    expect(doc.insertText("/body/paragraph[0]", { text: "!", offset: 7 }).text).toBe("I 😀 you!");
  });

  it("replaces an emoji whole and counts matches of it", () => {
    const doc = open(`<w:p>${r("😀😀 and 😀")}</w:p>`);
    expect(doc.replaceText("/body", { find: "😀", replace: "☺", maxCount: 2 })).toMatchObject({ matchesFound: 3, replacementsMade: 2 });
    expectValidPackage(doc);
    expect(textOf(doc)).toBe("☺☺ and 😀");
  });
});

describe("replace_text at scale", () => {
  it("replaces thousands of matches across runs in one paragraph exactly as a string replace would", () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i % 7} e`);
    const runs = words.map((w, i) => r(w + " ", i % 2 ? "<w:b/>" : "")).join("");
    const doc = open(`<w:p>${runs}</w:p>`);
    const text = words.map((w) => w + " ").join("");
    const result = doc.replaceText("/body", { find: "e w", replace: "E-W", maxCount: 10_000 });
    expect(result.replacementsMade).toBe(text.split("e w").length - 1);
    expect(result.examples.length).toBe(20);
    for (const e of result.examples) expect(e.context.length).toBeLessThanOrEqual(2 * 40 + 3 + 2);
    const written = [...documentXml(expectValidPackage(doc)).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(written).toBe(text.replaceAll("e w", "E-W"));
  });

  it("tracks thousands of replacements across runs that accept to the replaced text and reject to the original", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i % 7} e`);
    const runs = words.map((w, i) => r(w + " ", i % 2 ? "<w:b/>" : "")).join("");
    const text = words.map((w) => w + " ").join("");
    const doc = open(`<w:p>${runs}</w:p>`);
    doc.setTrackChanges(true);
    doc.replaceText("/body", { find: "e w", replace: "E-W", maxCount: 10_000 });
    const tracked = expectValidPackage(doc);
    const written = (bytes: Uint8Array) => [...documentXml(bytes).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    for (const [how, expected] of [
      ["accept", text.replaceAll("e w", "E-W")],
      ["reject", text],
    ] as const) {
      const resolved = DocxDocument.open(tracked);
      if (how === "accept") resolved.acceptRevisions();
      else resolved.rejectRevisions();
      expect(written(expectValidPackage(resolved)), how).toBe(expected);
    }
  });

  it("refuses more than 10,000 replacements before changing anything, saying how to narrow", () => {
    const doc = open(`<w:p>${r("a ".repeat(10_001))}</w:p>`);
    expect(docxFailure(() => doc.replaceText("/body", { find: "a", replace: "b", maxCount: 20_000 }))).toMatchObject({
      kind: "invalid_argument",
      field: "max_count",
      message: expect.stringContaining("narrow it with a path"),
    });
    expect(doc.takeChange()).toBeNull();
    expect(doc.replaceText("/body", { find: "a", replace: "b", maxCount: 10_000 }).replacementsMade).toBe(10_000);
  });

  it("returns a bounded snippet, not the whole paragraph, after inserting into a long one", () => {
    const doc = open(`<w:p>${r("x".repeat(5000))}</w:p>`);
    const result = doc.insertText("/body/paragraph[0]", { text: "HERE", offset: 2500 });
    expect(result.text.length).toBeLessThan(100);
    expect(result.text).toContain("HERE");
  });
});

describe("quote-insensitive matching", () => {
  it("lets straight quotes an agent types match the typographic ones a document holds, when asked", () => {
    const doc = open(`<w:p>${r("It’s the “final” draft")}</w:p>`);
    expect(doc.replaceText("/body", { find: `It's the "final"`, replace: "This is the last" })).toMatchObject({ matchesFound: 0 });
    expect(doc.replaceText("/body", { find: `It's the "final"`, replace: "This is the last", anyQuotes: true })).toMatchObject({
      replacementsMade: 1,
    });
    expect(textOf(doc)).toBe("This is the last draft");
    expect(doc.insertText("/body/paragraph[0]", { text: "!", after: "last", anyQuotes: true }).text).toBe("This is the last! draft");
  });

  it("selects a paragraph by a filter holding an escaped quote", () => {
    const doc = open(`<w:p>${r("it's here")}</w:p><w:p>${r("other")}</w:p>`);
    expect(doc.query("/body/paragraph[text~='it\\'s']").items!.map((i) => i.path)).toEqual(["/body/paragraph[0]"]);
  });
});

describe("replace_text in text boxes", () => {
  // Word writes a text box twice: DrawingML in mc:Choice and VML in mc:Fallback.
  const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:txbxContent>`;
  const TEXT_BOX_RUN =
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="3" name="Text Box 3"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>' +
    box("Boxed note") +
    "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" +
    box("Boxed note") +
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
  const ROOT_WITH_SHAPES = `${ROOT} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`;

  it("finds and replaces text inside a text box, in both its DrawingML and VML copies", () => {
    const doc = DocxDocument.open(buildDocx({ body: `<w:p>${r("Intro ")}${TEXT_BOX_RUN}</w:p>`, rootAttributes: ROOT_WITH_SHAPES }));
    const result = doc.replaceText("/body", { find: "Boxed", replace: "Framed", maxCount: 10 });
    expect(result).toMatchObject({ matchesFound: 1, replacementsMade: 1, paragraphs: [{ path: "/body/paragraph[0]" }] });
    expect(result.examples[0].path).toBe("/body/paragraph[0]/textbox[0]/paragraph[0]");
    const xml = documentXml(expectValidPackage(doc));
    expect(xml.match(/>Framed</g)).toHaveLength(2);
    expect(xml).not.toContain("Boxed");
    expect(doc.query("/body/paragraph[0]", { format: "text" }).text).toBe("Intro [text box: Framed note]");
  });
});
