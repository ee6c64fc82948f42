import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx } from "../support/build-docx.js";
import { expectValidPackage } from "../support/valid-package.js";

// A run with a pending formatting change (bold, by Ann, revision 5), as Word and LibreOffice write it.
const CHANGED = (text: string, id = "5") =>
  `<w:r><w:rPr><w:b/><w:rPrChange w:id="${id}" w:author="Ann" w:date="2024-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr>` +
  `<w:t xml:space="preserve">${text}</w:t></w:r>`;
const ids = (doc: DocxDocument) =>
  [...strFromU8(unzipSync(doc.save())["word/document.xml"]).matchAll(/<w:rPrChange w:id="(\d+)"/g)].map((m) => m[1]);

describe("text edits inside a run with a pending formatting change", () => {
  it("give each piece of a split run its own revision id, plain and tracked", () => {
    for (const tracked of [false, true]) {
      const doc = DocxDocument.open(buildDocx({ body: `<w:p>${CHANGED("The quick brown fox")}</w:p>` }));
      if (tracked) doc.setTrackChanges(true);
      doc.replaceText("/body", { find: "quick", replace: "slow" });
      doc.insertText("/body/paragraph[0]", { text: "!", offset: 3 });
      const found = ids(doc);
      expect(found.length, `tracked: ${tracked}`).toBeGreaterThan(1);
      expect(new Set(found).size, `tracked: ${tracked}`).toBe(found.length);
      expect(found[0]).toBe("5");
      expectValidPackage(doc);
    }
  });

  it("keeps an id the source already shares across runs shared, split or not", () => {
    const doc = DocxDocument.open(buildDocx({ body: `<w:p>${CHANGED("alpha ")}${CHANGED("beta gamma")}</w:p>` }));
    doc.replaceText("/body", { find: "gamma", replace: "delta" });
    expect(ids(doc)).toEqual(["5", "5", "5"]);
  });
});
