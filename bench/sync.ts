/**
 * Benchmark of sync_external_changes on the 60 MB document (M report + 30 incompressible 2 MB images) after someone
 * changed one image and one paragraph: both versions opened from files read by ranges, as a session holds them,
 * the new one adopted as sync does (media read only where they differ, on the side that lacks them), the change
 * taken and encoded as the history entry is; then, as the next call, the result saved as a stream. Prints one JSON
 * record: bytes read on each side during the sync, its time and peak heap + ArrayBuffers (as found, both documents
 * open), and the save's peak. Run by scripts/bench.mjs in a child Node with a
 * 128 MB heap. Usage: sync.ts
 */
import { DocxDocument } from "../src/docx/index.js";
import { withParts } from "../src/sessions/unread-parts.js";
import { benchDocumentPath, changedLargeDocumentPath, fileSource } from "./documents.js";

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapAndBuffers = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const mb = (n: number) => Number((n / 1048576).toFixed(1));

const changedPath = await changedLargeDocumentPath();
gc();
let peak = heapAndBuffers();
const sample = () => {
  peak = Math.max(peak, heapAndBuffers());
};
const mine = fileSource(benchDocumentPath("60MB"));
const theirs = fileSource(changedPath);
const doc = await DocxDocument.openFrom(mine);
sample();
const [mineOpen, theirsOpen] = [mine.bytesRead, theirs.bytesRead];

const started = performance.now();
let incoming: DocxDocument | null = await DocxDocument.openFrom(theirs);
sample();
// As ExternalChanges.sync nests them: the outer retry reads the new version's parts, the inner the session's.
const outcome = await withParts(incoming, () => withParts(doc, () => doc.adopt(incoming!)));
sample();
const change = doc.takeChange();
let entry: Uint8Array | null = new TextEncoder().encode(JSON.stringify({ tool: "sync_external_changes", change }));
sample();
const syncMs = performance.now() - started;
const entryBytes = entry.length;
const [mineRead, theirsRead] = [mine.bytesRead - mineOpen, theirs.bytesRead - theirsOpen];
const syncPeak = peak;
theirs.close();

// The next call saves: the library version and the encoded entry are gone; the change stays cached for undo.
incoming = null;
entry = null;
gc();
peak = heapAndBuffers();
const saved = doc.saveStream();
let streamed = 0;
const reader = saved.stream.getReader();
for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
  streamed += chunk.value.length;
  sample();
}
if (streamed !== saved.length) throw new Error(`The save announced ${saved.length} bytes and streamed ${streamed}.`);
mine.close();

console.log(
  JSON.stringify({
    sync_parts_changed: outcome.partsChanged,
    sync_blocks_replaced: outcome.blocksReplaced,
    sync_read_session_bytes: mineRead,
    sync_read_library_bytes: theirsRead,
    sync_history_entry_bytes: entryBytes,
    sync_ms: Math.round(syncMs),
    sync_peak_heap_buffers_mb: mb(syncPeak),
    sync_save_after_peak_heap_buffers_mb: mb(peak),
    sync_change_cached: change !== null,
  }),
);
