import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { exported, exportFixture } from "./export-fixture.js";

describe("html export", () => {
  const html = exported(exportFixture(), "html");

  it("is a complete HTML document", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html>")).toBe(true);
    expect(html.trimEnd().endsWith("</body>\n</html>")).toBe(true);
  });

  it("writes headings and run formatting as elements", () => {
    expect(html).toContain("<h1>Quarterly report</h1>");
    expect(html).toContain("<h2>Details</h2>");
    expect(html).toContain("<p>Plain, <strong>bold</strong>, <em>italic</em>, <u>underlined</u> and <s>struck</s>.</p>");
  });

  it("nests lists inside their parent item with the computed labels", () => {
    expect(html).toContain(
      '<li><span class="list-label">2.</span>Second<ol class="docx-list">\n<li><span class="list-label">a)</span>Nested one</li>\n<li><span class="list-label">b)</span>Nested two</li></ol>\n</li>\n<li><span class="list-label">3.</span>Third</li></ol>\n<ul',
    );
    expect(html).toContain(
      '<ul class="docx-list">\n<li><span class="list-label">•</span>Dot<ul class="docx-list">\n<li><span class="list-label">◦</span>Circle</li></ul>',
    );
  });

  it("starts a new list when another list begins at the top level", () => {
    expect(html).toContain(
      '<span class="list-label">6.</span>Continued</li></ol>\n<ol class="docx-list">\n<li><span class="list-label">I.</span>Part',
    );
  });

  it("writes merged cells as colspan and rowspan and leaves out the continued cells", () => {
    expect(html).toContain(
      '<table>\n<tr><td rowspan="2">Region</td><td colspan="2">Sales</td></tr>\n<tr><td>Q1</td><td>Q2</td></tr>\n<tr><td>North</td><td>10</td><td>12</td></tr>\n</table>',
    );
  });

  it("links to external URLs and to bookmarks, which become anchors", () => {
    expect(html).toContain('<a href="https://example.com/a b">the site</a> or <a href="#intro">the intro</a>');
    expect(html).toContain('<a id="intro"></a>Intro text');
  });

  it("links note references to the notes listed at the end, and back", () => {
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>');
    expect(html).toContain('<li id="fn-1">Footnote text. <a href="#fnref-1">↩</a></li>');
    expect(html).toContain('<li id="en-1">Endnote text. <a href="#enref-1">↩</a></li>');
  });

  it("marks a comment's range and lists the comment with its author", () => {
    expect(html).toContain(
      'Before <mark class="comment" data-comments="0">the commented words</mark><sup class="comment-ref"><a href="#comment-0" title="Carol: Please check.">[Carol 1]</a></sup> after.',
    );
    expect(html).toContain('<li id="comment-0"><strong>Carol</strong>: Please check.</li>');
  });

  it("keeps tracked changes as <ins> and <del> with author and date", () => {
    expect(html).toContain(
      '<ins data-author="Alice" datetime="2024-05-01T10:00:00Z">added </ins><del data-author="Bob" datetime="2024-05-02T10:00:00Z">removed </del>end.',
    );
  });

  it("escapes text and keeps comment ranges that cross paragraphs well nested", () => {
    const body =
      `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>a &lt;b&gt; &amp; c</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>second</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`;
    const out = exported(DocxDocument.open(buildDocx({ body, comments: [{ author: "Dan", body: p("Spans two") }] })), "html");
    expect(out).toContain('<p><mark class="comment" data-comments="0">a &lt;b&gt; &amp; c</mark></p>');
    expect(out).toContain('<p><mark class="comment" data-comments="0">second</mark><sup class="comment-ref">');
  });

  it("renders paragraphs of a multi-paragraph cell and nested tables inside the cell", () => {
    const inner = `<w:tbl><w:tr><w:tc>${p("inner")}</w:tc></w:tr></w:tbl>`;
    const body = `<w:tbl><w:tr><w:tc>${p("one")}${p("two")}</w:tc><w:tc>${p("outer")}${inner}</w:tc></w:tr></w:tbl>`;
    const out = exported(DocxDocument.open(buildDocx({ body })), "html");
    expect(out).toContain("<tr><td><p>one</p><p>two</p></td><td><p>outer</p><table>\n<tr><td>inner</td></tr>\n</table></td></tr>");
  });
});
