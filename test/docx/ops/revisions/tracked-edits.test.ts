import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { buildDocx, p } from "../../support/build-docx.js";
import { paragraphTexts } from "./support.js";

// Edits made while the document tracks changes are revisions like Word's: they list, and accept or reject, the same way.
describe("tracked edits made by this engine", () => {
  const tracked = () => {
    const doc = DocxDocument.open(buildDocx({ body: p("The fee is 100 euros.") + p("Second paragraph.") }));
    doc.setTrackChanges(true);
    doc.setEditor("Reviewer");
    doc.replaceText("/body/paragraph[0]", { find: "100", replace: "120" });
    doc.insertText("/body/paragraph[1]", { after: "paragraph.", text: " Added." });
    return doc;
  };

  it("lists them under the editor's name", () => {
    const revisions = tracked().revisions();
    expect(revisions.map((r) => [r.type, r.author, r.text])).toEqual([
      ["deletion", "Reviewer", "100"],
      ["insertion", "Reviewer", "120"],
      ["insertion", "Reviewer", " Added."],
    ]);
  });

  it("rejecting them all gives back the text before the edits; accepting keeps the edits", () => {
    const rejected = tracked();
    rejected.rejectRevisions({ author: "reviewer" });
    expect(paragraphTexts(rejected)).toEqual(["The fee is 100 euros.", "Second paragraph."]);
    const accepted = tracked();
    accepted.acceptRevisions();
    expect(paragraphTexts(accepted)).toEqual(["The fee is 120 euros.", "Second paragraph. Added."]);
    expect(accepted.revisions()).toEqual([]);
  });
});
