/**
 * The quality bar, checked by another word processor: documents from several corpus folders, edited by
 * every kind of tool, open in LibreOffice (PDF conversion succeeds); tracked edits show there as changes.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index";
import { CORPUS } from "../support/corpus";
import { expectAllOpenInLibreOffice, LIBREOFFICE_TIMEOUT_MS, openDocumentContent, sofficeAvailable } from "../support/libreoffice";

const SOURCES = [
  "legal/open-agreements--mutual-nda.docx",
  "python-docx/blk-paras-and-tables.docx",
  "pandoc/lists.docx",
  "mammoth-test-data/tables.docx",
  "generated/S.docx",
];
// A 2x1 PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP8z8DwnwEIGAEAHgMBAVCS+AMAAAAASUVORK5CYII=";

const open = (file: string) => DocxDocument.open(readFileSync(resolve(CORPUS, file)));
const texts = (doc: DocxDocument) =>
  (doc.query("/body/paragraph[*]", { format: "json", limit: 500 }).items as { text: string }[]).map((i) => i.text);

/** The first body paragraph with a word of at least five letters: edits aim at real text, whatever the file holds. */
function target(doc: DocxDocument): { index: number; word: string } {
  const all = texts(doc);
  for (let index = 0; index < all.length; index++) {
    const word = /[A-Za-z]{5,}/.exec(all[index])?.[0];
    if (word) return { index, word };
  }
  throw new Error("no paragraph with a word to edit");
}

/** Every kind of edit the tools make, untracked. */
function editEverything(doc: DocxDocument): string[] {
  const { index, word } = target(doc);
  const path = `/body/paragraph[${index}]`;
  doc.replaceText(path, { find: word, replace: `${word.toUpperCase()}-edited` });
  doc.insertText(path, { text: " [inserted]", offset: 0 });
  doc.addComment(path, { text: "Check this wording.", author: "Reviewer", anchorText: "-edited" });
  doc.styleElement({ bold: true, color: "C00000" }, { path });
  doc.styleParagraph({ alignment: "center", spacing_after: 120 }, { path });
  doc.applyPatch([
    { op: "add", path: "/body/children/0", value: { type: "heading", level: 1, text: "Edited by docx-edge" } },
    {
      op: "add",
      path: "/body/children/1",
      value: { type: "list", ordered: true, items: ["First", "Second", { text: "Third", items: ["Nested"] }] },
    },
    {
      op: "add",
      path: "/body/children/2",
      value: {
        type: "table",
        headers: ["Item", "Amount"],
        rows: [
          ["Apples", "3"],
          ["Pears", "4"],
        ],
      },
    },
    { op: "add", path: "/body/children/3", value: { type: "image", data: PNG, width: 2, unit: "cm", alt: "Pixel" } },
    { op: "add", path: "/body/children/4", value: { type: "hyperlink", text: "Example", url: "https://example.com/" } },
    { op: "add", path: "/body/paragraph[0]", value: { type: "footnote", text: "A footnote we added." } },
  ]);
  doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["Header — page {PAGE} of {NUMPAGES}"] });
  doc.setPageSetup(0, { orientation: "landscape" });
  return [`${word.toUpperCase()}-edited`, "[inserted]", "Edited by docx-edge", "Second", "Apples", "Example"];
}

/** Edits made while the document tracks changes: each must be a revision. */
function editTracked(doc: DocxDocument): void {
  doc.setEditor("Tracked Reviewer");
  doc.setTrackChanges(true);
  const { index, word } = target(doc);
  doc.replaceText(`/body/paragraph[${index}]`, { find: word, replace: "REPLACED" });
  doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "paragraph", text: "A tracked new paragraph." } }]);
  doc.styleElement({ italic: true }, { path: `/body/paragraph[${index + 1}]` });
}

describe.runIf(sofficeAvailable())("documents edited by the tools, as LibreOffice sees them", () => {
  it(
    "opens every corpus document after every kind of edit, with the new content on the page",
    () => {
      const edited = SOURCES.map((file) => {
        const doc = open(file);
        const expected = editEverything(doc);
        return { bytes: doc.save(), name: file.replace(/\W+/g, "-"), expected };
      });
      const results = expectAllOpenInLibreOffice(edited);
      results.forEach((result, i) => {
        if (result.text === null) return; // no pdftotext: opening is the check
        const flat = result.text.replace(/\s+/g, " ");
        for (const text of edited[i].expected) expect(flat, `${SOURCES[i]}: "${text}" not on the page`).toContain(text);
      });
    },
    LIBREOFFICE_TIMEOUT_MS * 2,
  );

  it(
    "shows tracked edits as changes with their author, and opens the accepted and rejected results",
    () => {
      const docs = SOURCES.map((file) => {
        const doc = open(file);
        editTracked(doc);
        return { doc, name: file.replace(/\W+/g, "-") };
      });
      const contents = openDocumentContent(docs.map(({ doc, name }) => ({ bytes: doc.save(), name })));
      contents.forEach((xml, i) => {
        expect(xml, SOURCES[i]).toMatch(/<text:changed-region[\s\S]*<text:insertion>/);
        expect(xml, SOURCES[i]).toMatch(/<text:deletion>/);
        expect(xml, SOURCES[i]).toContain("Tracked Reviewer");
      });
      const resolved = docs.flatMap(({ doc, name }) => {
        const accepted = DocxDocument.open(doc.save());
        accepted.acceptRevisions();
        const rejected = DocxDocument.open(doc.save());
        rejected.rejectRevisions();
        expect(texts(rejected)).not.toContain("A tracked new paragraph.");
        expect(texts(accepted)[0]).toBe("A tracked new paragraph.");
        return [
          { bytes: accepted.save(), name: `${name}-accepted` },
          { bytes: rejected.save(), name: `${name}-rejected` },
        ];
      });
      expectAllOpenInLibreOffice(resolved);
    },
    LIBREOFFICE_TIMEOUT_MS * 2,
  );
});
