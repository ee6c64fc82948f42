import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { expectOpensInLibreOffice, LIBREOFFICE_TIMEOUT_MS, sofficeAvailable } from "../../../support/libreoffice.js";
import { buildDocx, p } from "../../support/build-docx.js";
import { docxFailure } from "../../support/docx-failure.js";
import { at, del, documentXml, ins, markedP, paragraphTexts, partXml, plainP, run } from "./support.js";

const open = (body: string, extra: Parameters<typeof buildDocx>[0] = { body: "" }) => DocxDocument.open(buildDocx({ ...extra, body }));

describe("accepting and rejecting tracked text", () => {
  const body = p("Before") + plainP(run("Keep ") + ins(1, "added ") + del(2, "removed ") + run("end")) + p("After");

  it("accepting keeps inserted text as ordinary text and drops deleted text", () => {
    const doc = open(body);
    expect(doc.acceptRevisions().map((r) => r.id)).toEqual([1, 2]);
    expect(paragraphTexts(doc)).toEqual(["Before", "Keep added end", "After"]);
    expect(documentXml(doc)).not.toMatch(/<w:(ins|del|delText)\b/);
  });

  it("rejecting drops inserted text and restores deleted text as w:t", () => {
    const doc = open(body);
    doc.rejectRevisions();
    expect(paragraphTexts(doc)).toEqual(["Before", "Keep removed end", "After"]);
    expect(documentXml(doc)).not.toMatch(/<w:(ins|del|delText)\b/);
  });

  it("leaves blocks without revisions byte for byte as they were", () => {
    const doc = open(body);
    doc.acceptRevisions();
    const xml = documentXml(doc);
    expect(xml).toContain(p("Before"));
    expect(xml).toContain(p("After"));
  });

  it("restores a deleted field's code when rejected, and removes the whole field when accepted", () => {
    const field = `<w:del ${at(5)}><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:delInstrText xml:space="preserve"> PAGE </w:delInstrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:del>`;
    const rejected = open(plainP(run("Page ") + field));
    rejected.rejectRevisions();
    expect(documentXml(rejected)).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
    const accepted = open(plainP(run("Page ") + field));
    accepted.acceptRevisions();
    expect(documentXml(accepted)).not.toContain("fldChar");
  });

  it("can be undone: reverting the change gives back the original document", () => {
    const input = buildDocx({ body });
    const doc = DocxDocument.open(input);
    const original = documentXml(doc);
    doc.acceptRevisions();
    doc.revertChange(doc.takeChange()!);
    expect(documentXml(doc)).toBe(original);
  });
});

describe("paragraph marks", () => {
  it("accepting a deleted paragraph mark joins the paragraph with the next one, keeping the first one's properties", () => {
    const first = `<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:del ${at(1)}/></w:rPr></w:pPr>${run("One ")}</w:p>`;
    const doc = open(first + p("two") + p("three"));
    doc.acceptRevisions();
    expect(paragraphTexts(doc)).toEqual(["One two", "three"]);
    expect(documentXml(doc)).toMatch(
      /<w:p[^>]*><w:pPr><w:jc w:val="center"\/><w:rPr\/><\/w:pPr><w:r><w:t xml:space="preserve">One <\/w:t><\/w:r><w:r><w:t xml:space="preserve">two/,
    );
  });

  it("rejecting an inserted paragraph with its text removes it entirely", () => {
    const doc = open(p("A") + markedP("ins", 1, ins(2, "new paragraph")) + p("B"));
    doc.rejectRevisions();
    expect(paragraphTexts(doc)).toEqual(["A", "B"]);
  });

  it("rejecting an inserted paragraph mark joins the split paragraph back together", () => {
    const doc = open(markedP("ins", 1, run("first half, ")) + p("second half"));
    doc.rejectRevisions();
    expect(paragraphTexts(doc)).toEqual(["first half, second half"]);
    doc.acceptRevisions();
    expect(paragraphTexts(doc)).toEqual(["first half, second half"]);
  });

  it("does not join across a table: a deleted mark before a table keeps its paragraph, an empty one goes", () => {
    const table = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>${p("cell")}</w:tc></w:tr></w:tbl>`;
    const doc = open(markedP("del", 1, run("kept")) + table + markedP("del", 2, "") + table + p("end"));
    doc.acceptRevisions();
    expect(paragraphTexts(doc)).toEqual(["kept", "cell", "cell", "end"]);
  });

  it("joins paragraphs inside table cells", () => {
    const cell = `<w:tc>${markedP("del", 1, run("a"))}${p("b")}</w:tc>`;
    const doc = open(`<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr>${cell}</w:tr></w:tbl>` + p("after"));
    doc.acceptRevisions();
    expect(paragraphTexts(doc)).toEqual(["ab", "after"]);
  });
});

describe("property changes", () => {
  const formatted =
    `<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:i/></w:rPr><w:pPrChange ${at(1)}><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange></w:pPr>` +
    `<w:r><w:rPr><w:b/><w:rPrChange ${at(2)}><w:rPr><w:u w:val="single"/></w:rPr></w:rPrChange></w:rPr><w:t>text</w:t></w:r></w:p>`;

  it("accepting keeps the new properties and drops the record of the old ones", () => {
    const doc = open(formatted);
    doc.acceptRevisions();
    expect(documentXml(doc)).toContain(
      '<w:pPr><w:jc w:val="center"/><w:rPr><w:i/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>text</w:t></w:r>',
    );
  });

  it("rejecting restores the old properties, keeping the paragraph mark's own run properties", () => {
    const doc = open(formatted);
    doc.rejectRevisions();
    expect(documentXml(doc)).toContain(
      '<w:pPr><w:jc w:val="left"/><w:rPr><w:i/></w:rPr></w:pPr><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>text</w:t></w:r>',
    );
  });

  it("resolves changes to style definitions in styles.xml", () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:pPr><w:jc w:val="center"/><w:pPrChange ${at(40)}><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange></w:pPr></w:style>`;
    const accepted = DocxDocument.open(buildDocx({ body: p("Body"), styles }));
    accepted.acceptRevisions();
    expect(partXml(accepted, "word/styles.xml")).toContain('<w:name w:val="Quote"/><w:pPr><w:jc w:val="center"/></w:pPr>');
    const rejected = DocxDocument.open(buildDocx({ body: p("Body"), styles }));
    rejected.rejectRevisions({ id: 40 });
    expect(partXml(rejected, "word/styles.xml")).toContain('<w:name w:val="Quote"/><w:pPr><w:jc w:val="left"/></w:pPr>');
    expect(rejected.revisions()).toEqual([]);
    expect(documentXml(rejected)).toContain(p("Body"));
  });

  it("rejecting a section change keeps the header references and restores the old page setup", () => {
    const doc = DocxDocument.open(
      buildDocx({
        body:
          `<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rX"/><w:pgSz w:w="16840" w:h="11900"/><w:sectPrChange ${at(3)}><w:sectPr><w:pgSz w:w="11900" w:h="16840"/></w:sectPr></w:sectPrChange></w:sectPr></w:pPr></w:p>` +
          p("next"),
      }),
    );
    doc.rejectRevisions();
    expect(documentXml(doc)).toContain(
      '<w:sectPr><w:headerReference w:type="default" r:id="rX"/><w:pgSz w:w="11900" w:h="16840"/></w:sectPr>',
    );
  });
});

describe("rows and cells", () => {
  const grid = '<w:tblPr/><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>';
  const row = (marker: string, a: string, b: string) =>
    `<w:tr>${marker ? `<w:trPr>${marker}</w:trPr>` : ""}<w:tc>${p(a)}</w:tc><w:tc>${p(b)}</w:tc></w:tr>`;
  const body = `<w:tbl>${grid}${row("", "a1", "b1")}${row(`<w:ins ${at(1)}/>`, "a2", "b2")}${row(`<w:del ${at(2)}/>`, "a3", "b3")}</w:tbl>`;

  it("accepting removes deleted rows and keeps inserted ones", () => {
    const doc = open(body);
    doc.acceptRevisions();
    expect(doc.query("/body/table[0]/row[*]").total).toBe(2);
    expect(paragraphTexts(doc)).toEqual(["a1", "b1", "a2", "b2"]);
  });

  it("rejecting removes inserted rows and keeps deleted ones", () => {
    const doc = open(body);
    doc.rejectRevisions();
    expect(paragraphTexts(doc)).toEqual(["a1", "b1", "a3", "b3"]);
    expect(documentXml(doc)).not.toContain("<w:trPr>");
  });

  it("removes a table whose rows all go", () => {
    const doc = open(p("before") + `<w:tbl>${grid}${row(`<w:del ${at(1)}/>`, "x", "y")}</w:tbl>` + p("after"));
    doc.acceptRevisions();
    expect(doc.count("/body/table[*]")).toBe(0);
    expect(paragraphTexts(doc)).toEqual(["before", "after"]);
  });

  it("removes deleted or rejected inserted cells, and makes an accepted vertical merge real", () => {
    const cells = `<w:tr><w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/><w:cellDel ${at(1)}/></w:tcPr>${p("gone")}</w:tc><w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/><w:cellMerge ${at(2)} w:vMerge="cont"/></w:tcPr>${p("merged")}</w:tc><w:tc><w:tcPr><w:cellIns ${at(3)}/></w:tcPr>${p("new")}</w:tc></w:tr>`;
    // The merge continues the first row's merged cell; a continuation with nothing merged above would start a merge.
    const top = `<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${p("top")}</w:tc><w:tc>${p("right")}</w:tc></w:tr>`;
    const accepted = open(`<w:tbl>${grid}${top}${cells}</w:tbl>`);
    accepted.acceptRevisions();
    expect(paragraphTexts(accepted)).toEqual(["top", "right", "merged", "new"]);
    expect(documentXml(accepted)).toContain('<w:tcPr><w:tcW w:w="100" w:type="dxa"/><w:vMerge/></w:tcPr>');
    const rejected = open(`<w:tbl>${grid}${top}${cells}</w:tbl>`);
    rejected.rejectRevisions();
    expect(paragraphTexts(rejected)).toEqual(["top", "right", "gone", "merged"]);
  });
});

describe("moves, content controls and other stories", () => {
  const move =
    plainP(
      `<w:moveFromRangeStart ${at(10)} w:name="m"/><w:moveFrom ${at(11)}>${run("moved")}</w:moveFrom><w:moveFromRangeEnd w:id="10"/>${run(" stays")}`,
    ) +
    plainP(
      run("target ") +
        `<w:moveToRangeStart ${at(12)} w:name="m"/><w:moveTo ${at(13)}>${run("moved")}</w:moveTo><w:moveToRangeEnd w:id="12"/>`,
    );

  it("accepting one side of a move accepts the whole move, range markers included", () => {
    const doc = open(move);
    // Listed as one move entry: its id is the source side's, and it says where the content went.
    expect(doc.acceptRevisions({ id: 13 }).map((r) => [r.id, r.type, r.to_path])).toEqual([[11, "move", "/body/paragraph[1]"]]);
    expect(paragraphTexts(doc)).toEqual([" stays", "target moved"]);
    expect(documentXml(doc)).not.toMatch(/<w:move/);
  });

  it("rejecting a move puts the text back where it came from", () => {
    const doc = open(move);
    doc.rejectRevisions({ id: 11 });
    expect(paragraphTexts(doc)).toEqual(["moved stays", "target "]);
  });

  it("accepting a deleted content control keeps its content without the control", () => {
    const control = `<w:customXmlDelRangeStart ${at(1)}/><w:sdt><w:sdtPr><w:id w:val="5"/></w:sdtPr><w:sdtContent><w:customXmlDelRangeEnd w:id="1"/>${run("inside")}<w:customXmlDelRangeStart ${at(2)}/></w:sdtContent></w:sdt><w:customXmlDelRangeEnd w:id="2"/>`;
    const doc = open(plainP(control + run(" after")));
    doc.acceptRevisions();
    expect(paragraphTexts(doc)).toEqual(["inside after"]);
    expect(documentXml(doc)).not.toMatch(/<w:sdt>|customXml/);
  });

  it("undoes revisions resolved in a header", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Body"), headers: { default: plainP(ins(1, "head")) } }));
    doc.rejectRevisions();
    doc.revertChange(doc.takeChange()!);
    expect(doc.revisions().map((r) => [r.id, r.path])).toEqual([[1, "/header[0]/paragraph[0]"]]);
  });

  it("resolves revisions in headers, footers and footnotes", () => {
    const doc = DocxDocument.open(
      buildDocx({
        body: p("Body"),
        headers: { default: plainP(ins(1, "head")) },
        footers: { default: plainP(del(2, "foot") + run("er")) },
        footnotes: [plainP(ins(3, "note"))],
      }),
    );
    doc.rejectRevisions();
    expect(doc.revisions()).toEqual([]);
    expect(partXml(doc, "word/header-default.xml")).not.toContain("head");
    expect(partXml(doc, "word/footer-default.xml")).toContain('<w:t xml:space="preserve">foot</w:t>');
  });
});

describe("notes", () => {
  const reference = '<w:r><w:footnoteReference w:id="1"/></w:r>';
  const body = plainP(run("Text") + `<w:del ${at(7)}>${reference}</w:del>`);

  it("accepting the deletion of a footnote reference removes the footnote", () => {
    const doc = DocxDocument.open(buildDocx({ body, footnotes: [p("The note")] }));
    doc.acceptRevisions();
    expect(partXml(doc, "word/footnotes.xml")).not.toContain("The note");
    expect(partXml(doc, "word/footnotes.xml")).toContain('w:type="separator"');
    expect(doc.query("/footnote[*]").total).toBe(0);
  });

  it("rejecting it keeps the footnote and its reference", () => {
    const doc = DocxDocument.open(buildDocx({ body, footnotes: [p("The note")] }));
    doc.rejectRevisions();
    expect(partXml(doc, "word/footnotes.xml")).toContain("The note");
    expect(documentXml(doc)).toContain('<w:footnoteReference w:id="1"/>');
  });

  it("keeps a note still referred to elsewhere, and undo brings a removed note back", () => {
    const kept = DocxDocument.open(buildDocx({ body: body + plainP(reference), footnotes: [p("The note")] }));
    kept.acceptRevisions();
    expect(partXml(kept, "word/footnotes.xml")).toContain("The note");
    const undone = DocxDocument.open(buildDocx({ body, footnotes: [p("The note")] }));
    undone.acceptRevisions();
    undone.revertChange(undone.takeChange()!);
    expect(partXml(undone, "word/footnotes.xml")).toContain("The note");
    expect(undone.revisions().map((r) => r.id)).toEqual([7]);
  });
});

describe("choosing what to resolve", () => {
  const body = plainP(ins(1, "ann ", "Ann") + ins(2, "bob ", "Bob") + del(3, "bob-del", "bob"));

  it("resolves one revision by id and leaves the others", () => {
    const doc = open(body);
    expect(doc.acceptRevisions({ id: 2 }).map((r) => r.id)).toEqual([2]);
    expect(doc.revisions().map((r) => r.id)).toEqual([1, 3]);
  });

  it("resolves one author's revisions, whatever the case of the name", () => {
    const doc = open(body);
    expect(doc.rejectRevisions({ author: "BOB" }).map((r) => r.id)).toEqual([2, 3]);
    expect(paragraphTexts(doc)).toEqual(["ann bob-del"]);
    expect(doc.revisions().map((r) => r.author)).toEqual(["Ann"]);
  });

  it("refuses an unknown id, naming the ids there are, and changes nothing", () => {
    const doc = open(body);
    const failure = docxFailure(() => doc.acceptRevisions({ id: 99 }));
    expect(failure).toMatchObject({ kind: "revision_not_found", revisionId: 99 });
    expect(failure.message).toContain("ids 1, 2, 3");
    expect(doc.takeChange()).toBeNull();
  });

  it("accepting a deletion of inserted text leaves nothing of the insertion", () => {
    const doc = open(
      plainP(run("a") + `<w:ins ${at(1)}><w:del ${at(2, "Bob")}><w:r><w:delText>b</w:delText></w:r></w:del></w:ins>` + run("c")),
    );
    doc.acceptRevisions({ id: 2 });
    expect(paragraphTexts(doc)).toEqual(["ac"]);
    expect(documentXml(doc)).not.toMatch(/<w:(ins|del)\b/);
  });

  it("does nothing and reports nothing when there is nothing to resolve", () => {
    const doc = open(p("Clean"));
    expect(doc.acceptRevisions()).toEqual([]);
    expect(doc.acceptRevisions({ author: "Nobody" })).toEqual([]);
    expect(doc.takeChange()).toBeNull();
  });
});

// Runs where LibreOffice is installed (see test/support/libreoffice.ts).
describe("LibreOffice", () => {
  it.runIf(sofficeAvailable())(
    "opens a document with tracked changes, and the same document after accepting them",
    () => {
      const input = buildDocx({
        body: plainP(run("Tracked: ") + ins(1, "inserted") + del(2, " deleted")) + markedP("del", 3, run("joined ")) + p("paragraph"),
      });
      expectOpensInLibreOffice(input, "tracked.docx");
      const doc = DocxDocument.open(input);
      doc.acceptRevisions();
      const { text } = expectOpensInLibreOffice(doc.save(), "accepted.docx");
      if (text !== null) {
        expect(text).toContain("Tracked: inserted");
        expect(text).not.toContain("deleted");
        expect(text).toContain("joined paragraph");
      }
    },
    LIBREOFFICE_TIMEOUT_MS * 2,
  );
});
