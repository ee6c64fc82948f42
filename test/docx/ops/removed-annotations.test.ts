/**
 * Notes and comments follow the content they are anchored in: removing a paragraph removes the footnotes and comments
 * anchored only there, note references say which note they show, and replies join their thread's first comment.
 */
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { checkPackage } from "../../../src/docx/invariants/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { xmlParts } from "../support/structure-invariants.js";

/** A footnote reference run as LibreOffice writes it: its own character style, then the reference. */
const loRef = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteCharacters"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
const withNote = (text: string, id: number) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r>${loRef(id)}</w:p>`;
const note = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Footnote"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const commented = (id: number, text: string) =>
  `<w:p><w:commentRangeStart w:id="${id}"/><w:r><w:t>${text}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r></w:p>`;

const open = () =>
  DocxDocument.open(
    buildDocx({
      body: p("Intro") + withNote("First claim", 1) + withNote("Second claim", 2) + withNote("Third claim", 3) + commented(0, "Remark"),
      footnotes: [note("Source one"), note("Source two"), note("Source three")],
      comments: [{ author: "Ann", body: p("Check this") }],
    }),
  );
const noteTexts = (doc: DocxDocument) => doc.query("/footnote[*]").items!.map((n) => n.text);

describe("removing content removes the notes and comments anchored only in it", () => {
  it("removes the footnote of a removed paragraph, so /footnote[N] still matches the visible note N", () => {
    const doc = open();
    expect(checkPackage(doc.save())).toEqual([]);
    const r = doc.applyPatch([{ op: "remove", path: "/body/paragraph[1]" }]);
    expect(r.operations[0]).toMatchObject({ notesRemoved: 1 });
    expect(noteTexts(doc)).toEqual(["Source two", "Source three"]);
    expect(checkPackage(doc.save())).toEqual([]);
    const run = doc.query("/body/paragraph[1]/run[1]").items![0];
    expect(run).toMatchObject({ footnote_id: "2", footnote_path: "/footnote[0]" });
    expect(doc.query("/footnote[0]").items![0].text).toBe("Source two");
  });

  it("removes the relationships only the removed note used (a link in the note, as pandoc writes link_in_notes)", () => {
    const linked = `<w:p><w:hyperlink r:id="rIdNoteLink"><w:r><w:t>pandoc.org</w:t></w:r></w:hyperlink></w:p>`;
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rIdNoteLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://pandoc.org" TargetMode="External"/>' +
      '<Relationship Id="rIdKept" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>';
    const kept = `<w:p><w:hyperlink r:id="rIdKept"><w:r><w:t>example</w:t></w:r></w:hyperlink></w:p>`;
    const doc = DocxDocument.open(
      buildDocx({
        body: withNote("Linked", 1) + withNote("Other", 2),
        footnotes: [linked, kept],
        extraParts: { "word/_rels/footnotes.xml.rels": rels },
      }),
    );
    doc.applyPatch([{ op: "remove", path: "/body/paragraph[0]" }]);
    const saved = xmlParts(doc.save()).get("word/_rels/footnotes.xml.rels")!;
    expect(saved).not.toContain("rIdNoteLink");
    expect(saved).toContain("rIdKept");
  });

  it("keeps a note that is still referred to from elsewhere", () => {
    const doc = DocxDocument.open(
      buildDocx({ body: withNote("Once", 1) + withNote("Again", 1) + p("End"), footnotes: [note("Shared source")] }),
    );
    expect(doc.applyPatch([{ op: "remove", path: "/body/paragraph[0]" }]).operations[0]).not.toHaveProperty("notesRemoved");
    expect(noteTexts(doc)).toEqual(["Shared source"]);
  });

  it("removes a comment anchored only in the removed paragraph, and undo brings both back", () => {
    const doc = open();
    doc.takeChange();
    const r = doc.applyPatch([{ op: "remove", path: "/body/paragraph[4]" }]);
    expect(r.operations[0]).toMatchObject({ commentsRemoved: ["0"] });
    expect(doc.listComments()).toEqual([]);
    const change = doc.takeChange()!;
    doc.revertChange(change);
    expect(doc.listComments().map((c) => c.text)).toEqual(["Check this"]);
  });

  it("removing a table column drops the footnotes of its cells", () => {
    const table =
      '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>' +
      `<w:tr><w:tc>${withNote("Kept cell", 1)}</w:tc><w:tc>${withNote("Gone cell", 2)}</w:tc></w:tr></w:tbl>`;
    const doc = DocxDocument.open(buildDocx({ body: table + p("End"), footnotes: [note("Source one"), note("Source two")] }));
    expect(doc.applyPatch([{ op: "remove_column", path: "/body/table[0]", column: 1 }]).operations[0]).toMatchObject({ notesRemoved: 1 });
    expect(noteTexts(doc)).toEqual(["Source one"]);
    expect(checkPackage(doc.save())).toEqual([]);
  });

  it("replacing a paragraph drops its footnote too", () => {
    const doc = open();
    const r = doc.applyPatch([{ op: "replace", path: "/body/paragraph[2]", value: { type: "paragraph", text: "Rewritten" } }]);
    expect(r.operations[0]).toMatchObject({ notesRemoved: 1 });
    expect(noteTexts(doc)).toEqual(["Source one", "Source three"]);
    expect(checkPackage(doc.save())).toEqual([]);
  });

  it("in a document that tracks changes the note stays until the deletion is accepted", () => {
    const doc = open();
    doc.setTrackChanges(true);
    doc.applyPatch([{ op: "remove", path: "/body/paragraph[1]" }]);
    expect(noteTexts(doc)).toHaveLength(3);
    doc.acceptRevisions();
    expect(noteTexts(doc)).toEqual(["Source two", "Source three"]);
  });
});

describe("comment replies", () => {
  it("a reply to a reply joins the thread of the first comment, as Word shows threads", () => {
    const doc = open();
    const reply = doc.replyToComment("0", { text: "Done", author: "Bob" });
    expect(reply).toEqual({ commentId: reply.commentId, parentId: "0" });
    const second = doc.replyToComment(reply.commentId, { text: "Thanks", author: "Ann" });
    expect(second).toMatchObject({ parentId: "0", repliedTo: reply.commentId });
    expect(second.note).toContain("Word threads are one level deep");
    expect(doc.listComments().map((c) => [c.text, c.parent_id])).toEqual([
      ["Check this", null],
      ["Done", "0"],
      ["Thanks", "0"],
    ]);
  });
});
