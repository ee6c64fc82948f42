// Session history benchmark (M and L generated reports): bytes written per one-paragraph edit including the
// checkpoints they trigger, storage reads/writes and index calls per tool call (cold and warm isolate),
// and undo-10 / jump-to-0 times. Prints figures; asserts nothing.
import { readFileSync } from "node:fs";
import type { SessionIndex } from "../src/sessions/index";
import { DocumentCache, DocumentSessions } from "../src/sessions/index";
import { MemoryLibraryStore } from "../src/storage/memory/library-store";
import { MemorySessionIndex } from "../src/storage/memory/session-index";
import { MemorySessionStore } from "../src/storage/memory/session-store";

const TENANT = "bench";
const EDITS = 50;

/** Counts calls into the tenant index (the Durable Object round trips in production). */
function countingIndex(inner: SessionIndex) {
  const counter = { calls: 0 };
  const proxy = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function"
        ? (...args: unknown[]) => {
            counter.calls++;
            return value.apply(target, args);
          }
        : value;
    },
  });
  return { index: proxy as SessionIndex, counter };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t: number) => Math.round(t * 10) / 10;

async function run(size: string) {
  const bytes = new Uint8Array(readFileSync(`../shared/corpus/generated/${size}.docx`));
  const library = new MemoryLibraryStore();
  const store = new MemorySessionStore();
  const { index, counter } = countingIndex(new MemorySessionIndex());
  const make = () => new DocumentSessions({ tenantId: TENANT, library, store, index, cache: new DocumentCache(256 * 1024 * 1024) });
  await library.write(TENANT, "doc.docx", bytes);
  const warm = make();
  const { id } = await warm.open("doc.docx");
  const paragraphs = await warm.history.read(id, (doc) => doc.count("/body/paragraph[*]"));

  const edit = (sessions: DocumentSessions, i: number) =>
    sessions.history.edit(id, { tool: "bench_edit" }, (doc) => {
      doc.replaceParagraphText(`/body/paragraph[${(i * 7919) % paragraphs}]`, `Benchmark edit ${i}`);
      return { result: null, description: `edit ${i}` };
    });

  // Warm: the same isolate edits 50 times.
  const writesBefore = store.writes.length;
  const editTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const t = performance.now();
    await edit(warm, i);
    editTimes.push(performance.now() - t);
  }
  const written = store.writes.slice(writesBefore);
  const bytesPerEdit = written.reduce((n, w) => n + w.bytes, 0) / EDITS;
  const checkpoints = written.filter((w) => w.key.includes("/cp/")).length;

  // Keep editing until the policy writes a checkpoint: the average over the whole cycle includes its cost.
  let cycleEdits = EDITS;
  while (!store.writes.slice(writesBefore).some((x) => x.key.includes("/cp/")) && cycleEdits < 400) await edit(warm, cycleEdits++);
  const cycle = store.writes.slice(writesBefore);
  const cycleBytesPerEdit = cycle.reduce((n, x) => n + x.bytes, 0) / cycleEdits;

  // One more warm edit, counted.
  let r = store.reads,
    w = store.writes.length,
    c = counter.calls;
  await edit(warm, cycleEdits);
  const warmCall = { reads: store.reads - r, writes: store.writes.length - w, index: counter.calls - c };

  // A cold isolate's first edit.
  const cold = make();
  r = store.reads;
  w = store.writes.length;
  c = counter.calls;
  const t = performance.now();
  await edit(cold, cycleEdits + 1);
  const coldEditMs = performance.now() - t;
  const coldCall = { reads: store.reads - r, writes: store.writes.length - w, index: counter.calls - c };

  // Undo 10 and jump to 0: warm isolate, then a cold one.
  const timed = async (f: () => Promise<unknown>) => {
    const s = performance.now();
    await f();
    return performance.now() - s;
  };
  const undoWarm: number[] = [],
    jumpWarm: number[] = [],
    undoCold: number[] = [],
    jumpCold: number[] = [];
  await warm.history.read(id, () => null); // bring the warm isolate up to date after the cold edit
  // Warm = this isolate holds the current document; each timed move includes reading the document it lands on.
  const settle = () => warm.history.read(id, () => null);
  for (let k = 0; k < 3; k++) {
    undoWarm.push(
      await timed(async () => {
        await warm.history.moveTo(id, (h) => h.position - 10);
        await settle();
      }),
    );
    await warm.history.moveTo(id, (h) => h.top);
    await settle();
    jumpWarm.push(
      await timed(async () => {
        await warm.history.moveTo(id, () => 0);
        await settle();
      }),
    );
    await warm.history.moveTo(id, (h) => h.top);
    await settle();
  }
  for (let k = 0; k < 3; k++) {
    // A cold isolate's undo: the move itself plus rebuilding the document at the new position.
    const c1 = make();
    undoCold.push(
      await timed(async () => {
        await c1.history.moveTo(id, (h) => h.position - 10);
        await c1.history.read(id, () => null);
      }),
    );
    await c1.history.moveTo(id, (h) => h.top);
    const c2 = make();
    jumpCold.push(
      await timed(async () => {
        await c2.history.moveTo(id, () => 0);
        await c2.history.read(id, () => null);
      }),
    );
    await c2.history.moveTo(id, (h) => h.top);
  }
  return {
    size,
    docx_bytes: bytes.length,
    edits: EDITS,
    bytes_per_edit: Math.round(bytesPerEdit),
    pct_of_docx: Math.round((bytesPerEdit / bytes.length) * 10000) / 100,
    checkpoints,
    cycle_edits: cycleEdits,
    cycle_bytes_per_edit: Math.round(cycleBytesPerEdit),
    cycle_pct_of_docx: Math.round((cycleBytesPerEdit / bytes.length) * 10000) / 100,
    edit_warm_ms: ms(median(editTimes)),
    edit_cold_ms: ms(coldEditMs),
    warm: warmCall,
    cold: coldCall,
    undo10_warm_ms: ms(median(undoWarm)),
    jump0_warm_ms: ms(median(jumpWarm)),
    undo10_cold_ms: ms(median(undoCold)),
    jump0_cold_ms: ms(median(jumpCold)),
  };
}

const sizes = process.argv.slice(2).length ? process.argv.slice(2) : ["M", "L"];
console.log(
  "\nSession history (in-memory stores with counters; one-paragraph edits; medians of 3 for undo/jump; cold = a new isolate's first call)",
);
for (const size of sizes) {
  const r = await run(size);
  console.log(
    `${r.size}: docx ${r.docx_bytes} B; ${r.edits} edits wrote ${r.bytes_per_edit} B/edit = ${r.pct_of_docx}% of the docx (${r.checkpoints} checkpoints)`,
  );
  console.log(
    `   over a whole checkpoint cycle (${r.cycle_edits} edits, ending with the checkpoint they trigger): ${r.cycle_bytes_per_edit} B/edit = ${r.cycle_pct_of_docx}% of the docx`,
  );
  console.log(
    `   edit: warm ${r.edit_warm_ms} ms, cold ${r.edit_cold_ms} ms; storage reads/writes + index calls per edit: warm ${r.warm.reads}/${r.warm.writes} + ${r.warm.index}, cold ${r.cold.reads}/${r.cold.writes} + ${r.cold.index}`,
  );
  console.log(
    `   undo 10: warm ${r.undo10_warm_ms} ms, cold ${r.undo10_cold_ms} ms; jump to 0: warm ${r.jump0_warm_ms} ms, cold ${r.jump0_cold_ms} ms`,
  );
}
