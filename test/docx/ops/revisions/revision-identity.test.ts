/**
 * Which revision an id names: ids the server writes are unique across the package, a w:id a source document reuses
 * (LibreOffice numbers each author's changes from 0) gets one handle per revision, and a tracked move is one unit.
 */
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { checkMovePairs } from "../../../../src/docx/invariants/structure-move-pairs.js";
import { checkRevisionIds } from "../../../../src/docx/invariants/structure-revision-ids.js";
import { buildDocx, p } from "../../support/build-docx.js";
import { docxFailure } from "../../support/docx-failure.js";
import { xmlParts } from "../../support/structure-invariants.js";
import { trackedSpec } from "../style-fixtures.js";
import { documentXml, paragraphTexts } from "./support.js";

/** As LibreOffice writes it: Alice's deletion and Bob's bold, both w:id="0", with LibreOffice's empty w:rPr. */
const LO_SHARED_ID =
  '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:rPr></w:rPr></w:pPr><w:r><w:rPr></w:rPr><w:t xml:space="preserve">Keep </w:t></w:r>' +
  '<w:del w:id="0" w:author="Alice" w:date="2024-03-01T09:00:00Z"><w:r><w:rPr></w:rPr><w:delText xml:space="preserve">gone </w:delText></w:r></w:del>' +
  '<w:r><w:rPr><w:b/><w:rPrChange w:id="0" w:author="Bob" w:date="2024-03-02T09:00:00Z"><w:rPr></w:rPr></w:rPrChange></w:rPr><w:t>bold</w:t></w:r></w:p>';

const openShared = () => DocxDocument.open(buildDocx({ body: LO_SHARED_ID + p("Other") }));
const revisionIdProblems = (doc: DocxDocument) => checkRevisionIds(xmlParts(doc.save()));

describe("a w:id shared by two revisions", () => {
  it("lists each with its own handle", () => {
    expect(
      openShared()
        .revisions()
        .map((r) => [r.id, r.handle, r.type, r.author]),
    ).toEqual([
      [0, "0.1", "deletion", "Alice"],
      [0, "0.2", "format_change", "Bob"],
    ]);
  });

  it("rejecting by handle acts on that revision only", () => {
    const doc = openShared();
    expect(doc.rejectRevisions({ id: "0.2" }).map((r) => r.author)).toEqual(["Bob"]);
    expect(documentXml(doc)).not.toContain("<w:b/>");
    expect(doc.revisions().map((r) => [r.id, r.handle, r.author])).toEqual([[0, undefined, "Alice"]]);
    expect(paragraphTexts(doc)[0]).toBe("Keep bold");
    doc.acceptRevisions({ id: 0 });
    expect(documentXml(doc)).not.toContain("gone");
  });

  it("accepting by handle leaves the other revision pending", () => {
    const doc = openShared();
    doc.acceptRevisions({ id: "0.1" });
    expect(documentXml(doc)).not.toContain("gone");
    expect(doc.revisions().map((r) => r.author)).toEqual(["Bob"]);
    expect(documentXml(doc)).toContain("<w:rPrChange");
  });

  it("refuses the bare shared id, naming both handles, and changes nothing", () => {
    const doc = openShared();
    const before = doc.save();
    const f = docxFailure(() => doc.rejectRevisions({ id: 0 }));
    expect(f).toMatchObject({ kind: "invalid_argument", field: "revision_id" });
    expect(f.message).toContain('0.1 (deletion by Alice: "gone ")');
    expect(f.message).toContain("0.2 (format_change by Bob");
    expect(doc.save()).toEqual(before);
    expect(doc.takeChange()).toBeNull();
  });

  it("refuses a handle that does not exist, listing the ones there are", () => {
    const doc = openShared();
    const f = docxFailure(() => doc.acceptRevisions({ id: "0.3" }));
    expect(f).toMatchObject({ kind: "revision_not_found" });
    expect(f.message).toContain("ids 0.1, 0.2");
    expect(docxFailure(() => doc.acceptRevisions({ id: "first" })).message).toContain(
      'neither a revision id (a number) nor a handle like "4.2"',
    );
  });
});

describe("a w:id shared by the parts of one change", () => {
  it("stays one revision: an inserted paragraph's text and mark by one author at one time", () => {
    const at = 'w:id="3" w:author="Ann" w:date="2024-03-01T09:00:00Z"';
    const body = `<w:p><w:pPr><w:rPr><w:ins ${at}/></w:rPr></w:pPr><w:ins ${at}><w:r><w:t>Added</w:t></w:r></w:ins></w:p>` + p("Kept");
    const doc = DocxDocument.open(buildDocx({ body }));
    expect(doc.revisions().map((r) => r.handle)).toEqual([undefined, undefined]);
    doc.rejectRevisions({ id: 3 });
    expect(paragraphTexts(doc)).toEqual(["Kept"]);
  });
});

describe("ids the server writes", () => {
  it("are unique across body, footnotes, headers and style definitions", () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:rPr><w:i/><w:rPrChange w:id="40" w:author="Ann" w:date="2024-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr></w:style>';
    const doc = DocxDocument.open(
      buildDocx(
        trackedSpec({
          body: p("Body text") + p("More"),
          styles,
          footnotes: [`<w:p><w:ins w:id="12" w:author="Ann" w:date="2024-01-01T00:00:00Z"><w:r><w:t>Note</w:t></w:r></w:ins></w:p>`],
          headers: { default: p("Head") },
        }),
      ),
    );
    expect(revisionIdProblems(doc)).toEqual([]);
    doc.applyPatch([
      { op: "add", path: "/body/children/1", value: { type: "paragraph", text: "Inserted" } },
      { op: "replace", path: "/body/paragraph[0]", value: { type: "paragraph", text: "Replaced" } },
      { op: "add", path: "/header[type=default]/children/0", value: { type: "paragraph", text: "New head" } },
    ]);
    doc.replaceText("/body/paragraph[text~='More']", { find: "More", replace: "Most" });
    expect(revisionIdProblems(doc)).toEqual([]);
    const ids = [...documentXml(doc).matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...ids)).toBeGreaterThan(40);
  });
});

describe("a tracked move is one unit", () => {
  const moved = () => {
    const doc = DocxDocument.open(buildDocx(trackedSpec({ body: p("Alpha") + p("Beta") + p("Gamma") })));
    doc.applyPatch([{ op: "move", from: "/body/paragraph[0]", path: "/body/children/3" }]);
    return doc;
  };

  it("is listed once with both locations", () => {
    const doc = moved();
    const list = doc.revisions();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ type: "move", path: "/body/paragraph[0]", to_path: "/body/paragraph[3]", text: "Alpha" });
    expect(checkMovePairs(xmlParts(doc.save()))).toEqual([]);
  });

  for (const side of ["moveFrom", "moveTo"] as const) {
    for (const action of ["accept", "reject"] as const) {
      it(`${action}ing it by the id of its ${side} paragraph mark resolves both sides and their ranges`, () => {
        const doc = moved();
        const markId = Number(new RegExp(`<w:rPr><w:${side} w:id="(\\d+)"`).exec(documentXml(doc))![1]);
        if (action === "accept") doc.acceptRevisions({ id: markId });
        else doc.rejectRevisions({ id: markId });
        expect(documentXml(doc)).not.toMatch(/w:move/);
        expect(doc.revisions()).toEqual([]);
        expect(paragraphTexts(doc)).toEqual(action === "accept" ? ["Beta", "Gamma", "Alpha"] : ["Alpha", "Beta", "Gamma"]);
      });
    }
  }
});

describe("moving a pending insertion", () => {
  const inserted = () => {
    const doc = DocxDocument.open(buildDocx(trackedSpec({ body: p("Alpha") + p("Beta") + p("Gamma") })));
    doc.applyPatch([{ op: "add", path: "/body/children/1", value: { type: "paragraph", text: "New" } }]);
    return doc;
  };

  it("moves the insertion itself: accepted it is there once, rejected it is gone", () => {
    for (const action of ["accept", "reject"] as const) {
      const doc = inserted();
      doc.applyPatch([{ op: "move", from: "/body/paragraph[1]", path: "/body/children/4" }]);
      expect(doc.revisions().map((r) => [r.type, r.path])).toEqual([
        ["paragraph_insertion", "/body/paragraph[3]"],
        ["insertion", "/body/paragraph[3]"],
      ]);
      if (action === "accept") doc.acceptRevisions();
      else doc.rejectRevisions();
      expect(paragraphTexts(doc)).toEqual(action === "accept" ? ["Alpha", "Beta", "Gamma", "New"] : ["Alpha", "Beta", "Gamma"]);
    }
  });

  it("moves a paragraph with some inserted text without doubling that text on accept", () => {
    const doc = DocxDocument.open(buildDocx(trackedSpec({ body: p("Alpha") + p("Beta") + p("Gamma") })));
    doc.insertText("/body/paragraph[0]", { after: "Alpha", text: " plus" });
    doc.applyPatch([{ op: "move", from: "/body/paragraph[0]", path: "/body/children/3" }]);
    expect(checkMovePairs(xmlParts(doc.save()))).toEqual([]);
    const accepted = DocxDocument.open(doc.save());
    accepted.acceptRevisions();
    expect(paragraphTexts(accepted)).toEqual(["Beta", "Gamma", "Alpha plus"]);
    const moveOnly = DocxDocument.open(doc.save());
    moveOnly.rejectRevisions({ id: moveOnly.revisions().find((r) => r.type === "move")!.id! });
    expect(paragraphTexts(moveOnly)).toEqual(["Alpha plus", "Beta", "Gamma"]);
    expect(moveOnly.revisions().map((r) => r.type)).toEqual(["insertion"]);
    doc.rejectRevisions();
    expect(paragraphTexts(doc)).toEqual(["Alpha", "Beta", "Gamma"]);
  });
});

describe("copies and repeated moves keep revision ids unique", () => {
  const tracked = () => DocxDocument.open(buildDocx(trackedSpec({ body: p("Alpha") + p("Beta") + p("Gamma") })));

  it("a copy of pending revisions gets ids of its own", () => {
    const doc = tracked();
    doc.applyPatch([
      { op: "add", path: "/body/children/1", value: { type: "table", rows: [["a", "b"]] } },
      { op: "copy", from: "/body/table[0]", path: "/body/children/4" },
    ]);
    expect(revisionIdProblems(doc)).toEqual([]);
    doc.acceptRevisions();
    expect(doc.count("/body/table")).toBe(2);
  });

  it("moving moved content again relocates its destination", () => {
    const doc = tracked();
    doc.applyPatch([{ op: "move", from: "/body/paragraph[0]", path: "/body/children/3" }]);
    doc.applyPatch([{ op: "move", from: "/body/paragraph[3]", path: "/body/children/2" }]);
    const parts = xmlParts(doc.save());
    expect(checkRevisionIds(parts)).toEqual([]);
    expect(checkMovePairs(parts)).toEqual([]);
    expect(doc.revisions().map((r) => r.type)).toEqual(["move"]);
    doc.acceptRevisions();
    expect(paragraphTexts(doc)).toEqual(["Beta", "Alpha", "Gamma"]);
  });
});
