/**
 * Every id a read hands out resolves in a path: query everything in corpus-shaped documents, collect each element
 * with an id from every result, and select it again by `[id='…']` from its story (`/body/*[id='…']`, and for blocks
 * `/body/paragraph[id='…']` / `/body/table[id='…']`), getting back the element at the path the result gave.
 */
import { describe, expect, it } from "vitest";
import type { Json } from "../../../src/docx/index.js";
import { libreOfficeShaped, pandocShaped, wordShaped } from "../support/corpus-shaped.js";
import { everything, unresolvedIds } from "../support/handed-ids.js";

describe("ids handed out by reads", () => {
  for (const [name, open] of [
    ["LibreOffice-shaped", libreOfficeShaped],
    ["Word-shaped", wordShaped],
    ["pandoc-shaped", pandocShaped],
  ] as const) {
    it(`all resolve in a path in a ${name} document`, () => {
      const doc = open();
      const handed = everything(doc);
      // The walk reaches nested paragraphs (cells, text boxes), runs and cells, not only top-level blocks.
      expect(handed.some((h) => /\.tc\d+\.p\d+$/.test(h.id) || (h.path.includes("/cell[") && h.type === "paragraph"))).toBe(true);
      expect(handed.some((h) => h.type === "run")).toBe(true);
      const unresolved = unresolvedIds(doc, handed);
      expect(unresolved).toEqual([]);
      expect(handed.length).toBeGreaterThan(20);
    });
  }

  it("resolves a table-cell paragraph's id from the body, as the issue's example shows", () => {
    const doc = libreOfficeShaped();
    const [cellParagraph] = doc.query("/body/table[0]/row[1]/cell[1]/paragraph[1]").items as Json[];
    expect(cellParagraph.id).toMatch(/^[0-9A-F]{8}\.tr1\.tc1\.p1$/);
    const [again] = doc.query(`/body/paragraph[id='${cellParagraph.id}']`).items as Json[];
    expect(again).toMatchObject({ path: "/body/table[0]/row[1]/cell[1]/paragraph[1]", text: "first quarter" });
    // The kind must fit: a paragraph's id does not select a table, and an id from another story is not in the body.
    expect(doc.query(`/body/table[id='${cellParagraph.id}']`).total).toBe(0);
    const [headerParagraph] = doc.query("/header[0]/paragraph[0]").items as Json[];
    expect(doc.query(`/body/paragraph[id='${headerParagraph.id}']`).total).toBe(0);
    expect(doc.query(`/header[0]/paragraph[id='${headerParagraph.id}']`).total).toBe(1);
  });
});
