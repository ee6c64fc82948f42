/** Table edits render in LibreOffice with the column widths the grid says (positions read from its PDF). */
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { sofficeAvailable } from "../../support/libreoffice.js";
import { libreOfficeWords, type PlacedWord } from "../../support/libreoffice-layout.js";
import { buildDocx, p } from "../support/build-docx.js";
import { LO_STYLES, LO_TABLE } from "./table-fixtures.js";

const TWIPS_PER_POINT = 20;

function left(words: PlacedWord[], word: string): number {
  const found = words.find((w) => w.word === word);
  expect(found, `${word} is on the page`).toBeDefined();
  return found!.x;
}

describe("edited tables in LibreOffice", () => {
  it.runIf(sofficeAvailable())(
    "after removing a column under a merged cell, every column is as wide as its grid column",
    () => {
      const edited = [1, 0].map((column) => {
        const doc = DocxDocument.open(buildDocx({ body: p("Start") + LO_TABLE, styles: LO_STYLES }));
        doc.applyPatch([
          { op: "remove_column", path: "/body/table[0]", column },
          { op: "add", path: "/body/table[0]/row", value: { type: "row", cells: ["Afive"] } },
        ]);
        return libreOfficeWords(doc.save(), `column-${column}`);
      });
      // Column 1 removed: the second column starts one first-column width (3212 twips) right of the first, in every row.
      const [withoutB, withoutA] = edited;
      for (const [a, c] of [
        ["Merged", "Cone"],
        ["Atwo", "Ctwo"],
        ["Tall", "Cthree"],
      ])
        expect(Math.abs(left(withoutB, c) - left(withoutB, a) - 3212 / TWIPS_PER_POINT)).toBeLessThan(2);
      expect(Math.abs(left(withoutB, "Afive") - left(withoutB, "Atwo"))).toBeLessThan(1);
      // Column 0 removed: the merged cell now covers only the old column 1 (3213 twips), and the table starts where it did.
      for (const [b, c] of [
        ["Merged", "Cone"],
        ["Btwo", "Ctwo"],
      ])
        expect(Math.abs(left(withoutA, c) - left(withoutA, b) - 3213 / TWIPS_PER_POINT)).toBeLessThan(2);
      expect(Math.abs(left(withoutA, "Merged") - left(withoutA, "Start"))).toBeLessThan(8);
    },
    120_000,
  );
});
