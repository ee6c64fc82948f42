import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index.js";
import { DocxPackage } from "../../src/docx/package/index.js";
import type { XmlElement } from "../../src/docx/xml/index.js";
import { expectAllOpenInLibreOffice, sofficeAvailable } from "../support/libreoffice.js";
import { CORPUS, docxFiles } from "./corpus-files.js";

// Open-Xml-PowerTools' RevisionProcessor cases: each X.docx has goldens X-Accepted.docx and X-Rejected.docx made by
// accepting (rejecting) every tracked change. We do the same and compare what a reader sees: each story's paragraph
// texts in order and each table's shape (rows x cells).
const DIR = join(CORPUS, "oxpt-revision-processor");

/**
 * Cases whose golden we knowingly do not match: the reason, and the golden edited by exactly that difference, which
 * we must then match. The test fails if a listed case matches the unedited golden (so this list only shrinks).
 */
interface ExpectedDifference {
  reason: string;
  adjust(golden: Record<string, StoryShape>): void;
}
// Word removes a table whose rows are all deleted (accepted) or all inserted (rejected), as we do; these goldens keep
// an empty w:tbl without rows.
const emptyTablesKept: ExpectedDifference = {
  reason: "golden keeps tables with no rows; we remove them",
  adjust: (golden) => {
    for (const story of Object.values(golden)) story.tables = story.tables.filter((t) => t !== "0x[]");
  },
};
// A paragraph mark moved away (w:moveFrom in its w:rPr, §17.13.5.21) is gone once the move is accepted, and one moved
// here (w:moveTo, §17.13.5.24) once it is rejected, so its paragraph joins the next like a deleted mark; the golden
// leaves it behind as an empty paragraph.
const movedMarkKept = (index: number): ExpectedDifference => ({
  reason: `golden keeps the paragraph of a resolved moved paragraph mark as an empty paragraph (paragraph ${index})`,
  adjust: (golden) => {
    const paragraphs = golden["document.xml"].paragraphs;
    expect(paragraphs[index]).toBe("");
    paragraphs.splice(index, 1);
  },
});
const EXPECTED_DIFFERENCES: Record<string, ExpectedDifference> = {
  "RP001-Tracked-Revisions-01.docx:Accepted": emptyTablesKept,
  "RP001-Tracked-Revisions-02.docx:Accepted": emptyTablesKept,
  "RP051-Arabic.docx:Rejected": emptyTablesKept,
  "RP015-MoveFrom-MoveTo.docx:Accepted": movedMarkKept(1),
  "RP015-MoveFrom-MoveTo.docx:Rejected": movedMarkKept(3),
};

const STORY_TYPES = ["header", "footer", "footnotes", "endnotes"];

interface StoryShape {
  paragraphs: string[];
  tables: string[];
}

/** What a reader sees of each story: the main part, then headers, footers and notes by part name. */
function shapeOf(bytes: Uint8Array): Record<string, StoryShape> {
  const pkg = DocxPackage.open(bytes);
  const main = pkg.mainDocumentName();
  const parts = [
    main,
    ...pkg
      .relationships(main)
      .filter((r) => STORY_TYPES.some((t) => r.type.endsWith("/" + t)) && r.partName && pkg.has(r.partName))
      .map((r) => r.partName!)
      .sort(),
  ];
  const out: Record<string, StoryShape> = {};
  for (const part of parts) {
    const shape: StoryShape = { paragraphs: [], tables: [] };
    walk(pkg.readXml(part).doc.root, shape);
    out[part.replace(/^.*\//, "")] = shape;
  }
  return out;
}

function walk(el: XmlElement, shape: StoryShape): void {
  for (const c of el.children) {
    if (c.type !== "element") continue;
    if (c.name === "w:p") shape.paragraphs.push(paragraphText(c));
    if (c.name === "w:tbl") {
      const rows = c.children.filter((r): r is XmlElement => r.type === "element" && r.name === "w:tr");
      shape.tables.push(
        `${rows.length}x[${rows.map((r) => r.children.filter((t) => t.type === "element" && t.name === "w:tc").length).join(",")}]`,
      );
    }
    walk(c, shape);
  }
}

/** w:t and math m:t text with tabs; deleted text and field codes are not visible text. */
function paragraphText(p: XmlElement): string {
  let text = "";
  const visit = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.type !== "element") continue;
      if (c.name === "w:t" || c.name === "m:t") text += c.children.map((t) => (t.type === "text" ? t.text : "")).join("");
      else if (c.name === "w:tab" && el.name === "w:r") text += "\t";
      else if (c.name !== "w:p" && c.name !== "w:tbl") visit(c);
    }
  };
  visit(p);
  return text;
}

function differences(actual: Record<string, StoryShape>, golden: Record<string, StoryShape>): string | null {
  try {
    expect(actual).toEqual(golden);
    return null;
  } catch (e) {
    return (e as Error).message.slice(0, 2000);
  }
}

const inputs = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith(".docx") && !/-(Accepted|Rejected)\.docx$/.test(f))
      .sort()
  : [];

describe("accept all / reject all match the Open-Xml-PowerTools goldens", () => {
  for (const action of ["Accepted", "Rejected"] as const) {
    it.runIf(inputs.length > 0)(`${action}: every case with a golden`, () => {
      const failures: string[] = [];
      const expectedButPassed: string[] = [];
      let compared = 0;
      let matched = 0;
      for (const input of inputs) {
        const goldenFile = join(DIR, input.replace(/\.docx$/, `-${action}.docx`));
        if (!existsSync(goldenFile)) continue;
        compared++;
        const doc = DocxDocument.open(new Uint8Array(readFileSync(join(DIR, input))));
        if (action === "Accepted") doc.acceptRevisions();
        else doc.rejectRevisions();
        const saved = doc.save();
        const golden = shapeOf(new Uint8Array(readFileSync(goldenFile)));
        const diff = differences(shapeOf(saved), golden);
        const key = `${input}:${action}`;
        if (!diff) matched++;
        // Resolving every revision leaves none behind.
        const left = DocxDocument.open(saved).revisions().length;
        if (left) failures.push(`${key}: ${left} revisions left after resolving all`);
        const expected = EXPECTED_DIFFERENCES[key];
        if (expected) {
          if (!diff) expectedButPassed.push(key);
          expected.adjust(golden);
          const rest = differences(shapeOf(saved), golden);
          if (rest) failures.push(`${key} differs beyond "${expected.reason}":\n${rest}`);
        } else if (diff) failures.push(`${key}\n${diff}`);
      }
      console.log(`${action}: ${matched} of ${compared} cases match their golden`);
      expect(failures).toEqual([]);
      expect(expectedButPassed, "these documented differences now match: remove them from EXPECTED_DIFFERENCES").toEqual([]);
    });
  }
});

// Every corpus document with tracked changes (OXPT, pandoc, POI, legal redlines): resolving all of them either way
// leaves none, and the result opens again, in our engine and (where installed) in LibreOffice.
describe("accept all / reject all on every corpus document with tracked changes", () => {
  const withRevisions = existsSync(CORPUS)
    ? docxFiles(CORPUS).filter(
        (f) => !f.endsWith("ExternalEntityInText.docx") && DocxDocument.open(new Uint8Array(readFileSync(f))).revisions().length > 0,
      )
    : [];

  it.runIf(withRevisions.length > 0)("leaves no revision and a document that reopens", () => {
    const failures: string[] = [];
    for (const file of withRevisions) {
      for (const action of ["accept", "reject"] as const) {
        const doc = DocxDocument.open(new Uint8Array(readFileSync(file)));
        if (action === "accept") doc.acceptRevisions();
        else doc.rejectRevisions();
        const left = DocxDocument.open(doc.save()).revisions();
        if (left.length) failures.push(`${relative(CORPUS, file)} ${action}: ${left.length} left, first ${JSON.stringify(left[0])}`);
      }
    }
    console.log(`${withRevisions.length} corpus documents with tracked changes resolved both ways`);
    expect(failures).toEqual([]);
  });

  it.runIf(withRevisions.length > 0 && sofficeAvailable())("gives documents LibreOffice opens", () => {
    const outputs = withRevisions.flatMap((file, i) =>
      (["accept", "reject"] as const).map((action) => {
        const doc = DocxDocument.open(new Uint8Array(readFileSync(file)));
        if (action === "accept") doc.acceptRevisions();
        else doc.rejectRevisions();
        return { bytes: doc.save(), name: `${i}-${action}-${file.replace(/^.*\//, "")}` };
      }),
    );
    expect(expectAllOpenInLibreOffice(outputs)).toHaveLength(outputs.length);
  });
});
