import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { exported, exportFixture } from "./export-fixture.js";

describe("markdown export", () => {
  const md = exported(exportFixture(), "markdown");

  it("writes headings with their level", () => {
    expect(md).toMatch(/^# Quarterly report$/m);
    expect(md).toMatch(/^## Details$/m);
  });

  it("keeps bold, italic, underline and strike, merging runs that split a word", () => {
    expect(md).toContain("Plain, **bold**, *italic*, <u>underlined</u> and ~~struck~~.");
  });

  it("numbers list items from numbering.xml, with nested letters indented under their parent", () => {
    expect(md).toContain("1. First\n2. Second\n   - a) Nested one\n   - b) Nested two\n3. Third");
  });

  it("writes bullets as list items at their level", () => {
    expect(md).toContain("- Dot\n  - Circle");
  });

  it("restarts at a num's start override and keeps legal-style multi-level labels", () => {
    expect(md).toContain("5. Restarted\n6. Continued");
    expect(md).toContain("- I. Part\n  - I.1. Clause\n  - I.2. Clause");
  });

  it("writes a simple table as a pipe table with the first row as header and pipes escaped", () => {
    expect(md).toContain("| Name | Role |\n| --- | --- |\n| Ada | Engineer \\| lead |");
  });

  it("falls back to an HTML table when cells are merged", () => {
    expect(md).toContain('<tr><td rowspan="2">Region</td><td colspan="2">Sales</td></tr>\n<tr><td>Q1</td><td>Q2</td></tr>');
  });

  it("links external targets through the relationships and internal ones to their bookmark", () => {
    expect(md).toContain("See [the site](<https://example.com/a b>) or [the intro](#intro).");
  });

  it("writes note references as [^n] and defines the notes at the end", () => {
    expect(md).toMatch(/with a note\[\^1\] and an endnote\[\^en1\]/);
    expect(md.trimEnd().split("\n\n").slice(-2)).toEqual(["[^1]: Footnote text.", "[^en1]: Endnote text."]);
  });

  it("marks a comment's exact range and gives its author and text in CriticMarkup", () => {
    expect(md).toContain("Before {==the commented words==}{>>Carol: Please check.<<} after.");
  });

  it("marks tracked insertions and deletions with author and date instead of accepting them", () => {
    expect(md).toContain(
      'Kept <ins data-author="Alice" datetime="2024-05-01T10:00:00Z">added </ins><del data-author="Bob" datetime="2024-05-02T10:00:00Z">removed </del>end.',
    );
  });

  it("shows a field's result, not its code", () => {
    expect(md).toContain("Page 7");
    expect(md).not.toContain("PAGE");
  });

  it("escapes text that would otherwise read as markdown", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("# not a heading") + p("a *star* and [brackets]") + p("1. not a list") }));
    expect(exported(doc, "markdown")).toBe("\\# not a heading\n\na \\*star\\* and \\[brackets\\]\n\n1\\. not a list\n");
  });

  it("streams one chunk per block and keeps no parsed body block", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("one") + p("two") + p("three") }));
    expect([...doc.export("markdown")]).toEqual(["one", "\n\ntwo", "\n\nthree", "\n"]);
    expect(doc.save()).toBeInstanceOf(Uint8Array);
    expect(doc.takeChange()).toBeNull();
  });

  it("refuses an unknown format", () => {
    const failure = docxFailure(() => exportFixture().export("pdf" as "html"));
    expect(failure).toMatchObject({ kind: "invalid_argument", field: "format" });
    expect(failure.message).toContain("markdown, html");
  });
});

describe("markdown export of inline math", () => {
  it("writes an equation in its linear form where it sits in the sentence", () => {
    const root =
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';
    const doc = DocxDocument.open(
      buildDocx({
        rootAttributes: root,
        body: '<w:p><w:r><w:t xml:space="preserve">so </w:t></w:r><m:oMath><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath><w:r><w:t xml:space="preserve"> grows</w:t></w:r></w:p>',
      }),
    );
    expect([...doc.export("markdown")].join("")).toContain("so \\[math: x^2\\] grows");
  });
});
