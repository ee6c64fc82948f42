/**
 * replace_text at scale (issue 11): a one-letter word 20,000 times in one 200 KB paragraph, and 1,000 matches over
 * the L report; each as a real run (edit + save) and a dry run (edit + revert, as a preview does), beside the floor
 * of a plain string replace over the same text. Prints figures; asserts nothing.
 */
import { readFileSync } from "node:fs";
import { createBlankDocx, DocxDocument } from "../src/docx/index.js";

const corpus = process.env.DOCX_CORPUS ?? new URL("../../shared/corpus/generated/", import.meta.url).pathname;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

function measure(name: string, bytes: Uint8Array, path: string, find: string, replace: string, maxCount: number, runs: number) {
  const real: number[] = [];
  const dry: number[] = [];
  const count: number[] = [];
  let found = 0;
  let made = 0;
  for (let i = 0; i < runs; i++) {
    let doc = DocxDocument.open(bytes);
    real.push(
      ms(() => {
        made = doc.replaceText(path, { find, replace, maxCount }).replacementsMade;
        doc.save();
      }),
    );
    doc = DocxDocument.open(bytes);
    dry.push(
      ms(() => {
        doc.replaceText(path, { find, replace, maxCount });
        const change = doc.takeChange();
        if (change) doc.revertChange(change);
      }),
    );
    doc = DocxDocument.open(bytes);
    count.push(ms(() => (found = doc.replaceText(path, { find, replace, maxCount: 0 }).matchesFound)));
  }
  const row = {
    case: name,
    matches_found: found,
    replaced: made,
    real_ms: Math.round(median(real)),
    dry_ms: Math.round(median(dry)),
    count_ms: Math.round(median(count)),
  };
  if (name !== "warm-up") console.log(JSON.stringify(row));
}

// One paragraph of 20,000 words "a" among longer ones: 200,000 characters.
const text = "a bcdefgh ".repeat(20_000);
const blank = DocxDocument.open(createBlankDocx());
blank.replaceParagraphText("/body/paragraph[0]", text);
const long = blank.save();
const floor = Math.round(median(Array.from({ length: 5 }, () => ms(() => text.split("a").join("A")))));
// The first round warms the JIT and is not reported.
measure("warm-up", long, "/body", "a", "A", 10_000, 1);
console.log(
  `replace_text medians in ms (real = replace + save; dry = replace + revert; count = max_count 0). Floor: plain string replace over the 200 KB text = ${floor} ms.`,
);
measure("200 KB paragraph, 'a' -> 'A' (cap 10,000 per call)", long, "/body", "a", "A", 10_000, 3);
// The same, written as tracked changes.
const tracked = DocxDocument.open(long);
tracked.setTrackChanges(true);
measure("200 KB paragraph, tracked", tracked.save(), "/body", "a", "A", 10_000, 3);
let lBytes: Uint8Array | null = null;
try {
  lBytes = new Uint8Array(readFileSync(`${corpus}L.docx`));
} catch {
  console.error(`L report not found in ${corpus}; skipping that case.`);
}
if (lBytes) measure("L report, 'the' -> 'THE', 1,000 matches", lBytes, "/body", "the", "THE", 1_000, 3);
