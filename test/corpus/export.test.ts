import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index.js";
import { CORPUS } from "../support/corpus";

const FOLDERS = ["mammoth-test-data", "pandoc", "python-docx", "oxpt-revision-processor"];
const open = (file: string) => DocxDocument.open(readFileSync(join(CORPUS, file)));
const exportOf = (file: string, format: "markdown" | "html") => [...open(file).export(format)].join("");

/** The longest w:t (or w:delText) text inside each w:ins (or w:del) wrapper of a document.xml. */
function revisedTexts(documentXml: string, wrapper: "ins" | "del"): string[] {
  const tag = wrapper === "ins" ? "t" : "delText";
  const out: string[] = [];
  for (const m of documentXml.matchAll(new RegExp(`<w:${wrapper} [^>]*[^/]>([\\s\\S]*?)</w:${wrapper}>`, "g"))) {
    const texts = [...m[1].matchAll(new RegExp(`<w:${tag}(?: [^>]*)?>([^<]*)</w:${tag}>`, "g"))].map((t) => t[1].trim());
    const longest = texts.sort((x, y) => y.length - x.length)[0] ?? "";
    if (longest.length >= 4 && !/[&"]/.test(longest)) out.push(longest);
  }
  return out;
}

describe("export over the corpus", () => {
  for (const folder of FOLDERS) {
    const files = readdirSync(join(CORPUS, folder)).filter((f) => f.endsWith(".docx"));
    it(`exports all ${files.length} files of ${folder} to markdown and html`, () => {
      for (const f of files) {
        const doc = open(`${folder}/${f}`);
        const html = [...doc.export("html")].join("");
        expect(html.trimEnd().endsWith("</html>"), f).toBe(true);
        expect([...doc.export("markdown")].join("").length, f).toBeGreaterThanOrEqual(0);
      }
    });
  }

  it("keeps mammoth's comments with their range, author and text", () => {
    expect(exportOf("mammoth-test-data/comments.docx", "markdown")).toContain(
      "{==Ouch==}{>>Michael Williamson: A tachyon walks into a bar.<<}",
    );
  });

  it("defines mammoth's footnotes and endnotes at the end", () => {
    const md = exportOf("mammoth-test-data/footnotes.docx", "markdown");
    expect(md).toContain("Ouch[^1].[^2]");
    expect(md).toContain("[^1]: A tachyon walks into a bar.");
    expect(exportOf("mammoth-test-data/endnotes.docx", "html")).toContain('<section class="endnotes">');
  });

  it("writes mammoth's and pandoc's simple tables as pipe tables with their cell text", () => {
    expect(exportOf("mammoth-test-data/tables.docx", "markdown")).toContain(
      "| Top left | Top right |\n| --- | --- |\n| Bottom left | Bottom right |",
    );
    expect(exportOf("pandoc/tables.docx", "markdown")).toContain("| Lebron James | Basketball | Very High | Leaving Cleveland |");
  });

  it("keeps pandoc's header rowspan and colspan", () => {
    const html = exportOf("pandoc/table_header_rowspan.docx", "html");
    expect(html).toContain('<td rowspan="2">A</td>');
    expect(html).toContain('<td colspan="3">E</td>');
  });

  it("numbers pandoc's lists from the start value and restarts them", () => {
    const md = exportOf("pandoc/lists_restarting.docx", "markdown");
    expect(md).toContain("2. Foo\n3. Bar\n4. Baz");
    expect(md).toContain("1. Bop.");
    expect(exportOf("pandoc/lists.docx", "markdown")).toContain("1. one\n2. two\n   - a. a\n   - b. b");
  });

  it("resolves pandoc's external, anchored, internal and field hyperlinks", () => {
    const md = exportOf("pandoc/links.docx", "markdown");
    expect(md).toContain("[external link](http://google.com)");
    expect(md).toContain("[internal link](#my_bookmark)");
    expect(exportOf("pandoc/instrText_hyperlink.docx", "markdown")).toContain("](https://books.google.com/books?id=sp_Zcb9ot90C");
  });

  it("marks pandoc's tracked insertions and deletions with their author", () => {
    expect(exportOf("pandoc/track_changes_insertion.docx", "markdown")).toContain(
      '<ins data-author="eng-dept" datetime="2014-06-25T10:40:00Z">two exciting </ins>',
    );
    expect(exportOf("pandoc/track_changes_deletion.docx", "html")).toContain('<del data-author="eng-dept"');
  });

  it("marks every tracked text insertion and deletion of the revision-processor inputs", () => {
    const inputs = readdirSync(join(CORPUS, "oxpt-revision-processor")).filter(
      (f) => f.endsWith(".docx") && !/-(Accepted|Rejected)\.docx$/.test(f),
    );
    let checked = 0;
    for (const f of inputs) {
      const xml = strFromU8(unzipSync(readFileSync(join(CORPUS, "oxpt-revision-processor", f)))["word/document.xml"]);
      const html = exportOf(`oxpt-revision-processor/${f}`, "html");
      for (const [wrapper, tag] of [
        ["ins", "<ins"],
        ["del", "<del"],
      ] as const) {
        const texts = revisedTexts(xml, wrapper);
        if (texts.length === 0) continue;
        expect(html, f).toContain(tag);
        for (const t of texts) expect(html.replace(/<[^>]+>/g, ""), `${f}: ${t}`).toContain(t.slice(0, 12));
        checked += texts.length;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("exports the generated S report with its headings, tables, notes and comments", () => {
    const md = exportOf("generated/S.docx", "markdown");
    expect(md.startsWith("# Annual Operating Review FY2024")).toBe(true);
    expect(md).toMatch(/^# 1\. Regulatory and Compliance$/m);
    expect(md).toContain("| **Version** | **Date** | **Author** | **Summary of changes** |");
    expect(md.match(/^\[\^\d+\]: /gm)?.length).toBe(open("generated/S.docx").count("/footnote[*]"));
    expect(md.match(/\{>>/g)?.length).toBe(open("generated/S.docx").count("/comment[*]"));
    expect(md).toContain("1. Reduce recurring revenue variance to within 28.0%.");
  });

  it("streams the 2,400-page L report without keeping parsed body blocks", () => {
    const doc = open("generated/L.docx");
    let chunks = 0;
    let headings = 0;
    for (const chunk of doc.export("markdown")) {
      chunks++;
      if (/^(\n\n)?#{1,3} /.test(chunk)) headings++;
    }
    expect(chunks).toBeGreaterThan(20_000);
    expect(headings).toBeGreaterThan(300);
    expect(doc.model.body.blocks.every((b) => b.tree === null)).toBe(true);
  });
});
