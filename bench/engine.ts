/**
 * Benchmark of one generated report (S, M or L): open, /body summary, heading query, one-paragraph edit, save,
 * against the inflate-and-scan floor. Prints JSON with medians; run by scripts/bench.mjs under a 128 MB heap.
 */
import { readFileSync } from "node:fs";
import { resourceUsage } from "node:process";
import { DocxDocument } from "../src/docx/index.js";
import { DocxPackage, inflateEntry } from "../src/docx/package/index.js";
import { DEFAULT_LIMITS } from "../src/docx/package/limits.js";
import { readZipEntries } from "../src/docx/package/zip-reader.js";
import { scanTags } from "./floor-scan.js";

const size = process.argv[2] ?? "S";
const runs = Number(process.argv[3] ?? (size === "L" ? 3 : 5));
const corpus = process.env.DOCX_CORPUS ?? new URL("../../shared/corpus/generated/", import.meta.url).pathname;
const bytes = new Uint8Array(readFileSync(`${corpus}${size}.docx`));

// Sampled at the end of every phase: V8 heap, and heap plus ArrayBuffer memory (the zip and inflated parts live there,
// outside the V8 heap, but an isolate's memory limit counts them too).
let peakHeap = 0;
let peakHeapAndBuffers = 0;
let liveAfterOpen = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakHeapAndBuffers = Math.max(peakHeapAndBuffers, m.heapUsed + m.arrayBuffers);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  const ms = performance.now() - t;
  sample();
  return [r, ms];
};

const figures: Record<string, number[]> = { floor: [], open: [], summary: [], heading: [], edit: [], save: [] };
let facts: Record<string, unknown> = {};
for (let run = 0; run < runs; run++) {
  const [, floor] = time(() => {
    const main = DocxPackage.open(bytes).mainDocumentName();
    const entry = readZipEntries(bytes, DEFAULT_LIMITS).find((e) => e.name === main)!;
    return scanTags(inflateEntry(entry, DEFAULT_LIMITS));
  });
  // Collect the floor's buffers first (outside any timing) so the peak reflects what the engine itself holds.
  (globalThis as { gc?: () => void }).gc?.();
  const [doc, open] = time(() => DocxDocument.open(bytes));
  if (run === 0 && (globalThis as { gc?: () => void }).gc) {
    // What an open document keeps alive (heap plus buffers), without transient garbage.
    (globalThis as { gc?: () => void }).gc!();
    const m = process.memoryUsage();
    liveAfterOpen = m.heapUsed + m.arrayBuffers;
  }
  const [summary, summaryMs] = time(() => doc.query("/body", { format: "summary" }));
  const [headings, heading] = time(() => doc.query("/body/heading[level=2][text~='next steps']", { format: "json", limit: 5 }));
  const target = (headings.items?.[0]?.path as string | undefined) ?? "/body/paragraph[10]";
  const [, edit] = time(() => doc.replaceParagraphText(target, `Edited by the benchmark, run ${run}`));
  const [saved, save] = time(() => doc.save());
  for (const [k, v] of Object.entries({ floor, open, summary: summaryMs, heading, edit, save })) figures[k].push(v);
  facts = {
    blocks: summary.total,
    summary_chars: summary.text?.length,
    headings_matched: headings.total,
    edited: target,
    saved_bytes: saved.length,
  };
}

const med = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(median(v))]));
const openAndSummary = median(figures.open.map((o, i) => o + figures.summary[i]));
console.log(
  JSON.stringify({
    size,
    runs,
    docx_bytes: bytes.length,
    median_ms: med,
    floor_ms: med.floor,
    open_plus_summary_ms: Math.round(openAndSummary),
    ratio: Number((openAndSummary / median(figures.floor)).toFixed(2)),
    peak_heap_mb: Number((peakHeap / 1048576).toFixed(1)),
    peak_heap_buffers_mb: Number((peakHeapAndBuffers / 1048576).toFixed(1)),
    live_after_open_mb: Number((liveAfterOpen / 1048576).toFixed(1)),
    max_rss_mb: Number((resourceUsage().maxRSS / 1024).toFixed(1)),
    ...facts,
  }),
);
