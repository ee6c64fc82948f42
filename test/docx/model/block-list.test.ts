import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { WordDocument } from "../../../src/docx/model/index.js";
import { element } from "../../../src/docx/xml/index.js";
import { buildDocx, p } from "../support/build-docx.js";

const paragraph = (text: string) => element("w:p", [], [element("w:r", [], [element("w:t", [], [{ type: "text", text }])])]);

describe("the block seam for edits", () => {
  it("inserts a block with a fresh stored id and removes another, leaving the rest as original text", () => {
    const source = buildDocx({ body: p("first") + p("second") + p("third"), headers: { default: p("head") } });
    const doc = WordDocument.open(source);
    const idsBefore = doc.body.blocks.map((b) => b.id);
    const id = doc.insertBlock(doc.body, 1, paragraph("inserted"));
    doc.removeBlock(doc.body, 3);
    expect(idsBefore).not.toContain(id);
    expect(id).toMatch(/^[0-9A-F]{8}$/);
    const saved = doc.save();
    const xml = strFromU8(unzipSync(saved)["word/document.xml"]);
    // The block after the insertion gets its id stored; the first block stays as original text.
    expect(xml).toContain(`${p("first")}<w:p w14:paraId="${id}"><w:r><w:t>inserted</w:t></w:r></w:p><w:p w14:paraId="${idsBefore[1]}">`);
    const reopened = DocxDocument.open(saved);
    expect(reopened.query("/body/paragraph", { format: "text" }).text).toBe("first\ninserted\nsecond");
    expect(reopened.query("/body/paragraph[1]").items![0].id).toBe(id);
    expect(reopened.query("/body/paragraph").items!.map((i) => i.id)).toEqual([idsBefore[0], id, idsBefore[1]]);
  });

  it("inserts into a header held as a tree", () => {
    const doc = WordDocument.open(buildDocx({ body: p("body"), headers: { default: p("head") } }));
    const header = doc.headersFooters[0].blocks;
    doc.insertBlock(header, 0, paragraph("above"));
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query("/header[0]", { format: "text" }).text).toBe("above\nhead");
  });
});
