import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { sofficeAvailable } from "../../support/libreoffice.js";
import { libreOfficeChanges } from "../../support/libreoffice-changes.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { savedBody, trackedSpec } from "./style-fixtures.js";

const TABLE = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>${p("r0")}</w:tc></w:tr><w:tr><w:tc>${p("r1")}</w:tc></w:tr></w:tbl>`;
const tracked = (body: string) => DocxDocument.open(buildDocx(trackedSpec({ body })));
const REV = 'w:id="\\d+" w:author="docx-edge" w:date="[^"]+"';

describe("move_element in a document that tracks changes (§17.13.5.21-25)", () => {
  it("keeps the source in w:moveFrom and writes a copy in w:moveTo, both ranges named alike", () => {
    const doc = tracked(p("Alpha") + p("Beta") + p("Gamma"));
    const sourceId = doc.query("/body/paragraph[0]").items![0].id as string;
    const r = doc.applyPatch([{ op: "move", from: "/body/paragraph[0]", path: "/body/children/3" }]);
    expect(r.operations[0]).toMatchObject({ sourceId: sourceId, tracked: true, elementPath: "/body/paragraph[3]" });
    const movedId = r.operations[0].movedId as string;
    expect(movedId).not.toBe(sourceId);
    const xml = savedBody(doc);
    const from = new RegExp(
      `<w:p[^>]*><w:pPr><w:rPr><w:moveFrom ${REV}/></w:rPr></w:pPr><w:moveFromRangeStart ${REV} w:name="(move\\d+)"/><w:moveFrom ${REV}><w:r><w:t xml:space="preserve">Alpha</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="\\d+"/></w:p>`,
    ).exec(xml);
    const to = new RegExp(
      `<w:p[^>]*><w:pPr><w:rPr><w:moveTo ${REV}/></w:rPr></w:pPr><w:moveToRangeStart ${REV} w:name="(move\\d+)"/><w:moveTo ${REV}><w:r><w:t xml:space="preserve">Alpha</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="\\d+"/></w:p><w:sectPr>`,
    ).exec(xml);
    expect(from?.[1]).toBeTruthy();
    expect(to?.[1]).toBe(from?.[1]);
    // Each range end closes its own start.
    expect(xml).toMatch(/<w:moveFromRangeStart w:id="(\d+)"[^>]*\/>.*<w:moveFromRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveToRangeStart w:id="(\d+)"[^>]*\/>.*<w:moveToRangeEnd w:id="\1"\/>/);
    // Untouched paragraphs keep their bytes.
    expect(xml).toContain(
      `<w:moveFromRangeEnd w:id="${/w:moveFromRangeEnd w:id="(\d+)"/.exec(xml)![1]}"/></w:p>${p("Beta")}${p("Gamma")}<w:p`,
    );
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.pathOf(sourceId)).toBe("/body/paragraph[0]");
    expect(reopened.pathOf(movedId)).toBe("/body/paragraph[3]");
  });

  it.runIf(sofficeAvailable())(
    "is shown by LibreOffice as a deletion at the source and an insertion at the destination",
    () => {
      const doc = tracked(p("Alpha") + p("Beta"));
      doc.applyPatch([{ op: "move", from: "/body/paragraph[1]", path: "/body/children/0" }]);
      const lo = libreOfficeChanges(doc.save(), "moved");
      expect(lo.changes).toEqual(
        expect.arrayContaining([
          { kind: "insertion", text: "Beta" },
          expect.objectContaining({ kind: "deletion", text: expect.stringContaining("Beta") }),
        ]),
      );
      expect(lo.content).toContain("__RefMoveFrom__");
      expect(lo.content).toContain("__RefMoveTo__");
    },
    180_000,
  );

  it("accepting the move keeps only the destination, rejecting keeps only the source", () => {
    const moved = () => {
      const doc = tracked(p("Alpha") + p("Beta") + p("Gamma"));
      doc.applyPatch([{ op: "move", from: "/body/paragraph[0]", path: "/body/children/3" }]);
      return doc;
    };
    const texts = (doc: DocxDocument) => doc.query("/body/paragraph[*]").items!.map((i) => i.text);
    const accepted = moved();
    accepted.acceptRevisions();
    expect(texts(accepted)).toEqual(["Beta", "Gamma", "Alpha"]);
    expect(savedBody(accepted)).not.toMatch(/w:move/);
    const rejected = moved();
    rejected.rejectRevisions();
    expect(texts(rejected)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(savedBody(rejected)).not.toMatch(/w:move/);
  });

  it("moves a paragraph within a table cell's blocks with the same markup", () => {
    const doc = tracked(
      `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>${p("one")}${p("two")}</w:tc></w:tr></w:tbl>`,
    );
    doc.applyPatch([{ op: "move", from: "/body/table[0]/row[0]/cell[0]/paragraph[1]", path: "/body/table[0]/row[0]/cell[0]/children/0" }]);
    const xml = savedBody(doc);
    expect(xml.indexOf("<w:moveTo ")).toBeLessThan(xml.indexOf(">one<"));
    expect(xml.indexOf(">one<")).toBeLessThan(xml.indexOf("<w:moveFrom "));
    // Reading shows the document as if the move were accepted: moved-away text is not current text.
    expect(doc.query("/body/table[0]/row[0]/cell[0]/paragraph[*]").items!.map((i) => i.text)).toEqual(["two", "one", ""]);
  });

  it("writes moved rows and tables as deleted and inserted, since rows have no move markup", () => {
    const doc = tracked(p("Intro") + TABLE);
    doc.applyPatch([{ op: "move", from: "/body/table[0]/row[1]", path: "/body/table[0]/children/0" }]);
    const xml = savedBody(doc);
    expect(xml).toMatch(
      new RegExp(
        `<w:tr[^>]*><w:trPr><w:ins ${REV}/></w:trPr><w:tc><w:p[^>]*><w:pPr><w:rPr><w:ins ${REV}/></w:rPr></w:pPr><w:ins ${REV}><w:r><w:t xml:space="preserve">r1</w:t>`,
      ),
    );
    expect(xml).toMatch(
      new RegExp(
        `<w:tr[^>]*><w:trPr><w:del ${REV}/></w:trPr><w:tc><w:p[^>]*><w:pPr><w:rPr><w:del ${REV}/></w:rPr></w:pPr><w:del ${REV}><w:r><w:delText xml:space="preserve">r1</w:delText>`,
      ),
    );
    expect(xml).not.toContain("moveFrom");
  });

  it("rejects a destination of the wrong kind and changes nothing", () => {
    const doc = tracked(p("Alpha") + TABLE);
    const before = doc.save();
    const f = docxFailure(() => doc.applyPatch([{ op: "move", from: "/body/paragraph[0]", path: "/body/table[0]/children/0" }]));
    expect(f.kind).toBe("patch_failed");
    expect(f.message).toContain("a paragraph cannot go there");
    // Same parts, same content (a reverted part may be deflated anew, so compressed bytes can differ).
    expect(unzipSync(doc.save())).toEqual(unzipSync(before));
  });

  it("leaves documents that do not track changes moving the element itself", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Alpha") + p("Beta") }));
    doc.applyPatch([{ op: "move", from: "/body/paragraph[0]", path: "/body/children/2" }]);
    const xml = savedBody(doc);
    expect(xml).not.toMatch(/moveFrom|moveTo/);
    expect(doc.query("/body/paragraph[*]").items!.map((i) => i.text)).toEqual(["Beta", "Alpha"]);
  });
});
