import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { sofficeAvailable } from "../../support/libreoffice.js";
import { libreOfficeChanges } from "../../support/libreoffice-changes.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { savedBody, trackedSpec } from "./style-fixtures.js";

const GRID = `<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>`;
const TABLE =
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${GRID}` +
  `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p("a-b")}</w:tc><w:tc>${p("c")}</w:tc></w:tr>` +
  `<w:tr><w:tc>${p("d")}</w:tc><w:tc>${p("e")}</w:tc><w:tc>${p("f")}</w:tc></w:tr>` +
  `<w:tr><w:tc>${p("g")}</w:tc><w:tc>${p("h")}</w:tc><w:tc>${p("i")}</w:tc></w:tr></w:tbl>`;
const tracked = () => DocxDocument.open(buildDocx(trackedSpec({ body: TABLE + p("after") })));
const REV = 'w:id="\\d+" w:author="docx-edge" w:date="[^"]+"';
const deletedCell = (text: string) =>
  new RegExp(
    `<w:tc><w:p[^>]*><w:pPr><w:rPr><w:del ${REV}/></w:rPr></w:pPr><w:del ${REV}><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del></w:p></w:tc>`,
  );

describe("remove_table_column in a document that tracks changes", () => {
  it("keeps the column's cells and marks their content deleted; the grid and other cells stay as they were", () => {
    const doc = tracked();
    const r = doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 2 }]);
    expect(r.operations[0]).toMatchObject({ columnIndex: 2, rowsAffected: 3, tracked: true });
    const xml = savedBody(doc);
    for (const t of ["c", "f", "i"]) expect(xml).toMatch(deletedCell(t));
    expect(xml).toContain(GRID);
    for (const t of ["a-b", "d", "e", "g", "h"]) expect(xml).toContain(`${p(t)}</w:tc>`);
    expect(xml).toContain(`</w:tbl>${p("after")}`);
    expect(doc.query("/body/table[0]/row[1]/cell[*]").items).toHaveLength(3);
  });

  it("leaves a cell spanning the column as it is and says so", () => {
    const doc = tracked();
    const r = doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 1 }]);
    expect(r.operations[0]).toMatchObject({ rowsAffected: 2, spanningCellsKept: 1, tracked: true });
    const xml = savedBody(doc);
    expect(xml).toContain(`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p("a-b")}</w:tc>`);
    expect(xml).toMatch(deletedCell("e"));
    expect(xml).toMatch(deletedCell("h"));
  });

  it.runIf(sofficeAvailable())(
    "is shown by LibreOffice as deletions of the column's text",
    () => {
      const doc = tracked();
      doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 0 }]);
      const lo = libreOfficeChanges(doc.save(), "column");
      const deleted = lo.changes
        .filter((c) => c.kind === "deletion")
        .map((c) => c.text)
        .join("|");
      expect(deleted).toContain("d");
      expect(deleted).toContain("g");
      expect(deleted).not.toContain("a-b");
    },
    180_000,
  );

  it("accepting empties the column's cells, rejecting restores their text", () => {
    const texts = (doc: DocxDocument) => doc.query("/body/table[0]/row[1]/cell[*]").items!.map((i) => i.text);
    const accepted = tracked();
    accepted.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 2 }]);
    accepted.acceptRevisions();
    expect(texts(accepted)).toEqual(["d", "e", ""]);
    const rejected = tracked();
    rejected.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 2 }]);
    rejected.rejectRevisions();
    expect(texts(rejected)).toEqual(["d", "e", "f"]);
  });

  it("rejects a column that does not exist and changes nothing", () => {
    const doc = tracked();
    const before = doc.save();
    expect(docxFailure(() => doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 3 }])).message).toContain(
      "has 3 columns (0-2)",
    );
    // Same parts, same content (a reverted part may be deflated anew, so compressed bytes can differ).
    expect(unzipSync(doc.save())).toEqual(unzipSync(before));
  });
});
