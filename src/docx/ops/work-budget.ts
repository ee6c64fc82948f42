/**
 * A bound on the work one edit may do. Selected body blocks are parsed to be edited (about 15 bytes of tree per byte
 * of XML, kept while the document is open once changed), so an edit over a whole long document would hold the isolate's
 * CPU for seconds and its memory past 128 MB. Such edits are refused before anything is parsed or changed.
 */
import { DocxError } from "../errors.js";
import { type BlockList, type DocNode, ownerOf } from "../model/index.js";

/** Most XML of not yet parsed blocks one edit may select: about 400 pages, about 60 MB once parsed. */
export const MAX_EDIT_XML_BYTES = 4 * 1024 * 1024;

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Refuses an edit whose selected blocks would be too much to parse at once; `what` names the edit in the message. */
export function checkEditBudget(nodes: DocNode[], what: string, path: string | undefined, limit = MAX_EDIT_XML_BYTES): void {
  const counted = new Map<BlockList, Set<number>>();
  let bytes = 0;
  let blocks = 0;
  for (const node of nodes) {
    const owner = ownerOf(node);
    if (!owner) continue;
    const seen = counted.get(owner.list) ?? counted.set(owner.list, new Set()).get(owner.list)!;
    if (seen.has(owner.index)) continue;
    seen.add(owner.index);
    const block = owner.list.blocks[owner.index];
    // Blocks already held as trees cost nothing more to edit.
    if (block.tree) continue;
    bytes += block.facts.end - block.facts.start;
    blocks++;
  }
  if (bytes <= limit) return;
  throw new DocxError({
    kind: "edit_too_large",
    limit,
    actual: bytes,
    message:
      `${what} ${path ?? "the whole body"} would rewrite ${blocks} blocks (${mb(bytes)} of XML); one call may rewrite at most ` +
      `${mb(limit)} (about 400 pages). Nothing was changed. Select less (e.g. one /body/section[N] at a time)` +
      (what.startsWith("Styling") ? ", or change the style definition the paragraphs use." : "."),
  });
}
