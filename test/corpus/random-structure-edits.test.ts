/**
 * Random structure edits (rows, cells, columns, blocks: add, remove, move, copy, replace) on real documents, untracked
 * and tracked, from a fixed set of seeds. After every run the structure invariants (src/docx/invariants/structure-*)
 * hold wherever they held before, the file reopens, and in tracked mode accepting or rejecting everything leaves no
 * revisions. An edit may be refused, but only with a DocxError that leaves the document unchanged. A failure names
 * its seed, file, mode and the operations applied, so `SEEDS = [n]` replays it.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../src/docx/index.js";
import { STRUCTURE_CHECKS, xmlParts } from "../docx/support/structure-invariants.js";
import { seededRandom } from "../support/seeded-random";

const CORPUS = resolve(__dirname, "../../../shared/corpus");
const FILES = [
  "pandoc/tables.docx",
  "pandoc/table_gridbefore.docx",
  "pandoc/table_header_rowspan.docx",
  "pandoc/table_variable_width.docx",
  "pandoc/notes.docx",
  "pandoc/comments.docx",
  "pandoc/track_changes_move.docx",
  "mammoth-test-data/tables.docx",
  "mammoth-test-data/footnotes.docx",
  "python-docx/tbl-cell-access.docx",
  "python-docx/blk-paras-and-tables.docx",
  "generated/S.docx",
  "oxpt-revision-processor/RP001-Tracked-Revisions-01.docx",
  "oxpt-revision-processor/RP009-Deleted-Table-Row.docx",
  "legal/redline--ILPA-Model-Limited-Partnership-Agreement-WOF_v2.docx",
];
const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i * 7919);
const OPERATIONS_PER_RUN = 10;

type Op = Record<string, unknown>;

/** One random structure operation on what the document holds now (null when it holds nothing to aim at). */
function nextOperation(doc: DocxDocument, rand: () => number): Op | null {
  const pick = (n: number) => Math.floor(rand() * n);
  const tables = doc.count("/body/table");
  const paragraphs = doc.count("/body/paragraph");
  const cellText = () => `cell ${pick(1000)}`;
  const tableOps: (() => Op | null)[] = [];
  if (tables > 0) {
    const t = `/body/table[${pick(tables)}]`;
    const table = doc.query(t).items![0] as { rows: number; columns: number };
    const row = `${t}/row[${pick(table.rows)}]`;
    const cells = doc.count(`${row}/cell`);
    const width = Math.max(1, table.columns);
    tableOps.push(
      () => ({
        op: "add",
        path: pick(2) ? `${t}/row` : row,
        value: { type: "row", cells: Array.from({ length: 1 + pick(width + 1) }, cellText) },
      }),
      () => ({ op: "remove", path: row }),
      () => ({ op: "move", from: row, path: `${t}/children/${pick(table.rows + 1)}` }),
      () => ({ op: "copy", from: row, path: `${t}/row` }),
      () => ({ op: "replace", path: `${row}/cell[${pick(cells)}]`, value: { type: "cell", text: cellText() } }),
      () => ({ op: "remove", path: `${row}/cell[${pick(cells)}]` }),
      () => ({ op: "add", path: `${row}/children/${pick(cells + 1)}`, value: { type: "cell", text: cellText() } }),
      () => ({ op: "remove_column", path: t, column: pick(width + 1) }),
      () => ({ op: "replace", path: row, value: { type: "row", cells: Array.from({ length: 1 + pick(width) }, cellText) } }),
    );
  }
  const blockOps: (() => Op | null)[] = [
    () => ({ op: "add", path: `/body/children/${pick(paragraphs + 2)}`, value: { type: "paragraph", text: `added ${pick(1000)}` } }),
    () => ({
      op: "add",
      path: `/body/children/${pick(paragraphs + 2)}`,
      value: {
        type: "table",
        rows: [
          ["a", "b"],
          ["c", "d"],
        ],
      },
    }),
    () => (paragraphs > 1 ? { op: "remove", path: `/body/paragraph[${pick(paragraphs)}]` } : null),
    () =>
      paragraphs > 1 ? { op: "move", from: `/body/paragraph[${pick(paragraphs)}]`, path: `/body/children/${pick(paragraphs)}` } : null,
    () =>
      paragraphs > 0
        ? { op: "replace", path: `/body/paragraph[${pick(paragraphs)}]`, value: { type: "paragraph", text: "replaced" } }
        : null,
  ];
  // Table operations are the point; block ones keep notes, comments and moves in play.
  const all = tableOps.length && rand() < 0.7 ? tableOps : blockOps;
  return all[pick(all.length)]();
}

/** Violations of each structure check, by check name. */
function violations(bytes: Uint8Array): Record<string, string[]> {
  const parts = xmlParts(bytes);
  return Object.fromEntries(Object.entries(STRUCTURE_CHECKS).map(([name, check]) => [name, check(parts)]));
}

/** No check that held before fails now, and none has more violations than the source already had. */
function expectNoNewViolations(before: Record<string, string[]>, after: Record<string, string[]>, context: string): void {
  for (const [name, was] of Object.entries(before)) {
    const now = after[name];
    if (was.length === 0) expect(now, `${context}: ${name}: ${now.slice(0, 3).join("; ")}`).toEqual([]);
    else
      expect(now.length, `${context}: ${name} had ${was.length} violations in the source, now ${now.join("; ")}`).toBeLessThanOrEqual(
        was.length,
      );
  }
}

function run(seed: number, tracked: boolean): void {
  const rand = seededRandom(seed);
  const file = FILES[Math.floor(rand() * FILES.length)];
  const source = readFileSync(resolve(CORPUS, file));
  const doc = DocxDocument.open(new Uint8Array(source));
  if (tracked) doc.setTrackChanges(true);
  const before = violations(doc.save());
  const log: string[] = [];
  const context = () => `seed ${seed} (${file}, ${tracked ? "tracked" : "plain"}) after ${log.join(" | ")}`;
  for (let i = 0; i < OPERATIONS_PER_RUN; i++) {
    const op = nextOperation(doc, rand);
    if (!op) continue;
    const saved = xmlParts(doc.save());
    try {
      doc.applyPatch([op]);
      log.push(JSON.stringify(op));
    } catch (e) {
      if (!(e instanceof DocxError)) throw new Error(`${context()}: ${JSON.stringify(op)} threw ${(e as Error).stack}`);
      log.push(`refused ${JSON.stringify(op)}`);
      // Parts are compared as text: a block parsed by the refused edit may be deflated anew, with the same content.
      expect(xmlParts(doc.save()), `${context()}: a refused edit changed the document`).toEqual(saved);
    }
  }
  const edited = doc.save();
  expectNoNewViolations(before, violations(edited), context());
  expect(() => DocxDocument.open(edited), context()).not.toThrow();
  if (!tracked) return;
  for (const resolveAll of ["accept", "reject"] as const) {
    const copy = DocxDocument.open(edited);
    if (resolveAll === "accept") copy.acceptRevisions();
    else copy.rejectRevisions();
    expect(copy.revisions(), `${context()}: ${resolveAll} all`).toEqual([]);
    expectNoNewViolations(before, violations(copy.save()), `${context()}: ${resolveAll} all`);
  }
}

describe("random structure edits on corpus documents", () => {
  it("has the shared corpus to run on", () => {
    expect(existsSync(CORPUS), `the corpus is expected at ${CORPUS}`).toBe(true);
    for (const file of FILES) expect(existsSync(resolve(CORPUS, file)), file).toBe(true);
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}, untracked`, () => run(seed, false));
    it(`seed ${seed}, tracked`, () => run(seed, true));
  }
});
