// Runs bench/engine.ts for the S, M and L generated reports, each in a child Node with the heap capped at 128 MB,
// and prints a table of medians. Benchmarks print figures; nothing here asserts a time.
import { spawnSync } from "node:child_process";

const sizes = process.argv.slice(2).length ? process.argv.slice(2) : ["S", "M", "L"];
const rows = [];
for (const size of sizes) {
  const child = spawnSync(process.execPath, ["--max-old-space-size=128", "--expose-gc", "--import", "tsx", "bench/engine.ts", size], {
    encoding: "utf8",
  });
  if (child.status !== 0) {
    console.error(`${size}: failed (exit ${child.status})\n${child.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const result = JSON.parse(child.stdout.trim().split("\n").pop());
  rows.push(result);
}
const cols = [
  "size",
  "runs",
  "floor",
  "open",
  "summary",
  "heading",
  "edit",
  "save",
  "ratio",
  "peak_heap_mb",
  "peak_heap_buffers_mb",
  "live_after_open_mb",
  "max_rss_mb",
  "blocks",
];
console.log("Medians in ms; floor = inflate document.xml + scan every tag once; ratio = (open + /body summary) / floor.");
console.log(
  "Each size runs in a child node --max-old-space-size=128; peak heap is sampled after every phase (heap_buffers adds ArrayBuffer memory; garbage from the floor run is collected first).",
);
const width = (c) => Math.max(8, c.length + 2);
console.log(cols.map((c) => c.padStart(width(c))).join(""));
for (const r of rows) {
  const cells = { ...r, ...r.median_ms };
  console.log(cols.map((c) => String(cells[c] ?? "").padStart(width(c))).join(""));
}
