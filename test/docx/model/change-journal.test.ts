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
