import type { WordDocument } from "../../model/index.js";
import { serializeNode } from "../../xml/index.js";
import { type BlockDiffEntry, type DiffBlock, diffBlocks } from "./block-diff.js";

/** One body block that differs, described for a reader: what happened, what kind of block, where, and its text. */
export interface BodyDifference {
  change: Exclude<BlockDiffEntry["change"], "unchanged">;
  kind: string;
  /** Index among the body's blocks in the first document (absent for added blocks). */
  from?: number;
  /** Index among the body's blocks in the second document (absent for removed blocks). */
  to?: number;
  /** The block's text (the second document's, except for removed blocks), cut to 120 characters. */
  text: string;
}

export interface BodyComparison {
  counts: Record<BlockDiffEntry["change"], number>;
  differences: BodyDifference[];
}

/** The body's blocks as the comparison sees them: kind and serialized XML (so formatting changes count too). */
function blocksOf(doc: WordDocument): DiffBlock[] {
  const list = doc.body;
  return list.blocks.map((b, i) => ({ kind: b.facts.kind, key: serializeNode(list.element(i)) }));
}

/** How the body of `to` differs from the body of `from`, block by block. */
export function compareBodies(from: WordDocument, to: WordDocument): BodyComparison {
  const diff = diffBlocks(blocksOf(from), blocksOf(to));
  const counts = { unchanged: 0, added: 0, removed: 0, modified: 0, moved: 0 };
  const differences: BodyDifference[] = [];
  for (const entry of diff) {
    counts[entry.change]++;
    if (entry.change === "unchanged") continue;
    const side = entry.change === "removed" ? from : to;
    const index = entry.change === "removed" ? entry.from : entry.to;
    differences.push({
      ...entry,
      kind: side.body.blocks[index].facts.kind,
      text: side.body.text(index).slice(0, 120),
    });
  }
  return { counts, differences };
}
