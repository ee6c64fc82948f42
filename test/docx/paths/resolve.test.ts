import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";

const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
const table = (rows: string[][]) =>
  `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;

const fixture = () =>
  DocxDocument.open(
    buildDocx({
      body:
        p("Annual report", "Title") +
        p("Introduction", "Heading1") +
        p("The budget grew by 5%.") +
        `<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>First point</w:t></w:r></w:p>` +
        p("Scope", "Heading2") +
        `<w:p w14:paraId="1A2B3C4D"><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>link text</w:t></w:r></w:hyperlink><w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins><w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> in sdt</w:t></w:r></w:sdtContent></w:sdt></w:p>` +
        table([
          [p("A1"), p("B1")],
          [p("A2"), table([[p("inner 1"), p("inner 2")]]) + p("")],
        ]) +
        `<w:p><w:pPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:pPr><w:r><w:t>End of section one</w:t></w:r></w:p>` +
        p("Details", "Heading2") +
        p("More budget talk.") +
        table([[p("only")]]),
      headers: { default: p("Default header"), first: p("First page header") },
      footers: { first: p("First footer"), default: p("Default footer") },
      footnotes: [p("Footnote one"), p("Footnote two")],
      comments: [{ author: "Ann", body: p("Please check") }],
      links: { rIdLink: "https://example.com/x" },
    }),
  );

const paths = (doc: DocxDocument, path: string) => (doc.query(path, { format: "json" }).items ?? []).map((i) => i.path);
const texts = (doc: DocxDocument, path: string) => doc.query(path, { format: "text" }).text!.split("\n");

describe("resolving paths", () => {
  const doc = fixture();

  it("selects paragraphs by index, negative index and [*]", () => {
    expect(texts(doc, "/body/paragraph[0]")).toEqual(["Annual report"]);
    expect(texts(doc, "/body/p[-1]")).toEqual(["More budget talk."]);
    expect(doc.count("/body/paragraph[*]")).toBe(9);
    expect(doc.count("/body/paragraph")).toBe(9);
  });

  it("selects headings by level; Title is not a heading unless level 0 is asked for", () => {
    expect(texts(doc, "/body/heading")).toEqual(["Introduction", "Scope", "Details"]);
    expect(texts(doc, "/body/heading[level=2]")).toEqual(["Scope", "Details"]);
    expect(texts(doc, "/body/heading[level=0]")).toEqual(["Annual report"]);
    expect(paths(doc, "/body/heading[level=2][1]")).toEqual(["/body/paragraph[7]"]);
  });

  it("filters by text (contains, case-insensitive; or exact), style and id", () => {
    expect(texts(doc, "/body/paragraph[text~='BUDGET']")).toEqual(["The budget grew by 5%.", "More budget talk."]);
    expect(texts(doc, "/body/paragraph[text='Scope']")).toEqual(["Scope"]);
    expect(texts(doc, "/body/paragraph[style='ListBullet']")).toEqual(["First point"]);
    expect(texts(doc, "/body/paragraph[style='List Bullet']")).toEqual(["First point"]);
    expect(paths(doc, "/body/paragraph[id='1a2b3c4d']")).toEqual(["/body/paragraph[5]"]);
  });

  it("returns an empty result, not an error, when a filter matches nothing", () => {
    const r = doc.query("/body/paragraph[text~='no such words']");
    expect(r).toMatchObject({ total: 0, returned: 0, next_offset: null, items: [] });
    expect(doc.count("/body/heading[level=7]")).toBe(0);
    expect(doc.query("/body/paragraph[text~='nothing'][0]").total).toBe(0);
  });

  it("walks tables, rows, cells and nested tables", () => {
    expect(texts(doc, "/body/table[0]/row[1]/cell[0]/paragraph[0]")).toEqual(["A2"]);
    expect(texts(doc, "/body/tbl[0]/tr[1]/tc[1]/tbl[0]/tr[0]/tc[1]")).toEqual(["inner 2"]);
    expect(doc.count("/body/table[0]/row")).toBe(2);
    expect(doc.count("/body/table/row")).toBe(3);
    expect(doc.query("/body/table[0]").items![0]).toMatchObject({
      type: "table",
      rows: 2,
      columns: 2,
      style: "TableGrid",
      cells: [
        ["A1", "B1"],
        ["A2", "inner 1\tinner 2\n"],
      ],
    });
  });

  it("reaches runs inside hyperlinks, w:ins and SDTs, and hyperlinks with their URL", () => {
    expect(texts(doc, "/body/paragraph[5]/run")).toEqual(["Bold ", "link text", " inserted", " in sdt"]);
    expect(doc.query("/body/paragraph[5]/run[0]").items![0]).toMatchObject({ text: "Bold ", bold: true });
    expect(doc.query("/body/paragraph[5]/run[2]").items![0]).toMatchObject({ revision: "inserted" });
    const deleted = DocxDocument.open(
      buildDocx({
        body: `<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>old words</w:delText></w:r></w:del><w:r><w:t>kept</w:t></w:r></w:p>`,
      }),
    );
    expect(deleted.query("/body/paragraph[0]").items![0]).toMatchObject({
      text: "kept",
      runs: [{ revision: "deleted", text: "", deleted_text: "old words" }, { text: "kept" }],
    });
    expect(doc.query("/body/paragraph[5]/hyperlink[0]").items![0]).toMatchObject({ url: "https://example.com/x", text: "link text" });
    const linkRun = doc.query("/body/paragraph[5]/hyperlink[0]/run[0]").items![0];
    const sameRun = doc.query("/body/paragraph[5]/run[1]").items![0];
    expect(linkRun.id).toBe(sameRun.id);
    expect(linkRun.style).toBe("Hyperlink");
  });

  it("lists drawings with their size and image part, and bookmarks with their names", () => {
    const drawing =
      `<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="476250"/><wp:docPr id="1" name="Chart 1" descr="Revenue chart"/>` +
      `<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const pics = DocxDocument.open(
      buildDocx({
        body: `<w:p><w:bookmarkStart w:id="7" w:name="_Results"/>${drawing}<w:r><w:pict><v:shape/></w:pict></w:r><w:bookmarkEnd w:id="7"/></w:p>`,
        relationships: { rIdImg: ["image", "media/chart.png"] },
        extraParts: { "word/media/chart.png": new Uint8Array([137, 80, 78, 71]) },
      }),
    );
    expect(pics.query("/body/paragraph[0]/drawing").items).toMatchObject([
      {
        type: "drawing",
        kind: "inline",
        name: "Chart 1",
        description: "Revenue chart",
        width_px: 100,
        height_px: 50,
        image: "word/media/chart.png",
      },
      { type: "drawing", kind: "vml" },
    ]);
    expect(pics.query("/body/paragraph[0]/bookmark[name='_results']").items).toMatchObject([
      { type: "bookmark", name: "_Results", bookmark_id: "7" },
    ]);
    expect(pics.query("/body/paragraph[0]/run[0]/drawing").total).toBe(1);
  });

  it("answers .../style with the style definition", () => {
    expect(doc.query("/body/paragraph[1]/style").items![0]).toMatchObject({ type: "style", style_id: "Heading1", heading_level: 1 });
    expect(doc.query("/body/paragraph[2]/style").items![0]).toMatchObject({ style_id: "Normal", default: true });
  });

  it("answers a run's character style and lists styles in every format", () => {
    const styled = DocxDocument.open(buildDocx({ body: `<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>bold</w:t></w:r></w:p>` }));
    expect(styled.query("/body/paragraph[0]/run[0]/style").items![0]).toMatchObject({ style_id: "Strong", style_type: "character" });
    expect(styled.query("/styles/style[name='heading 1']", { format: "summary" }).text).toMatch(
      /^\/styles\/style\[\d+\] style \(style_id=Heading1 name="heading 1"\)$/,
    );
    // /styles lists the styles one item each, so a long style sheet pages like the body.
    const styles = styled.query("/styles", { limit: 3 });
    expect(styles).toMatchObject({ total: 7, returned: 3, next_offset: 3 });
    expect(styles.items![0]).toMatchObject({ type: "style", path: "/styles/style[0]" });
    expect(styled.count("/styles")).toBe(7);
  });

  it("selects sections and their blocks", () => {
    expect(doc.count("/body/section")).toBe(2);
    expect(doc.query("/body/section[0]").items![0]).toMatchObject({ type: "section", first_block: 0, last_block: 7 });
    expect(texts(doc, "/body/section[1]/paragraph")).toEqual(["Details", "More budget talk."]);
    expect(paths(doc, "/body/section[1]/paragraph[0]")).toEqual(["/body/paragraph[7]"]);
  });

  it("selects headers and footers by reference type", () => {
    expect(doc.query("/header[type=default]", { format: "text" }).text).toBe("Default header");
    expect(doc.query("/header[type=first]", { format: "text" }).text).toBe("First page header");
    expect(doc.query("/footer[type=first]", { format: "text" }).text).toBe("First footer");
    expect(doc.query("/footer[type=even]").total).toBe(0);
    expect(texts(doc, "/header[type=first]/paragraph[0]")).toEqual(["First page header"]);
  });

  it("selects footnotes, comments, metadata and styles", () => {
    expect(doc.query("/footnote[1]").items![0]).toMatchObject({ type: "footnote", note_id: "2", text: "Footnote two" });
    expect(doc.query("/comment[0]").items![0]).toMatchObject({ type: "comment", author: "Ann", text: "Please check" });
    expect(doc.query("/comment[author='ann']").total).toBe(1);
    expect(doc.query("/metadata").items![0]).toMatchObject({
      counts: { paragraphs: 9, tables: 2, headings: 3, sections: 2, footnotes: 2, comments: 1 },
    });
    expect(doc.count("/styles/style")).toBeGreaterThanOrEqual(7);
    expect(doc.query("/styles/style[name='heading 2']").items![0]).toMatchObject({ style_id: "Heading2" });
  });

  it("gives a comment's anchored text, even across runs and paragraphs", () => {
    const anchored = DocxDocument.open(
      buildDocx({
        body:
          p("before") +
          `<w:p><w:r><w:t xml:space="preserve">Revenue </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>gre</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>w 5%</w:t></w:r></w:p>` +
          `<w:p><w:r><w:t>next year</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve"> too</w:t></w:r></w:p>`,
        comments: [{ author: "Ann", body: p("Source?") }],
      }),
    );
    expect(anchored.query("/comment[0]").items![0]).toMatchObject({
      comment_id: "0",
      text: "Source?",
      anchor: { path: "/body/paragraph[1]", text: "grew 5%\nnext year" },
    });
    expect(anchored.query("/body/paragraph[2]").items![0].comments).toEqual([{ comment_id: "0", author: "Ann", text: "Source?" }]);
  });

  it("gives the same text from the scan preview and from the parsed paragraph", () => {
    const moved = DocxDocument.open(
      buildDocx({
        body: `<w:p><w:moveFrom w:id="1" w:author="A"><w:r><w:t>gone </w:t></w:r></w:moveFrom><w:r><w:t>here</w:t></w:r><w:r><w:drawing><wps:txbx><w:txbxContent>${p("box")}</w:txbxContent></wps:txbx></w:drawing></w:r><w:r><w:tab/><w:t>end</w:t></w:r></w:p>`,
      }),
    );
    // Readers show the text box where it sits; the paragraph's own text (what filters and edits see) leaves it out.
    expect(moved.query("/body/paragraph[0]", { format: "text" }).text).toBe("here[text box: box]\tend");
    expect(moved.query("/body/paragraph[0]").items![0].text).toBe("here[text box: box]\tend");
    expect(moved.count("/body/paragraph[text='here\tend']")).toBe(1);
    const table = DocxDocument.open(
      buildDocx({ body: `<w:tbl><w:tr><w:tc>${p("a")}</w:tc><w:tc>${p("b")}</w:tc></w:tr><w:tr><w:tc>${p("c")}</w:tc></w:tr></w:tbl>` }),
    );
    expect(table.count("/body/table[text='a\tb\nc']")).toBe(1);
    expect(table.query("/body", { format: "summary" }).text).toContain("/body/table[0] table (2 rows, id=");
  });

  it("selects endnotes, skipping the separator notes", () => {
    const withEndnotes = DocxDocument.open(buildDocx({ body: p("x"), endnotes: [p("First endnote"), p("Second endnote")] }));
    expect(withEndnotes.query("/endnote", { format: "text" }).text).toBe("First endnote\nSecond endnote");
    expect(withEndnotes.query("/endnote[-1]").items![0]).toMatchObject({ type: "endnote", note_id: "2" });
  });

  it("addresses insert positions as /body/children/N", () => {
    expect(paths(doc, "/body/children/6")).toEqual(["/body/table[0]"]);
    expect(doc.count("/body/children")).toBe(doc.count("/body"));
  });

  it("says how many exist when an index is out of range", () => {
    expect(docxFailure(() => doc.query("/body/table[3]"))).toMatchObject({
      kind: "path_not_found",
      message: "Path /body/table[3] not found: the body has 2 tables (indexes 0-1, or -1 for the last).",
    });
    expect(docxFailure(() => doc.query("/body/paragraph[0]/run[4]")).message).toMatch(/\/body\/paragraph\[0\] has 1 run\b/);
  });

  it("names the bad segment and the allowed children", () => {
    const f = docxFailure(() => doc.query("/body/paragraph[0]/cell[0]"));
    expect(f).toMatchObject({
      kind: "invalid_path",
      segment: "cell[0]",
      allowed: ["run", "hyperlink", "drawing", "bookmark", "textbox", "style"],
    });
    expect(f.message).toContain('"cell" is not allowed below a paragraph; allowed: run, hyperlink, drawing, bookmark, textbox, style');
    expect(docxFailure(() => doc.query("/bodies"))).toMatchObject({
      kind: "invalid_path",
      allowed: expect.arrayContaining(["body", "header", "metadata"]),
    });
  });
});
