import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";

const TABLE =
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>` +
  `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p("a-b")}</w:tc><w:tc>${p("c")}</w:tc></w:tr>` +
  `<w:tr><w:tc>${p("d")}</w:tc><w:tc>${p("e")}</w:tc><w:tc>${p("f")}</w:tc></w:tr></w:tbl>`;
const BODY = p("Title", "Heading1") + p("First") + p("Second") + TABLE + p("Last");
const open = (body = BODY) => DocxDocument.open(buildDocx({ body }));
const mainXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]);
const texts = (doc: DocxDocument) => doc.query("/body").items!.map((b) => b.text ?? b.type);
const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));

describe("add (element values)", () => {
  it("adds a formatted paragraph at /body/children/N and reports its id and final path", () => {
    const doc = open();
    const r = doc.applyPatch([
      {
        op: "add",
        path: "/body/children/1",
        value: {
          type: "paragraph",
          runs: [
            { text: "Bold ", style: { bold: true } },
            { text: "red", style: { color: "FF0000", font_size: 14 } },
          ],
          properties: { alignment: "center" },
        },
      },
    ]);
    const op = r.operations[0];
    expect(op).toMatchObject({ op: "add", type: "paragraph", elementPath: "/body/paragraph[1]" });
    const para = doc.query(`/body/paragraph[id='${op.createdId}']`).items![0];
    expect(para).toMatchObject({ text: "Bold red", properties: { alignment: "center" }, runs: [{ bold: true }, { color: "FF0000" }] });
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.pathOf(op.createdId as string)).toBe("/body/paragraph[1]");
    expect(mainXml(doc.save())).toContain('<w:sz w:val="28"/>');
  });

  it("appends past the end but keeps the body's section properties last", () => {
    const doc = open();
    doc.applyPatch([{ op: "add", path: "/body/children/999", value: { type: "paragraph", text: "Appended" } }]);
    const xml = mainXml(doc.save());
    expect(xml).toMatch(/Appended<\/w:t><\/w:r><\/w:p><w:sectPr>/);
  });

  it("appends at /children/- (RFC 6902's end) and /children/-1, in the body and in a table cell", () => {
    for (const end of ["-", "-1"]) {
      const doc = open();
      doc.applyPatch([
        { op: "add", path: `/body/children/${end}`, value: { type: "paragraph", text: "At the end" } },
        { op: "add", path: `/body/table[0]/row[1]/cell[0]/children/${end}`, value: { type: "paragraph", text: "Cell end" } },
      ]);
      expect(doc.query("/body/paragraph[-1]").items![0].text).toBe("At the end");
      expect(doc.query("/body/table[0]/row[1]/cell[0]/paragraph[*]").items!.map((i) => i.text)).toEqual(["d", "Cell end"]);
      expect(mainXml(doc.save())).toMatch(/At the end<\/w:t><\/w:r><\/w:p><w:sectPr>/);
    }
  });

  it("adds a heading with the document's HeadingN style and validates the level", () => {
    const doc = open();
    const r = doc.applyPatch([{ op: "add", path: "/body/paragraph[1]", value: { type: "heading", level: 2, text: "Sub" } }]);
    expect(r.operations[0].elementPath).toBe("/body/paragraph[2]");
    expect(doc.query("/body/heading[level=2]").items![0]).toMatchObject({ text: "Sub", style: "Heading2" });
    const failure = docxFailure(() =>
      doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "heading", level: 10, text: "x" } }]),
    );
    expect(failure).toMatchObject({ kind: "patch_failed", index: 0, cause: { kind: "invalid_argument", field: "value.level" } });
    expect(failure.message).toContain("from 1 to 9");
  });

  it("builds a table with a header row, widths, borders and merged cells", () => {
    const doc = open();
    const r = doc.applyPatch([
      {
        op: "add",
        path: "/body/children/0",
        value: {
          type: "table",
          headers: ["Name", "Age", "City"],
          columns: [{ width: 3000 }, { width: 1500 }, { width: 3000 }],
          border_style: "double",
          rows: [
            [{ text: "Ann", row_span: "restart" }, "30", "Paris"],
            [
              { text: "", row_span: "continue" },
              { text: "wide", col_span: 2, shading: "EEEEEE" },
            ],
          ],
        },
      },
    ]);
    const table = doc.query(`/body/table[id='${r.operations[0].createdId}']`).items![0];
    expect(table.cells).toEqual([
      ["Name", "Age", "City"],
      ["Ann", "30", "Paris"],
      ["", "wide"],
    ]);
    const xml = mainXml(doc.save());
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="1500"/><w:gridCol w:w="3000"/></w:tblGrid>');
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:gridSpan w:val="2"/><w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>');
    expect(xml).toContain('<w:top w:val="double" w:sz="4" w:space="0" w:color="auto"/>');
    expect(xml).toMatch(/<w:b\/><\/w:rPr><w:t xml:space="preserve">Name</);
  });

  it("appends rows and cells with /row and /cell and keeps the ids of the rows it shifts", () => {
    const doc = open();
    const before = doc.query("/body/table[0]/row").items!.map((r) => r.id);
    doc.applyPatch([
      { op: "add", path: "/body/table[0]/row", value: { type: "row", cells: ["g", "h", "i"] } },
      { op: "add", path: "/body/table[0]/children/0", value: { type: "row", cells: ["top", "x", "y"], is_header: true } },
      { op: "remove", path: "/body/table[0]/row[1]/cell[1]" },
      { op: "add", path: "/body/table[0]/row[1]/cell", value: { type: "cell", text: "extra" } },
    ]);
    expect(doc.query("/body/table[0]").items![0].cells).toEqual([
      ["top", "x", "y"],
      ["a-b", "extra"],
      ["d", "e", "f"],
      ["g", "h", "i"],
    ]);
    const reopened = DocxDocument.open(doc.save());
    expect(before.map((id) => reopened.pathOf(id as string))).toEqual(["/body/table[0]/row[1]", "/body/table[0]/row[2]"]);
  });

  it("adds a page break and a section break that keeps the page settings", () => {
    const doc = open();
    doc.applyPatch([
      { op: "add", path: "/body/children/2", value: { type: "page_break" } },
      { op: "add", path: "/body/children/2", value: { type: "section_break", break_type: "continuous" } },
    ]);
    const xml = mainXml(doc.save());
    expect(xml).toMatch(/<w:p w14:paraId="[0-9A-F]{8}"><w:r><w:br w:type="page"\/><\/w:r><\/w:p>/);
    expect(xml).toMatch(/<w:pPr><w:sectPr><w:type w:val="continuous"\/><w:pgSz w:w="12240" w:h="15840"\/><\/w:sectPr><\/w:pPr>/);
    expect(DocxDocument.open(doc.save()).count("/body/section")).toBe(2);
  });

  it("refuses an element where it cannot go, naming the place and what it holds", () => {
    const doc = open();
    const f = docxFailure(() => doc.applyPatch([{ op: "add", path: "/body/table[0]/row", value: { type: "paragraph", text: "x" } }]));
    expect(f.message).toMatch(/a paragraph cannot go there; \/body\/table\[0\] holds rows/);
    const g = docxFailure(() => doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "widget" } }]));
    expect(g).toMatchObject({ cause: { field: "value.type" } });
    expect(g.message).toContain("paragraph, heading, table");
  });
});

describe("replace, remove, move, copy", () => {
  it("replaces a paragraph by a table and the table keeps the paragraph's id", () => {
    const doc = open();
    const id = doc.query("/body/paragraph[1]").items![0].id;
    const r = doc.applyPatch([{ op: "replace", path: "/body/paragraph[1]", value: { type: "table", rows: [["x", "y"]] } }]);
    expect(r.operations[0]).toMatchObject({ replacedId: id, elementPath: "/body/table[0]" });
    expect(DocxDocument.open(doc.save()).pathOf(id as string)).toBe("/body/table[0]");
  });

  it("replaces a cell in place, keeping its id", () => {
    const doc = open();
    const id = doc.query("/body/table[0]/row[1]/cell[2]").items![0].id;
    doc.applyPatch([{ op: "replace", path: "/body/table[0]/row[1]/cell[2]", value: { type: "cell", text: "F!", style: { bold: true } } }]);
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.pathOf(id as string)).toBe("/body/table[0]/row[1]/cell[2]");
    expect(reopened.query("/body/table[0]").items![0].cells).toEqual([
      ["a-b", "c"],
      ["d", "e", "F!"],
    ]);
  });

  it("removes every paragraph a filter selects, and rows, but never a table's last row", () => {
    const doc = open(BODY + p("draft one") + p("keep") + p("DRAFT two"));
    const r = doc.applyPatch([
      { op: "remove", path: "/body/paragraph[text~='draft']" },
      { op: "remove", path: "/body/table[0]/row[0]" },
    ]);
    expect(r.operations[0].removedIds).toHaveLength(2);
    expect(texts(doc)).toEqual(["Title", "First", "Second", "table", "Last", "keep", ""]);
    expect(doc.query("/body/table[0]").items![0].cells).toEqual([["d", "e", "f"]]);
    const f = docxFailure(() => doc.applyPatch([{ op: "remove", path: "/body/table[0]/row[0]" }]));
    expect(f.message).toContain("last row of /body/table[0]; remove the table instead");
  });

  it("moves a paragraph, which keeps its id, and a row within its table", () => {
    const doc = open();
    const id = doc.query("/body/paragraph[2]").items![0].id;
    const r = doc.applyPatch([
      { op: "move", from: "/body/paragraph[2]", path: "/body/children/0" },
      { op: "move", from: "/body/table[0]/row[1]", path: "/body/table[0]/children/0" },
    ]);
    expect(r.operations[0]).toMatchObject({ movedId: id, elementPath: "/body/paragraph[0]" });
    expect(texts(doc).slice(0, 3)).toEqual(["Second", "Title", "First"]);
    expect(doc.query("/body/table[0]").items![0].cells).toEqual([
      ["d", "e", "f"],
      ["a-b", "c"],
    ]);
    expect(DocxDocument.open(doc.save()).pathOf(id as string)).toBe("/body/paragraph[0]");
  });

  it("copies with new ids throughout and leaves bookmarks with the original", () => {
    const source = `<w:p w14:paraId="0A0B0C0D"><w:bookmarkStart w:id="1" w:name="here"/><w:r><w:t>Marked</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>`;
    const doc = open(source + TABLE);
    const r = doc.applyPatch([
      { op: "copy", from: "/body/paragraph[0]", path: "/body/children/999" },
      { op: "copy", from: "/body/table[0]/row[1]", path: "/body/table[0]/row" },
    ]);
    expect(r.operations[0].sourceId).toBe("0A0B0C0D");
    expect(r.operations[0].copyId).not.toBe("0A0B0C0D");
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query("/body/paragraph", { format: "text" }).text).toContain("Marked");
    expect(reopened.count("/body/paragraph[text='Marked']")).toBe(2);
    expect(reopened.count("/body/paragraph/bookmark")).toBe(1);
    expect(reopened.pathOf(r.operations[0].copyId as string)).toBe("/body/paragraph[1]");
    const rowIds = reopened.query("/body/table[0]/row").items!.map((x) => x.id);
    expect(new Set(rowIds).size).toBe(3);
  });

  it("removes a table column, narrowing a cell that spans it", () => {
    const doc = open();
    const r = doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 1 }]);
    expect(r.operations[0]).toMatchObject({ columnIndex: 1, rowsAffected: 2 });
    expect(doc.query("/body/table[0]").items![0].cells).toEqual([
      ["a-b", "c"],
      ["d", "f"],
    ]);
    const xml = mainXml(doc.save());
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>');
    expect(xml).not.toContain("gridSpan");
    expect(docxFailure(() => doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 5 }])).message).toContain(
      "has 2 columns (0-1)",
    );
  });
});

describe("apply_patch atomicity, dry runs and untouched blocks", () => {
  it("an atomic patch whose 5th operation fails leaves the document byte-identical", () => {
    const input = buildDocx({ body: BODY });
    const doc = DocxDocument.open(input);
    const ids = () => doc.query("/body").items!.map((b) => b.id);
    const idsBefore = ids();
    const f = docxFailure(() =>
      doc.applyPatch([
        { op: "add", path: "/body/children/0", value: { type: "paragraph", text: "new" } },
        { op: "remove", path: "/body/paragraph[2]" },
        { op: "move", from: "/body/paragraph[1]", path: "/body/children/999" },
        { op: "add", path: "/body/table[0]/row", value: { type: "row", cells: ["1", "2", "3"] } },
        { op: "replace", path: "/body/paragraph[99]", value: { type: "paragraph", text: "x" } },
        { op: "add", path: "/body/children/0", value: { type: "paragraph", text: "never" } },
      ]),
    );
    expect(f).toMatchObject({ kind: "patch_failed", index: 4, op: "replace", cause: { kind: "path_not_found" } });
    expect(f.message).toMatch(/^Operation 4 \(replace \/body\/paragraph\[99\]\) failed: .*the document is unchanged\.$/);
    expect(doc.takeChange()).toBeNull();
    expect(parts(doc.save())).toEqual(parts(DocxDocument.open(input).save()));
    expect(mainXml(doc.save())).toBe(mainXml(input));
    expect(ids()).toEqual(idsBefore);
  });

  it("replace_text inside a patch replaces across runs and reports the counts", () => {
    const doc = open(`<w:p><w:r><w:t>Hel</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>lo world</w:t></w:r></w:p>` + p("Hello again"));
    const r = doc.applyPatch([
      { op: "replace_text", path: "/body", find: "Hello", replace: "Bye", max_count: 5 },
      { op: "add", path: "/body/children/0", value: { type: "paragraph", text: "first" } },
    ]);
    expect(r.operations[0]).toMatchObject({ op: "replace_text", matchesFound: 2, replacementsMade: 2 });
    expect(texts(doc)).toEqual(["first", "Bye world", "Bye again", ""]);
  });

  it("checks every operation's shape before applying any, naming the operation and field", () => {
    const doc = open();
    expect(
      docxFailure(() =>
        doc.applyPatch([
          { op: "add", path: "/body/children/0", value: { type: "paragraph" } },
          { op: "move", path: "/body/children/0" },
        ]),
      ),
    ).toMatchObject({ kind: "invalid_argument", field: "operations[1].from" });
    expect(docxFailure(() => doc.applyPatch([{ op: "delete", path: "/body" }]))).toMatchObject({ field: "operations[0].op" });
    expect(docxFailure(() => doc.applyPatch(new Array(51).fill({ op: "remove", path: "/body/paragraph[0]" }))).message).toContain(
      "at most 50",
    );
    expect(doc.takeChange()).toBeNull();
  });

  it("a patch reverted by its change (how a dry run previews it) leaves the document as it was", () => {
    const input = buildDocx({ body: BODY });
    const doc = DocxDocument.open(input);
    const r = doc.applyPatch([
      { op: "add", path: "/body/children/0", value: { type: "heading", level: 1, text: "Would" } },
      { op: "remove", path: "/body/table[0]" },
    ]);
    expect(r).toMatchObject({ applied: 2, total: 2, operations: [{ op: "add", elementPath: "/body/paragraph[0]" }, { op: "remove" }] });
    doc.revertChange(doc.takeChange()!);
    expect(mainXml(doc.save())).toBe(mainXml(input));
  });

  it("keeps untouched blocks byte-identical around an edit", () => {
    const input = buildDocx({ body: BODY });
    const doc = DocxDocument.open(input);
    doc.applyPatch([{ op: "add", path: "/body/children/2", value: { type: "paragraph", text: "inserted" } }]);
    const xml = mainXml(doc.save());
    for (const block of [p("Title", "Heading1"), p("First"), TABLE, p("Last")]) expect(xml).toContain(block);
  });

  it("a failed patch after earlier direct edits reverts only its own operations", () => {
    const doc = open();
    doc.replaceParagraphText("/body/paragraph[1]", "Edited");
    expect(() =>
      doc.applyPatch([
        { op: "remove", path: "/body/paragraph[0]" },
        { op: "remove", path: "/body/paragraph[50]" },
      ]),
    ).toThrow();
    expect(texts(doc).slice(0, 2)).toEqual(["Title", "Edited"]);
    const change = doc.takeChange();
    expect(change).not.toBeNull();
    const fresh = open();
    fresh.applyChange(change!);
    expect(texts(fresh).slice(0, 2)).toEqual(["Title", "Edited"]);
  });
});
