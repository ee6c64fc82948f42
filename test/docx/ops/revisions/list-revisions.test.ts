import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { buildDocx, p } from "../../support/build-docx.js";
import { at, del, ins, markedP, plainP, run } from "./support.js";

const table = (rowMarker: string, cellMarker: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblPrChange ${at(20)}><w:tblPr/></w:tblPrChange></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>` +
  `<w:tr><w:trPr>${rowMarker}</w:trPr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${cellMarker}</w:tcPr>${p("cell")}</w:tc></w:tr></w:tbl>`;

describe("revisions", () => {
  it("lists insertions and deletions with id, author, date, the paragraph's path and the changed text", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Intro") + plainP(run("Keep ") + ins(1, "added") + del(2, "removed", "Bob")) }));
    expect(doc.revisions()).toEqual([
      {
        id: 1,
        type: "insertion",
        element: "w:ins",
        author: "Ann",
        date: "2024-05-01T10:00:00Z",
        path: "/body/paragraph[1]",
        element_id: expect.any(String),
        text: "added",
      },
      {
        id: 2,
        type: "deletion",
        element: "w:del",
        author: "Bob",
        date: "2024-05-01T10:00:00Z",
        path: "/body/paragraph[1]",
        element_id: expect.any(String),
        text: "removed",
      },
    ]);
    expect(doc.pathOf(doc.revisions()[0].element_id!)).toBe("/body/paragraph[1]");
  });

  it("names paragraph marks, property changes, section changes and numbering changes", () => {
    const body =
      markedP("ins", 3, run("new paragraph")) +
      markedP("del", 4, run("joined")) +
      `<w:p><w:pPr><w:jc w:val="center"/><w:pPrChange ${at(5)}><w:pPr/></w:pPrChange></w:pPr><w:r><w:rPr><w:b/><w:rPrChange ${at(6)}><w:rPr/></w:rPrChange></w:rPr><w:t>bold</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/><w:ins ${at(7)}/></w:numPr></w:pPr>${run("item")}</w:p>` +
      `<w:p><w:pPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:sectPrChange ${at(8)}><w:sectPr/></w:sectPrChange></w:sectPr></w:pPr></w:p>`;
    const revisions = DocxDocument.open(buildDocx({ body })).revisions();
    expect(revisions.map((r) => [r.id, r.type, r.path, r.text])).toEqual([
      [3, "paragraph_insertion", "/body/paragraph[0]", "new paragraph"],
      [4, "paragraph_deletion", "/body/paragraph[1]", "joined"],
      [5, "paragraph_format_change", "/body/paragraph[2]", "bold"],
      [6, "format_change", "/body/paragraph[2]", "bold"],
      [7, "numbering_change", "/body/paragraph[3]", "item"],
      [8, "section_change", "/body/paragraph[4]", ""],
    ]);
  });

  it("places table, row and cell changes on the table, row or cell", () => {
    const doc = DocxDocument.open(
      buildDocx({ body: table(`<w:ins ${at(21)}/>`, `<w:cellDel ${at(22)}/>`) + table(`<w:del ${at(23)}/>`, `<w:cellIns ${at(24)}/>`) }),
    );
    expect(doc.revisions().map((r) => [r.id, r.type, r.path])).toEqual([
      [20, "table_change", "/body/table[0]"],
      [21, "row_insertion", "/body/table[0]/row[0]"],
      [22, "cell_deletion", "/body/table[0]/row[0]/cell[0]"],
      [20, "table_change", "/body/table[1]"],
      [23, "row_deletion", "/body/table[1]/row[0]"],
      [24, "cell_insertion", "/body/table[1]/row[0]/cell[0]"],
    ]);
  });

  it("lists a move once, linking its two sides by the move's name", () => {
    const body =
      plainP(
        `<w:moveFromRangeStart ${at(10)} w:name="move1"/><w:moveFrom ${at(11)}>${run("moved")}</w:moveFrom><w:moveFromRangeEnd w:id="10"/>`,
      ) +
      plainP(`<w:moveToRangeStart ${at(12)} w:name="move1"/><w:moveTo ${at(13)}>${run("moved")}</w:moveTo><w:moveToRangeEnd w:id="12"/>`);
    expect(
      DocxDocument.open(buildDocx({ body }))
        .revisions()
        .map((r) => [r.id, r.type, r.move, r.path, r.to_path]),
    ).toEqual([[11, "move", "move1", "/body/paragraph[0]", "/body/paragraph[1]"]]);
  });

  it("finds revisions in headers, footers and footnotes", () => {
    const doc = DocxDocument.open(
      buildDocx({
        body: p("Body"),
        headers: { default: plainP(ins(30, "head")) },
        footers: { default: plainP(del(31, "foot")) },
        footnotes: [plainP(ins(32, "note"))],
      }),
    );
    expect(doc.revisions().map((r) => [r.id, r.path, r.text])).toEqual([
      [30, "/header[0]/paragraph[0]", "head"],
      [31, "/footer[0]/paragraph[0]", "foot"],
      [32, "/footnote[0]/paragraph[0]", "note"],
    ]);
  });

  it("shortens long excerpts and lists nothing for a document without revisions", () => {
    const long = "x".repeat(200);
    const [revision] = DocxDocument.open(buildDocx({ body: plainP(ins(1, long)) })).revisions();
    expect(revision.text).toHaveLength(80);
    expect(revision.text.endsWith("…")).toBe(true);
    expect(DocxDocument.open(buildDocx({ body: p("Clean") })).revisions()).toEqual([]);
  });
});

describe("style revisions", () => {
  const styles = `<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:pPr><w:jc w:val="center"/><w:pPrChange ${at(40)}><w:pPr/></w:pPrChange></w:pPr></w:style>`;

  it("lists tracked changes to style definitions under /styles", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Body"), styles }));
    const [revision] = doc.revisions();
    expect(revision).toMatchObject({ id: 40, type: "paragraph_format_change", path: expect.stringMatching(/^\/styles\/style\[\d+\]$/) });
    expect(doc.query(revision.path).items![0]).toMatchObject({ name: "Quote" });
  });
});
