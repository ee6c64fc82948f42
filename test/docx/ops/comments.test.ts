import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";

const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const part = (bytes: Uint8Array, name: string) => {
  const entry = unzipSync(bytes)[name];
  return entry ? strFromU8(entry) : null;
};
const BODY =
  `<w:p>${r("The quick brown fox", "<w:b/>")}</w:p>` +
  p("Second paragraph") +
  `<w:tbl><w:tr><w:tc>${p("cell A")}</w:tc><w:tc>${p("cell B")}</w:tc></w:tr></w:tbl>`;

describe("comments", () => {
  it("anchors a comment to a phrase in the middle of a run, with marks at the exact characters and formatting kept on both sides", () => {
    const doc = DocxDocument.open(buildDocx({ body: BODY }));
    const added = doc.addComment("/body/paragraph[0]", { text: "Which fox?", anchorText: "brown", author: "Ann Lee" });
    expect(added).toEqual({ commentId: "0", path: "/body/paragraph[0]", anchoredText: "brown" });
    const saved = doc.save();
    expect(part(saved, "word/document.xml")).toContain(
      `${r("The quick ", "<w:b/>")}<w:commentRangeStart w:id="0"/>${r("brown", "<w:b/>")}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${r(" fox", "<w:b/>")}`,
    );
    // A new comments part, with its relationship and content type.
    expect(part(saved, "word/comments.xml")).toMatch(
      /<w:comment w:id="0" w:author="Ann Lee" w:date="[^"]+" w:initials="AL"><w:p w14:paraId="[0-9A-F]{8}"><w:r><w:annotationRef\/><\/w:r><w:r><w:t xml:space="preserve">Which fox\?<\/w:t><\/w:r><\/w:p><\/w:comment>/,
    );
    expect(part(saved, "word/_rels/document.xml.rels")).toContain('Target="comments.xml"');
    expect(part(saved, "[Content_Types].xml")).toContain(
      'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"',
    );
    // It survives save and reopen.
    const reopened = DocxDocument.open(saved);
    expect(reopened.listComments()).toEqual([
      {
        id: "0",
        author: "Ann Lee",
        initials: "AL",
        date: expect.any(String),
        text: "Which fox?",
        anchored_text: "brown",
        parent_id: null,
        resolved: false,
      },
    ]);
    expect(reopened.query("/body/paragraph[0]").items![0].text).toBe("The quick brown fox");
  });

  it("anchors to a whole paragraph, a run and a table cell, and finds anchor text inside a table", () => {
    const doc = DocxDocument.open(buildDocx({ body: BODY }));
    doc.addComment("/body/paragraph[1]", { text: "whole paragraph" });
    doc.addComment("/body/paragraph[0]/run[0]", { text: "a run" });
    doc.addComment("/body/table[0]/row[0]/cell[1]", { text: "a cell" });
    expect(doc.addComment("/body/table[0]", { text: "in table", anchorText: "A" })).toMatchObject({
      path: "/body/table[0]/row[0]/cell[0]/paragraph[0]",
      anchoredText: "A",
    });
    const xml = part(doc.save(), "word/document.xml")!;
    expect(xml).toMatch(
      /<w:p w14:paraId="[0-9A-F]{8}"><w:commentRangeStart w:id="0"\/><w:r><w:t xml:space="preserve">Second paragraph<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r><\/w:p>/,
    );
    // The run keeps its id, stored in it when it was edited.
    expect(xml).toMatch(
      /<w:commentRangeStart w:id="1"\/><w:r dmcp:id="[0-9A-F]{8}\.r0"><w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">The quick brown fox<\/w:t><\/w:r><w:commentRangeEnd w:id="1"\/>/,
    );
    expect(xml).toContain(`<w:commentRangeStart w:id="2"/><w:r><w:t xml:space="preserve">cell B</w:t></w:r><w:commentRangeEnd w:id="2"/>`);
    expect(doc.listComments().map((c) => [c.id, c.anchored_text])).toEqual([
      ["0", "Second paragraph"],
      ["1", "The quick brown fox"],
      ["2", "cell B"],
      ["3", "A"],
    ]);
  });

  it("threads replies, resolves, lists with an author filter and deletes a thread with its marks", () => {
    const doc = DocxDocument.open(buildDocx({ body: BODY }));
    doc.addComment("/body/paragraph[0]", { text: "Root", anchorText: "quick", author: "Ann" });
    doc.addComment("/body/paragraph[1]", { text: "Other", author: "Bob" });
    expect(doc.replyToComment("0", { text: "Reply", author: "Bob" })).toEqual({ commentId: "2", parentId: "0" });
    expect(doc.resolveComment("0")).toEqual({ commentId: "0", resolved: true });
    const reopened = DocxDocument.open(doc.save());
    const list = reopened.listComments();
    expect(list.map((c) => [c.id, c.author, c.parent_id, c.resolved, c.anchored_text])).toEqual([
      ["0", "Ann", null, true, "quick"],
      ["1", "Bob", null, false, "Second paragraph"],
      ["2", "Bob", "0", false, "quick"],
    ]);
    expect(reopened.listComments("bob").map((c) => c.id)).toEqual(["1", "2"]);
    const ext = part(reopened.save(), "word/commentsExtended.xml")!;
    expect(ext).toMatch(
      /<w15:commentEx w15:paraId="([0-9A-F]{8})" w15:done="1"\/><w15:commentEx w15:paraId="[0-9A-F]{8}" w15:done="0" w15:paraIdParent="\1"\/>/,
    );

    expect(reopened.deleteComments({ commentId: "0" })).toEqual({ deleted: ["0", "2"] });
    const saved = reopened.save();
    const xml = part(saved, "word/document.xml")!;
    expect(xml).not.toMatch(/w:id="[02]"/);
    expect(xml).toContain(r("The quick brown fox", "<w:b/>").slice(0, 20));
    expect(
      DocxDocument.open(saved)
        .listComments()
        .map((c) => c.id),
    ).toEqual(["1"]);
    expect(part(saved, "word/commentsExtended.xml")).not.toContain("commentEx ");
  });

  it("deletes every comment by an author", () => {
    const doc = DocxDocument.open(buildDocx({ body: BODY }));
    doc.addComment("/body/paragraph[0]", { text: "a", author: "Ann" });
    doc.addComment("/body/paragraph[1]", { text: "b", author: "Bob" });
    doc.addComment("/body/table[0]", { text: "c", author: "ann" });
    expect(doc.deleteComments({ author: "ANN" })).toEqual({ deleted: ["0", "2"] });
    expect(doc.listComments().map((c) => c.author)).toEqual(["Bob"]);
  });

  it("refuses bad input with clear errors and changes nothing", () => {
    const doc = DocxDocument.open(buildDocx({ body: BODY, headers: { default: p("Head") } }));
    expect(docxFailure(() => doc.addComment("/body/paragraph[0]", { text: "x", anchorText: "wolf" }))).toMatchObject({
      kind: "invalid_argument",
      field: "anchor_text",
    });
    expect(docxFailure(() => doc.addComment("/body/paragraph[9]", { text: "x" }))).toMatchObject({ kind: "path_not_found" });
    expect(docxFailure(() => doc.addComment("/body/paragraph[*]", { text: "x" }))).toMatchObject({
      field: "path",
      message: expect.stringContaining("2 elements"),
    });
    expect(docxFailure(() => doc.addComment("/header[0]/paragraph[0]", { text: "x" }))).toMatchObject({
      field: "path",
      message: expect.stringContaining("body only"),
    });
    expect(docxFailure(() => doc.addComment("/body/paragraph[0]", { text: " " }))).toMatchObject({ field: "text" });
    expect(docxFailure(() => doc.replyToComment("4", { text: "x" }))).toMatchObject({
      field: "comment_id",
      message: expect.stringContaining("no comments"),
    });
    expect(docxFailure(() => doc.resolveComment("4"))).toMatchObject({ field: "comment_id" });
    expect(docxFailure(() => doc.deleteComments({}))).toMatchObject({ field: "comment_id" });
    expect(docxFailure(() => doc.deleteComments({ author: "Nobody" }))).toMatchObject({ field: "author" });
    expect(doc.takeChange()).toBeNull();
  });

  it("adds to an existing comments part, after its highest id, and is undone as one change", () => {
    const input = buildDocx({ body: BODY, comments: [{ author: "Old", body: p("old one") }] });
    const doc = DocxDocument.open(input);
    expect(doc.addComment("/body/paragraph[1]", { text: "new" }).commentId).toBe("1");
    const change = doc.takeChange()!;
    doc.revertChange(change);
    const saved = doc.save();
    expect(part(saved, "word/comments.xml")).toBe(part(input, "word/comments.xml"));
    expect(part(saved, "word/document.xml")).toBe(part(input, "word/document.xml"));
  });
});
