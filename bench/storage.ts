/**
 * Benchmark of one document as a session holds it: opened from storage by range reads (a file read by ranges stands
 * for R2), one paragraph edited, saved as a stream of known length drained to a sink. Prints one JSON record: bytes
 * read to open against the file's size, times, and peak heap + ArrayBuffers overall and during the save (sampled per
 * streamed chunk, as found and after collecting garbage). The input is never loaded whole, as in the isolate. Run by scripts/bench.mjs in a child Node with a
 * 128 MB heap. Usage: storage.ts S|M|L|60MB|PATH.docx
 */
import { DocxDocument } from "../src/docx/index.js";
import { benchDocumentPath, fileSource } from "./documents.js";

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const path = benchDocumentPath(process.argv[2] ?? "S");
const heapAndBuffers = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
let peak = 0;
const sample = () => {
  peak = Math.max(peak, heapAndBuffers());
};
const mb = (n: number) => Number((n / 1048576).toFixed(1));

gc();
const before = heapAndBuffers();
const source = fileSource(path);
let started = performance.now();
const doc = await DocxDocument.openFrom(source);
const openMs = performance.now() - started;
const openRead = source.bytesRead;
const openRequests = source.requests;
sample();
// What the open document keeps alive, without transient garbage (the figure the session cache weighs it against).
gc();
const heldAfterOpen = heapAndBuffers() - before;

const headings = doc.query("/body/heading[level=2][text~='next steps']", { format: "json", limit: 5 });
const target = (headings.items?.[0]?.path as string | undefined) ?? "/body/paragraph[0]";
started = performance.now();
doc.replaceParagraphText(target, "Edited by the benchmark");
const editMs = performance.now() - started;
sample();

// The save, drained chunk by chunk as storage would take it; memory sampled on every chunk.
started = performance.now();
const saved = doc.saveStream();
let savePeak = heapAndBuffers();
let streamed = 0;
const reader = saved.stream.getReader();
for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
  streamed += chunk.value.length;
  savePeak = Math.max(savePeak, heapAndBuffers());
}
const saveMs = performance.now() - started;
peak = Math.max(peak, savePeak);
if (streamed !== saved.length) throw new Error(`The save announced ${saved.length} bytes and streamed ${streamed}.`);
const saveRead = source.bytesRead - openRead;

// The same save again, collecting garbage every streamed megabyte: what a save really keeps alive at its worst
// (the figure above also counts streamed chunks V8 had not collected yet).
gc();
let saveLive = heapAndBuffers();
let sinceCollect = 0;
const again = doc.saveStream().stream.getReader();
for (let chunk = await again.read(); !chunk.done; chunk = await again.read()) {
  sinceCollect += chunk.value.length;
  if (sinceCollect >= 1 << 20) {
    sinceCollect = 0;
    gc();
    saveLive = Math.max(saveLive, heapAndBuffers());
  }
}
source.close();

console.log(
  JSON.stringify({
    storage_docx_bytes: source.size,
    storage_open_read_bytes: openRead,
    storage_open_read_share: Number((openRead / source.size).toFixed(4)),
    storage_open_requests: openRequests,
    storage_open_ms: Math.round(openMs),
    storage_edit_ms: Math.round(editMs),
    storage_save_ms: Math.round(saveMs),
    storage_saved_bytes: saved.length,
    storage_save_read_bytes: saveRead,
    storage_held_after_open_mb: mb(heldAfterOpen),
    storage_peak_heap_buffers_mb: mb(peak),
    storage_save_peak_heap_buffers_mb: mb(savePeak),
    storage_save_peak_live_mb: mb(saveLive),
  }),
);
