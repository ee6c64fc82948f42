import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index.js";
import { scanBody } from "../../src/docx/model/index.js";
import { DocxPackage } from "../../src/docx/package/index.js";
import { CORPUS } from "../support/corpus";
import { sofficeAvailable } from "../support/libreoffice.js";
import { libreOfficeText } from "../support/libreoffice-text.js";

const FILES = [
  "legal/nvca-regression--filled.docx",
  "legal/open-agreements--bonterms-mutual-nda.docx",
  "legal/redline--ILPA-Model-Limited-Partnership-Agreement-WOF_v2.docx",
  "python-docx/blk-paras-and-tables.docx",
  "python-docx/doc-default.docx",
  "python-docx/num-having-numbering-part.docx",
  "python-docx/par-hyperlinks.docx",
  "pandoc/block_quotes.docx",
  "pandoc/comments.docx",
  "pandoc/alternate_document_path.docx",
  "generated/S.docx",
];
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP8z8DwnwEIGAEAHgMBAVCS+AMAAAAASUVORK5CYII=";

const bytesOf = (name: string) => new Uint8Array(readFileSync(resolve(CORPUS, name)));

function partBytes(docx: Uint8Array): Map<string, Buffer> {
  const pkg = DocxPackage.open(docx);
  return new Map(pkg.partNames().map((n) => [n, Buffer.from(pkg.readBytes(n))]));
}

/** The XML text of every top-level body block as it is in the file. */
function blockTexts(docx: Uint8Array): string[] {
  const pkg = DocxPackage.open(docx);
  const raw = pkg.readBytes(pkg.mainDocumentName());
  return scanBody(raw).blocks.map((b) => new TextDecoder().decode(raw.subarray(b.start, b.end)));
}

/** Adds one of each element family near the top and edits a few existing blocks. */
const EDITS = [
  { op: "add", path: "/body/children/0", value: { type: "heading", level: 1, text: "Added heading" } },
  {
    op: "add",
    path: "/body/children/1",
    value: { type: "paragraph", runs: [{ text: "Bold", style: { bold: true } }, { text: " and plain" }] },
  },
  { op: "add", path: "/body/children/2", value: { type: "list", ordered: true, items: ["alpha", "beta", "gamma"] } },
  {
    op: "add",
    path: "/body/children/5",
    value: { type: "table", headers: ["K", "V"], rows: [["a", "1"], [{ text: "merged", col_span: 2 }]] },
  },
  { op: "add", path: "/body/children/6", value: { type: "hyperlink", text: "docx-edge", url: "https://example.com" } },
  { op: "add", path: "/body/children/7", value: { type: "image", data: PNG, width: 20 } },
  { op: "add", path: "/body/children/8", value: { type: "page_break" } },
  { op: "copy", from: "/body/paragraph[1]", path: "/body/children/999" },
  { op: "add", path: "/body/paragraph[1]", value: { type: "footnote", text: "A corpus footnote." } },
];

describe("element edits on corpus documents", () => {
  for (const file of FILES) {
    it(`${file}: adds every element family, keeps untouched blocks byte-identical, reopens`, () => {
      const input = bytesOf(file);
      const doc = DocxDocument.open(input);
      const blocksBefore = doc.count("/body");
      const result = doc.applyPatch(EDITS);
      expect(result.applied).toBe(EDITS.length);
      const saved = doc.save();
      const reopened = DocxDocument.open(saved);
      expect(reopened.count("/body")).toBe(blocksBefore + 10);
      expect(reopened.query("/body/paragraph[0]").items![0]).toMatchObject({ text: "Added heading" });
      expect(reopened.count("/body/heading[text='Added heading']")).toBe(1);
      expect(reopened.count("/body/table[0]/row")).toBe(3);
      expect(reopened.count("/body/paragraph[text='A corpus footnote.']")).toBe(0);
      expect(reopened.query("/footnote[-1]", { format: "text" }).text).toContain("A corpus footnote.");
      for (const op of result.operations) if (op.createdId) expect(reopened.pathOf(op.createdId as string)).toBeTruthy();
      // Untouched blocks: all but the few an edit touches (the footnoted paragraph, the block after each insertion point) are verbatim.
      const after = new TextDecoder().decode(DocxPackage.open(saved).readBytes(DocxPackage.open(saved).mainDocumentName()));
      const original = blockTexts(input);
      const verbatim = original.filter((xml) => after.includes(xml)).length;
      expect(verbatim).toBeGreaterThanOrEqual(original.length - 4);
    });

    it(`${file}: a patch whose 5th operation fails, and a reverted patch, change nothing`, () => {
      const input = bytesOf(file);
      const doc = DocxDocument.open(input);
      const baseline = partBytes(doc.save());
      expect(() => doc.applyPatch([...EDITS.slice(0, 4), { op: "remove", path: "/body/paragraph[100000]" }])).toThrow(
        /Operation 4 \(remove/,
      );
      doc.applyPatch(EDITS);
      doc.revertChange(doc.takeChange()!);
      const now = partBytes(doc.save());
      expect([...now.keys()].sort()).toEqual([...baseline.keys()].sort());
      for (const [name, bytes] of baseline) expect(now.get(name)!.equals(bytes), name).toBe(true);
    });
  }

  it.runIf(sofficeAvailable())(
    "LibreOffice reads the edited generated report with the new list numbered 1, 2, 3",
    () => {
      const doc = DocxDocument.open(bytesOf("generated/S.docx"));
      doc.applyPatch(EDITS);
      const text = libreOfficeText(doc.save(), "report")!;
      expect(text).toContain("Added heading");
      expect(text).toMatch(/1\.\s*alpha\s+2\.\s*beta\s+3\.\s*gamma/);
      expect(text).toContain("docx-edge");
    },
    180_000,
  );
});
