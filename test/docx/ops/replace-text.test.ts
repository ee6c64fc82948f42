import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { expectValidPackage } from "../support/valid-package.js";

const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]);
/** The body's top-level paragraphs as written. */
const paragraphsOf = (xml: string) => xml.match(/<w:p[ >].*?<\/w:p>/g) ?? [];
const textOf = (doc: DocxDocument, path: string) => doc.query(path).items![0].text as string;

const THREE_RUNS = r("The quick ", "<w:b/>") + r("brown fox", "<w:i/>") + r(" jumps", '<w:color w:val="FF0000"/>');

describe("replaceText", () => {
  it("replaces across three differently formatted runs, each other character keeping its run's formatting", () => {
    const input = buildDocx({ body: p("Before") + `<w:p>${THREE_RUNS}</w:p>` + p("After") });
    const doc = DocxDocument.open(input);
    const result = doc.replaceText("/body", { find: "quick brown fox jumps", replace: "slow cat walks" });
    expect(result).toMatchObject({ matchesFound: 1, replacementsMade: 1 });
    expect(result.paragraphs).toEqual([{ id: expect.any(String), path: "/body/paragraph[1]" }]);
    const saved = expectValidPackage(doc);
    const [before, edited, after] = paragraphsOf(documentXml(saved));
    expect(edited).toContain(`${r("The ", "<w:b/>")}${r("slow cat walks", "<w:b/>")}</w:p>`);
    expect(edited).not.toContain("<w:i/>");
    // Untouched blocks are byte-identical.
    const [origBefore, , origAfter] = paragraphsOf(documentXml(input));
    expect([before, after]).toEqual([origBefore, origAfter]);
    expect(textOf(DocxDocument.open(saved), "/body/paragraph[1]")).toBe("The slow cat walks");
  });

  it("finds and replaces whitespace-only text, such as a double space, and refuses an empty find", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Two  spaces  here") }));
    expect(doc.replaceText("/body", { find: "  ", replace: " ", maxCount: 0 })).toMatchObject({ matchesFound: 2 });
    expect(doc.replaceText("/body", { find: "  ", replace: " ", maxCount: 5 })).toMatchObject({ replacementsMade: 2 });
    expect(textOf(DocxDocument.open(expectValidPackage(doc)), "/body/paragraph[0]")).toBe("Two spaces here");
    expect(docxFailure(() => doc.replaceText("/body", { find: "", replace: "x" }))).toMatchObject({ field: "find" });
  });

  it("keeps the formatting of the characters around a match that ends inside a run", () => {
    const doc = DocxDocument.open(buildDocx({ body: `<w:p>${THREE_RUNS}</w:p>` }));
    doc.replaceText("/body/paragraph[0]", { find: "quick brown", replace: "QB" });
    const xml = documentXml(expectValidPackage(doc));
    expect(xml).toContain(`${r("The ", "<w:b/>")}${r("QB", "<w:b/>")}${r(" fox", "<w:i/>")}${r(" jumps", '<w:color w:val="FF0000"/>')}`);
  });

  it("replaces text inside a hyperlink and keeps the link", () => {
    const body = `<w:p>${r("Visit ")}<w:hyperlink r:id="rIdL">${r("our old site", '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>${r(".")}</w:p>`;
    const doc = DocxDocument.open(buildDocx({ body, links: { rIdL: "https://example.com" } }));
    expect(doc.replaceText("/body", { find: "old", replace: "new" }).replacementsMade).toBe(1);
    const xml = documentXml(expectValidPackage(doc));
    expect(xml).toContain(
      `<w:hyperlink r:id="rIdL">${r("our ", '<w:rStyle w:val="Hyperlink"/>')}${r("new", '<w:rStyle w:val="Hyperlink"/>')}${r(" site", '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`,
    );
    expect(textOf(doc, "/body/paragraph[0]")).toBe("Visit our new site.");
  });

  it("replaces at most max_count matches in document order, and counts them all", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("x and x") + p("x again") + p("no match") }));
    expect(doc.replaceText("/body", { find: "x", replace: "Y", maxCount: 2 })).toMatchObject({
      matchesFound: 3,
      replacementsMade: 2,
      paragraphs: [{ path: "/body/paragraph[0]" }],
    });
    expect([textOf(doc, "/body/paragraph[0]"), textOf(doc, "/body/paragraph[1]")]).toEqual(["Y and Y", "x again"]);
    expect(doc.replaceText("/body", { find: "x", replace: "Y", maxCount: 0 })).toMatchObject({
      matchesFound: 1,
      replacementsMade: 0,
      paragraphs: [],
    });
    expect(doc.takeChange()).not.toBeNull();
  });

  it("counts without changing anything when max_count is 0", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("a a a") }));
    expect(doc.replaceText("/body", { find: "a", replace: "b", maxCount: 0 })).toMatchObject({ matchesFound: 3, replacementsMade: 0 });
    expect(doc.takeChange()).toBeNull();
  });

  it("matches case-insensitively when asked, and exactly by default", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Hello HELLO hello") }));
    expect(doc.replaceText("/body", { find: "hello", replace: "hi", maxCount: 10 })).toMatchObject({ matchesFound: 1 });
    expect(doc.replaceText("/body", { find: "HeLLo", replace: "yo", maxCount: 10, matchCase: false })).toMatchObject({
      matchesFound: 2,
      replacementsMade: 2,
    });
    expect(textOf(doc, "/body/paragraph[0]")).toBe("yo yo hi");
  });

  it("reports no match as zero counts and changes nothing", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Nothing here") }));
    expect(doc.replaceText("/body", { find: "absent", replace: "x" })).toMatchObject({
      matchesFound: 0,
      replacementsMade: 0,
      paragraphs: [],
      skipped: [],
    });
    expect(doc.takeChange()).toBeNull();
  });

  it("refuses a bad path, an empty find and a negative max_count with clear errors, changing nothing", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("one") + p("two") }));
    expect(docxFailure(() => doc.replaceText("/body/paragraph[5]", { find: "o", replace: "0" }))).toMatchObject({
      kind: "path_not_found",
      message: expect.stringContaining("the body has 2 paragraphs"),
    });
    expect(docxFailure(() => doc.replaceText("/body/paragraph[0]/run[0]", { find: "o", replace: "0" }))).toMatchObject({
      kind: "invalid_argument",
      field: "path",
    });
    expect(docxFailure(() => doc.replaceText("/body", { find: "", replace: "0" }))).toMatchObject({
      kind: "invalid_argument",
      field: "find",
    });
    expect(docxFailure(() => doc.replaceText("/body", { find: "o", replace: "0", maxCount: -1 }))).toMatchObject({
      kind: "invalid_argument",
      field: "max_count",
    });
    expect(doc.takeChange()).toBeNull();
  });

  it("works in table cells, headers and footers when the path points there", () => {
    const cell = (t: string) => `<w:tc>${p(t)}</w:tc>`;
    const doc = DocxDocument.open(
      buildDocx({
        body: p("ACME outside") + `<w:tbl><w:tr>${cell("ACME Corp")}${cell("other")}</w:tr></w:tbl>`,
        headers: { default: p("ACME header") },
        footers: { default: p("ACME footer") },
      }),
    );
    expect(doc.replaceText("/body/table[0]", { find: "ACME", replace: "Initech", maxCount: 9 }).paragraphs).toEqual([
      { id: expect.any(String), path: "/body/table[0]/row[0]/cell[0]/paragraph[0]" },
    ]);
    expect(textOf(doc, "/body/paragraph[0]")).toBe("ACME outside");
    expect(textOf(doc, "/body/table[0]/row[0]/cell[0]/paragraph[0]")).toBe("Initech Corp");
    doc.replaceText("/header[0]", { find: "ACME", replace: "Initech" });
    doc.replaceText("/footer[0]", { find: "ACME", replace: "Initech" });
    const reopened = DocxDocument.open(expectValidPackage(doc));
    expect([textOf(reopened, "/header[0]/paragraph[0]"), textOf(reopened, "/footer[0]/paragraph[0]")]).toEqual([
      "Initech header",
      "Initech footer",
    ]);
  });

  it("deletes the match when the replacement is empty, removing runs left without content", () => {
    const doc = DocxDocument.open(buildDocx({ body: `<w:p>${THREE_RUNS}</w:p>` }));
    doc.replaceText("/body", { find: "brown fox", replace: "" });
    expect(textOf(doc, "/body/paragraph[0]")).toBe("The quick  jumps");
    expect(documentXml(expectValidPackage(doc))).not.toContain("<w:i/>");
  });
});

describe("replaceText across a hyperlink's edge", () => {
  it("keeps the characters the replacement shares with the match in their link", () => {
    const body = `<w:p>${r("see ")}<w:hyperlink r:id="rIdL">${r("link", "<w:u/>")}</w:hyperlink>${r(" end")}</w:p>`;
    const doc = DocxDocument.open(buildDocx({ body, links: { rIdL: "https://example.com" } }));
    doc.replaceText("/body", { find: "see link", replace: "no link" });
    expect(documentXml(expectValidPackage(doc))).toContain(
      `${r("no ")}<w:hyperlink r:id="rIdL">${r("link", "<w:u/>")}</w:hyperlink>${r(" end")}</w:p>`,
    );
  });

  it("drops a hyperlink whose characters are all replaced by text that lands outside it", () => {
    const body = `<w:p>${r("see ")}<w:hyperlink r:id="rIdL">${r("link", "<w:u/>")}</w:hyperlink>${r(" end")}</w:p>`;
    const doc = DocxDocument.open(buildDocx({ body, links: { rIdL: "https://example.com" } }));
    doc.replaceText("/body", { find: "see link", replace: "see" });
    expect(documentXml(expectValidPackage(doc))).toContain(`${r("see")}${r(" end")}</w:p>`);
    expect(documentXml(expectValidPackage(doc))).not.toContain("w:hyperlink");
  });
});

describe("text past the first 120 characters", () => {
  // Runs that end exactly at the preview length (120 characters), then more text: the body scanner once took such a
  // paragraph's 120-character preview for its whole text, so reads cut it short and replace skipped the rest.
  const head = "a".repeat(50);
  const middle = "b".repeat(70);
  const body = `<w:p>${r(head)}${r(middle)}${r(" then the tail")}</w:p>`;

  it("reads the whole paragraph", () => {
    const doc = DocxDocument.open(buildDocx({ body }));
    expect(textOf(doc, "/body/paragraph[0]")).toBe(`${head}${middle} then the tail`);
    expect(doc.query("/body/paragraph[text~='the tail']").total).toBe(1);
  });

  it("replaces a match after the first 120 characters", () => {
    const doc = DocxDocument.open(buildDocx({ body }));
    expect(doc.replaceText("/body", { find: "tail", replace: "end" })).toMatchObject({ matchesFound: 1, replacementsMade: 1 });
    expect(textOf(doc, "/body/paragraph[0]")).toBe(`${head}${middle} then the end`);
  });
});
