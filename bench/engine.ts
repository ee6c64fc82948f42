/**
 * Benchmark of one document: open, /body summary, heading query, one-paragraph edit, save, against floors measured in
 * the same run (native inflate + tag scan of the main part; native deflate of the same part). Prints one JSON record
 * with medians; run by scripts/bench.mjs in a child Node with a 128 MB heap.
 * Two passes: the memory pass (3 runs for a document over 2 MB, else 5) samples heap and buffers after every phase
 * (with a full collection after each sample, for the live figures); the timing pass (`runs`, 5 by default) then times
 * the same phases with no forced collection, as a server runs them (a forced full GC slowed the next phase by tens of
 * ms on L: its sweeping overlapped it).
 * Usage: engine.ts S|M|L|60MB|PATH.docx [runs]
 */
import { resourceUsage } from "node:process";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { DocxDocument } from "../src/docx/index.js";
import { DEFAULT_LIMITS, DocxPackage, readZipEntries } from "../src/docx/package/index.js";
import { loadBenchDocument } from "./documents.js";
import { scanTags } from "./floor-scan.js";

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const label = process.argv[2] ?? "S";
const { bytes, source } = loadBenchDocument(label);
/** Timed runs (the median is reported; python-docx gets as many); fewer memory runs for large documents, as before. */
const runs = Number(process.argv[3] ?? 5);
const memoryRuns = process.argv[3] ? runs : bytes.length > 2_000_000 ? 3 : 5;

// Sampled at the end of every phase: V8 heap, and heap plus ArrayBuffer memory (the zip and inflated parts live there,
// outside the V8 heap, but an isolate's memory limit counts them too). The input .docx is counted: the isolate holds it.
let peakHeap = 0;
let peakHeapAndBuffers = 0;
/** The phase whose sample set peakHeapAndBuffers, so a regression says where to look. */
let peakPhase = "";
let liveAfterOpen = 0;
let heldAfterOpen = 0;
let estimateAfterOpen = 0;
// After each phase also after a full collection: what the engine keeps, without garbage V8 had not yet collected.
let peakLive = 0;
const sample = (phase: string) => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  if (m.heapUsed + m.arrayBuffers > peakHeapAndBuffers) {
    peakHeapAndBuffers = m.heapUsed + m.arrayBuffers;
    peakPhase = phase;
  }
  gc();
  const live = process.memoryUsage();
  peakLive = Math.max(peakLive, live.heapUsed + live.arrayBuffers);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Whether this run samples memory after each phase (the memory pass) or only times them (the timing pass). */
let sampling = true;
/** Times `f`; in the memory pass a named phase is also sampled (the floors are not: they are not the engine's memory). */
const time = <T>(f: () => T, phase?: string): [T, number] => {
  const t = performance.now();
  const r = f();
  const ms = performance.now() - t;
  if (phase && sampling) sample(phase);
  return [r, ms];
};

// The process before any document is opened, less the input (which an open document holds and is counted in).
gc();
const baseline = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - bytes.length;
const mainPart = DocxPackage.open(bytes).mainDocumentName();
const mainEntry = readZipEntries(bytes, DEFAULT_LIMITS).find((e) => e.name === mainPart)!;

/** Floors: what the runtime's own zlib and one pass over the bytes cost; the engine cannot do less than this. */
function measureFloors(): { floorOpen: number; floorDeflate: number } {
  const [xml, floorOpen] = time(() => {
    const inflated = inflateRawSync(mainEntry.compressed, { maxOutputLength: mainEntry.uncompressedSize });
    scanTags(inflated);
    return inflated;
  });
  const [, floorDeflate] = time(() => deflateRawSync(xml, { level: 6 }));
  return { floorOpen, floorDeflate };
}

const figures: Record<string, number[]> = {
  floor_open: [],
  floor_deflate: [],
  open: [],
  summary: [],
  heading: [],
  edit: [],
  save: [],
  /** Per run, the peer's work: open + edit + save (python-docx times the three as one). */
  open_edit_save: [],
};
let facts: Record<string, unknown> = {};
// One run per call, so nothing of the previous run's document is still referenced (a loop body's slots can be).
function measureRun(run: number): void {
  const { floorOpen, floorDeflate } = measureFloors();
  // Collect the floors' buffers first (outside any timing) so the peak reflects what the engine itself holds.
  if (sampling) gc();
  const [doc, open] = time(() => DocxDocument.open(bytes), "open");
  if (run === 0 && sampling) {
    // What an open document keeps alive (heap plus buffers, the input included), without transient garbage, next to
    // the engine's own estimate (what the session cache weighs it by).
    gc();
    const m = process.memoryUsage();
    liveAfterOpen = m.heapUsed + m.arrayBuffers;
    heldAfterOpen = liveAfterOpen - baseline;
    estimateAfterOpen = doc.memoryBytes();
  }
  const [summary, summaryMs] = time(() => doc.query("/body", { format: "summary" }), "summary");
  const [headings, heading] = time(() => doc.query("/body/heading[level=2][text~='next steps']", { format: "json", limit: 5 }), "heading");
  const target = (headings.items?.[0]?.path as string | undefined) ?? "/body/paragraph[0]";
  const [, edit] = time(() => doc.replaceParagraphText(target, `Edited by the benchmark, run ${run}`), "edit");
  // Chunks, as a save streamed to storage would take them: untouched entries stay views of the input.
  const [saved, save] = time(() => doc.saveChunks(), "save");
  const savedBytes = saved.reduce((n, c) => n + c.length, 0);
  if (sampling) return;
  for (const [k, v] of Object.entries({
    floor_open: floorOpen,
    floor_deflate: floorDeflate,
    open,
    summary: summaryMs,
    heading,
    edit,
    save,
    open_edit_save: open + edit + save,
  }))
    figures[k].push(v);
  facts = {
    main_part_bytes: mainEntry.uncompressedSize,
    blocks: summary.total,
    headings_matched: headings.total,
    edited: target,
    saved_bytes: savedBytes,
  };
}
for (let run = 0; run < memoryRuns; run++) {
  measureRun(run);
  gc();
}
sampling = false;
for (let run = 0; run < runs; run++) measureRun(run);

const med = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(median(v))]));
const openAndSummary = median(figures.open.map((o, i) => o + figures.summary[i]));
const mb = (n: number) => Number((n / 1048576).toFixed(1));
console.log(
  JSON.stringify({
    label,
    path: source,
    runs,
    docx_bytes: bytes.length,
    open_ms: med.open,
    summary_ms: med.summary,
    heading_ms: med.heading,
    edit_ms: med.edit,
    save_ms: med.save,
    open_edit_save_ms: med.open_edit_save,
    floor_open_ms: med.floor_open,
    floor_deflate_ms: med.floor_deflate,
    open_summary_ms: Math.round(openAndSummary),
    open_summary_vs_floor: Number((openAndSummary / median(figures.floor_open)).toFixed(2)),
    save_vs_floor: Number((median(figures.save) / median(figures.floor_deflate)).toFixed(2)),
    peak_heap_mb: mb(peakHeap),
    peak_heap_buffers_mb: mb(peakHeapAndBuffers),
    peak_phase: peakPhase,
    peak_live_mb: mb(peakLive),
    live_after_open_mb: mb(liveAfterOpen),
    held_after_open_mb: mb(heldAfterOpen),
    estimated_after_open_mb: mb(estimateAfterOpen),
    max_rss_mb: Number((resourceUsage().maxRSS / 1024).toFixed(1)),
    ...facts,
  }),
);
