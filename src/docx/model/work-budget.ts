/**
 * A bound on the work one call may do over a document. Blocks are parsed to be looked into or edited (about 15 bytes of
 * tree per byte of XML; edited ones stay parsed while the document is open), so a call over a whole long document would
 * hold the isolate's CPU for seconds and its memory past 128 MB. Such calls are refused before (or, for a path that
 * looks inside many blocks, while) anything is parsed, and nothing is changed.
 */
import { DocxError } from "../errors.js";
import type { BlockList } from "./block-list.js";
import type { DocNode } from "./doc-node.js";
import { ownerOf } from "./navigation.js";

/** Most XML of not yet parsed blocks one call may parse: about 400 pages, about 60 MB once parsed. */
export const MAX_PARSED_XML_BYTES = 4 * 1024 * 1024;

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Adds up, once per block, the XML of the not yet parsed top-level blocks that nodes belong to. */
export class ParsedBlockMeter {
  private readonly counted = new Map<BlockList, Set<number>>();
  bytes = 0;
  blocks = 0;

  add(node: DocNode): void {
    const owner = ownerOf(node);
    if (!owner) return;
    const seen = this.counted.get(owner.list) ?? this.counted.set(owner.list, new Set()).get(owner.list)!;
    if (seen.has(owner.index)) return;
    seen.add(owner.index);
    const block = owner.list.blocks[owner.index];
    // Blocks already held as trees cost nothing more.
    if (block.tree) return;
    this.bytes += block.facts.end - block.facts.start;
    this.blocks++;
  }

  /** Throws work_too_large when over `limit`; `doing` says what the call would do, `advice` what to do instead. */
  check(doing: string, advice: string, limit = MAX_PARSED_XML_BYTES): void {
    if (this.bytes <= limit) return;
    throw new DocxError({
      kind: "work_too_large",
      limit,
      actual: this.bytes,
      message:
        `${doing} ${this.blocks} blocks (${mb(this.bytes)} of XML); one call may parse at most ${mb(limit)} ` +
        `(about 400 pages). Nothing was changed. ${advice}`,
    });
  }
}

/** Refuses an edit whose selected blocks would be too much to parse at once; `what` names the edit in the message. */
export function checkEditBudget(nodes: DocNode[], what: string, path: string | undefined): void {
  const meter = new ParsedBlockMeter();
  for (const node of nodes) meter.add(node);
  meter.check(
    `${what} ${path ?? "the whole body"} would rewrite`,
    what.startsWith("Styling")
      ? "Select less (e.g. one /body/section[N] at a time), or change the style definition the paragraphs use."
      : "Select less (e.g. one /body/section[N] at a time).",
  );
}
