/**
 * A markdown query and the markdown export are one renderer: the same list labels and nesting (pandoc-shaped
 * numbering), whether the query reads the whole body or starts in the middle of a list.
 */
import { describe, expect, it } from "vitest";
import { libreOfficeShaped, pandocShaped } from "../support/corpus-shaped.js";
import { exported, exportFixture } from "./export-fixture.js";

describe("query in markdown", () => {
  it("reads the body exactly as the export writes it", () => {
    for (const doc of [pandocShaped(), exportFixture()]) {
      const exportedLines = exported(doc, "markdown").split("\n");
      const queried = doc.query("/body", { format: "markdown", limit: 500 }).text!;
      // The export ends with the notes' definitions, which a query of the body does not list.
      expect(exportedLines.slice(0, queried.split("\n").length).join("\n")).toBe(queried);
    }
    expect(`${pandocShaped().query("/body", { format: "markdown" }).text}\n`).toBe(exported(pandocShaped(), "markdown"));
  });

  it("shows pandoc's nested numbering with labels and indentation", () => {
    const text = pandocShaped().query("/body", { format: "markdown" }).text!;
    expect(text).toContain(
      "1. Prepare\n   - a. Gather tools\n     - i. Check the list\n   - b. Clear the desk\n2. Build\n3. Test\n   - a. Unit",
    );
    expect(text).toContain("- Milk\n  - Skimmed");
  });

  it("keeps the export's labels and nesting when a query starts inside a list", () => {
    const doc = pandocShaped();
    const lines = exported(doc, "markdown").split("\n");
    // Paragraph 5 is "Clear the desk", item b. under 1.; the page runs on to "Build" and "Test".
    const page = doc.query("/body/paragraph[*]", { format: "markdown", offset: 5, limit: 3 }).text!;
    expect(page).toBe("   - b. Clear the desk\n2. Build\n3. Test");
    expect(lines.join("\n")).toContain(page);
    expect(doc.query("/body/paragraph[8]", { format: "markdown" }).text).toBe("   - a. Unit");
    // Asked for on its own, an item still carries the number the export gives it.
    expect(doc.query("/body/paragraph[7]", { format: "markdown" }).text).toBe("3. Test");
  });

  it("renders cells, stories and runs through the same writer", () => {
    const doc = libreOfficeShaped();
    expect(doc.query("/body/table[0]/row[1]/cell[*]", { format: "markdown" }).text).toBe("Q1\n\nfirst quarter\n\nQ2");
    expect(doc.query("/header[0]", { format: "markdown" }).text).toBe("Header text\n\n| header cell |\n| --- |");
    expect(doc.query("/body/paragraph[1]/run[*]", { format: "markdown" }).text!.split("\n")).toEqual([
      "Opening with a note",
      "[^1]",
      " and ",
      "a comment",
      "{>>Ann: Check this.<<}",
    ]);
  });
});
