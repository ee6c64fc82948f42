import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index";
import { buildDocx, p } from "../support/build-docx";

const body = [p("Alpha"), p("Beta"), p("Gamma"), p("Delta")].join("") + "<w:sectPr/>";
const texts = (doc: DocxDocument) => (doc.query("/body/paragraph[*]", { format: "json" }).items as { text: string }[]).map((i) => i.text);

describe("DocxDocument changes", () => {
  it("reports no change for a document nobody edited", () => {
    expect(DocxDocument.open(buildDocx({ body })).takeChange()).toBeNull();
  });

  it("describes a one-paragraph edit by that paragraph alone", () => {
    const doc = DocxDocument.open(buildDocx({ body }));
    doc.replaceParagraphText("/body/paragraph[2]", "Gamma, revised");
    const change = doc.takeChange()!;
    expect(change.stories).toHaveLength(1);
    expect(change.stories[0].story).toBe("word/document.xml#body");
    expect(change.stories[0].splices).toHaveLength(1);
    const [splice] = change.stories[0].splices;
    expect(splice.at).toBe(2);
    expect(splice.removed).toHaveLength(1);
    expect(splice.removed[0]).toContain("Gamma");
    expect(splice.inserted[0]).toContain("Gamma, revised");
    expect(doc.takeChange()).toBeNull(); // taking starts a new change
  });

  it("makes one splice of adjacent edited blocks and another for each block apart from them", () => {
    const doc = DocxDocument.open(buildDocx({ body }));
    doc.applyPatch(
      [
        ["/body/paragraph[0]", "Alpha 2"],
        ["/body/paragraph[1]", "Beta 2"],
        ["/body/paragraph[3]", "Delta 2"],
      ].map(([path, text]) => ({ op: "replace_paragraph_text", path, text })),
    );
    const { stories } = doc.takeChange()!;
    expect(stories).toHaveLength(1);
    const { splices } = stories[0];
    expect(splices.map((s) => [s.at, s.removed.length, s.inserted.length])).toEqual([
      [0, 2, 2],
      [3, 1, 1],
    ]);
    expect(splices[0].removed.join("")).toMatch(/Alpha<.*Beta</);
    expect(splices[0].inserted.join("")).toMatch(/Alpha 2<.*Beta 2</);
    expect(splices[1].removed[0]).toContain("Delta<");
  });

  it("gives no change for a block parsed for an edit that left its text as it was", () => {
    const doc = DocxDocument.open(buildDocx({ body }));
    doc.replaceParagraphText("/body/paragraph[2]", "Gamma 2");
    doc.takeChange();
    doc.replaceParagraphText("/body/paragraph[2]", "Gamma 2");
    expect(doc.takeChange()).toBeNull();
  });

  it("describes a move and an edit together, and undoes both with the blocks' ids", () => {
    const bytes = buildDocx({ body });
    const doc = DocxDocument.open(bytes);
    const ids = (d: DocxDocument) => (d.query("/body/paragraph[*]", { format: "json" }).items as { id: string }[]).map((i) => i.id);
    const original = ids(doc);
    doc.applyPatch([
      { op: "move", from: "/body/paragraph[3]", path: "/body/children/0" },
      { op: "replace_paragraph_text", path: "/body/paragraph[2]", text: "Beta 2" },
    ]);
    expect(texts(doc)).toEqual(["Delta", "Alpha", "Beta 2", "Gamma"]);
    const change = JSON.parse(JSON.stringify(doc.takeChange()));
    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    expect(texts(replica)).toEqual(["Delta", "Alpha", "Beta 2", "Gamma"]);
    doc.revertChange(change);
    expect(texts(doc)).toEqual(["Alpha", "Beta", "Gamma", "Delta"]);
    expect(ids(doc)).toEqual(original);
  });

  it("replays a change on another copy of the original and reverts it", () => {
    const bytes = buildDocx({ body });
    const edited = DocxDocument.open(bytes);
    edited.replaceParagraphText("/body/paragraph[0]", "First");
    edited.replaceParagraphText("/body/paragraph[3]", "Last");
    const change = JSON.parse(JSON.stringify(edited.takeChange())); // survives the WAL's JSON round trip

    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    expect(texts(replica)).toEqual(["First", "Beta", "Gamma", "Last"]);
    expect(texts(DocxDocument.open(replica.save()))).toEqual(["First", "Beta", "Gamma", "Last"]);

    replica.revertChange(change);
    expect(texts(replica)).toEqual(["Alpha", "Beta", "Gamma", "Delta"]);
    expect(replica.takeChange()).toBeNull(); // replay and revert are not new edits
  });

  it("keeps element ids across replay", () => {
    const bytes = buildDocx({ body });
    const edited = DocxDocument.open(bytes);
    const { id } = edited.replaceParagraphText("/body/paragraph[1]", "Beta 2");
    const replica = DocxDocument.open(bytes);
    replica.applyChange(edited.takeChange()!);
    expect((replica.query(`/body/paragraph[id='${id}']`, { format: "json" }).items as { text: string }[])[0].text).toBe("Beta 2");
  });

  it("refuses a change that does not fit the document and leaves it as it was", () => {
    const edited = DocxDocument.open(buildDocx({ body }));
    edited.replaceParagraphText("/body/paragraph[0]", "Changed");
    const change = edited.takeChange()!;
    const other = DocxDocument.open(buildDocx({ body: p("Something else") + "<w:sectPr/>" }));
    expect(() => other.applyChange(change)).toThrow(/History does not match/);
    expect(texts(other)).toEqual(["Something else"]);
  });

  it("carries the ids of the blocks a change removes and inserts, so undo restores derived ids after a cold reload", () => {
    const bytes = buildDocx({ body });
    const edited = DocxDocument.open(bytes);
    const ids = (doc: DocxDocument) => (doc.query("/body/paragraph[*]", { format: "json" }).items as { id: string }[]).map((i) => i.id);
    const original = ids(edited);
    edited.applyPatch([{ op: "remove", path: "/body/paragraph[1]" }]);
    const change = JSON.parse(JSON.stringify(edited.takeChange()));
    const [splice] = change.stories[0].splices;
    expect(splice.removedIds).toEqual(expect.arrayContaining([original[1]]));
    expect(splice.insertedIds).toHaveLength(splice.inserted.length);

    // Replayed on a fresh copy of the original, then undone.
    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    replica.revertChange(change);
    expect(ids(replica)).toEqual(original);

    // Reloaded from a checkpoint taken after the edit (the removed block was never in memory), then undone.
    const reloaded = DocxDocument.open(edited.save());
    reloaded.revertChange(change);
    expect(ids(reloaded)).toEqual(original);
    expect(texts(reloaded)).toEqual(["Alpha", "Beta", "Gamma", "Delta"]);
  });

  it("still applies and reverts changes written before they carried ids", () => {
    const bytes = buildDocx({ body });
    const edited = DocxDocument.open(bytes);
    edited.applyPatch([{ op: "remove", path: "/body/paragraph[1]" }]);
    const change = JSON.parse(JSON.stringify(edited.takeChange()));
    for (const s of change.stories[0].splices) {
      delete s.removedIds;
      delete s.insertedIds;
    }
    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    expect(texts(replica)).toEqual(["Alpha", "Gamma", "Delta"]);
    replica.revertChange(change);
    expect(texts(replica)).toEqual(["Alpha", "Beta", "Gamma", "Delta"]);
  });
});
