/**
 * A block-level difference between two sequences of body blocks, each given by its kind and its XML text: which
 * blocks are the same, added, removed, modified (same kind, different content, at the same place) or moved (same
 * content elsewhere). The longest common subsequence anchors the unchanged blocks; it is computed only on the part
 * between the common prefix and suffix, and skipped beyond a size bound (those blocks then count as modified).
 */

export interface DiffBlock {
  kind: string;
  /** The block's content as compared: its XML text. */
  key: string;
}

export type BlockDiffEntry =
  | { change: "unchanged"; from: number; to: number }
  | { change: "added"; to: number }
  | { change: "removed"; from: number }
  | { change: "modified"; from: number; to: number }
  | { change: "moved"; from: number; to: number };

/** Above this many cells the quadratic table would cost more than the comparison is worth. */
const MAX_LCS_CELLS = 4_000_000;

/** Index pairs of a longest common subsequence of `a[lo..]` and `b[lo..]` up to the given ends. */
function commonSubsequence(a: DiffBlock[], b: DiffBlock[], lo: number, aEnd: number, bEnd: number): [number, number][] {
  const n = aEnd - lo;
  const m = bEnd - lo;
  if (n === 0 || m === 0 || n * m > MAX_LCS_CELLS) return [];
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] =
        a[lo + i].key === b[lo + j].key
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[lo + i].key === b[lo + j].key) {
      pairs.push([lo + i, lo + j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** How `to` differs from `from`, block by block, in the order of `to` (removed blocks where they were). */
export function diffBlocks(from: DiffBlock[], to: DiffBlock[]): BlockDiffEntry[] {
  let prefix = 0;
  while (prefix < from.length && prefix < to.length && from[prefix].key === to[prefix].key) prefix++;
  let suffix = 0;
  while (
    suffix < from.length - prefix &&
    suffix < to.length - prefix &&
    from[from.length - 1 - suffix].key === to[to.length - 1 - suffix].key
  )
    suffix++;
  const anchors: [number, number][] = [];
  for (let i = 0; i < prefix; i++) anchors.push([i, i]);
  anchors.push(...commonSubsequence(from, to, prefix, from.length - suffix, to.length - suffix));
  for (let k = suffix; k > 0; k--) anchors.push([from.length - k, to.length - k]);

  const out: BlockDiffEntry[] = [];
  // Blocks between two anchors are a gap: content found elsewhere moved, the rest pair up by kind as modified.
  const matchedFrom = new Set(anchors.map(([f]) => f));
  const matchedTo = new Set(anchors.map(([, t]) => t));
  const unmatchedFrom = new Map<string, number[]>();
  from.forEach((block, i) => {
    if (!matchedFrom.has(i)) unmatchedFrom.set(block.key, [...(unmatchedFrom.get(block.key) ?? []), i]);
  });
  const moved = new Map<number, number>(); // to index -> from index
  to.forEach((block, j) => {
    const sources = matchedTo.has(j) ? undefined : unmatchedFrom.get(block.key);
    if (sources?.length) moved.set(j, sources.shift()!);
  });
  const movedFrom = new Set(moved.values());

  let fi = 0;
  let ti = 0;
  const flushGap = (fEnd: number, tEnd: number) => {
    const removed: number[] = [];
    for (; fi < fEnd; fi++) if (!movedFrom.has(fi)) removed.push(fi);
    for (; ti < tEnd; ti++) {
      const source = moved.get(ti);
      if (source !== undefined) {
        out.push({ change: "moved", from: source, to: ti });
        continue;
      }
      const same = removed.findIndex((f) => from[f].kind === to[ti].kind);
      if (same >= 0) out.push({ change: "modified", from: removed.splice(same, 1)[0], to: ti });
      else out.push({ change: "added", to: ti });
    }
    for (const f of removed) out.push({ change: "removed", from: f });
  };
  for (const [f, t] of anchors) {
    flushGap(f, t);
    out.push({ change: "unchanged", from: f, to: t });
    fi = f + 1;
    ti = t + 1;
  }
  flushGap(from.length, to.length);
  return out;
}
