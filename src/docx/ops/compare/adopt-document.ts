import { DocxError } from "../../errors.js";
import type { WordDocument } from "../../model/index.js";
import { notLoaded } from "../../package/index.js";
import { decodePart, serializeNode } from "../../xml/index.js";
import { diffBlocks } from "./block-diff.js";
import type { BodyComparison } from "./body-compare.js";
import { differingParts, isXmlPart } from "./part-compare.js";

/** What adopting did; `counts` is the body comparison it acted on (as compareBodies counts it). */
export interface AdoptOutcome {
  blocksReplaced: number;
  partsChanged: number;
  counts: BodyComparison["counts"];
}

const sameNamespaces = (a: WordDocument, b: WordDocument) =>
  a.prefixes.w === b.prefixes.w && a.prefixes.r === b.prefixes.r && a.prefixes.w14 === b.prefixes.w14;

/**
 * Makes `doc` hold what `source` holds, as ordinary journaled edits, so the whole change is one undoable step: body
 * blocks that differ are removed and inserted (unchanged blocks stay, with their ids), every other part that differs
 * is written or removed, and the main part's root attributes are taken over. Refused, changing nothing, when the two
 * main parts have different names or namespace prefixes (their blocks could not be read the same way).
 *
 * Media equal on both sides (same digest) are never read, on either side: the document keeps its own entry, which a
 * save copies from storage as it lies there. A differing binary part is read from `source`, and from `doc` too, since
 * the journal keeps a binary part's old bytes for undo. Before anything changes, every such part still in storage is
 * named by one `part_not_loaded` failure, `doc`'s first (a caller loads them into the document they belong to).
 */
export function adoptDocument(doc: WordDocument, source: WordDocument): AdoptOutcome {
  if (doc.mainPart !== source.mainPart || !sameNamespaces(doc, source)) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "source",
      message: `The other document's main part (${source.mainPart}) is named or declares its namespaces differently from this one's (${doc.mainPart}); open it in a new session instead.`,
    });
  }
  // Parts first: the body's relationship ids must resolve when its blocks arrive.
  const parts = differingParts(doc, source);
  requireRead(doc, [...parts.changed, ...parts.removed]);
  requireRead(source, [...parts.changed, ...parts.added]);
  for (const name of [...parts.changed, ...parts.added]) {
    const bytes = source.pkg.readBytes(name);
    doc.parts.write(name, isXmlPart(name) ? decodePart(bytes).text : bytes);
  }
  for (const name of parts.removed) doc.parts.remove(name);
  const partsChanged = parts.changed.length + parts.added.length + parts.removed.length;

  // Before the blocks: inserting a block may declare the dmcp namespace on the root, which must survive.
  doc.setRootAttributes(source.rootAttributes());

  const list = doc.body;
  const mine = list.blocks.map((b, i) => ({ kind: b.facts.kind, key: serializeNode(list.element(i)) }));
  const target = source.body.blocks.map((b, i) => ({ kind: b.facts.kind, key: serializeNode(source.body.element(i)) }));
  const diff = diffBlocks(mine, target);
  const kept = new Set(diff.flatMap((e) => (e.change === "unchanged" ? [e.from] : [])));
  // Unchanged blocks are in the same order on both sides, so once the others are gone, inserting each new block at
  // its index in `source` rebuilds `source`'s order exactly.
  for (let i = mine.length - 1; i >= 0; i--) if (!kept.has(i)) doc.removeBlock(list, i);
  let blocksReplaced = mine.length - kept.size;
  for (const entry of diff) {
    if (entry.change === "unchanged" || entry.change === "removed") continue;
    const sourceBlock = source.body.blocks[entry.to];
    const id = doc.ids.claim(sourceBlock.id) ? sourceBlock.id : doc.ids.fresh();
    doc.insertBlock(list, entry.to, source.body.element(entry.to), id);
    blocksReplaced++;
  }
  doc.reloadStories(); // section properties may now name other headers and footers
  const counts = { unchanged: 0, added: 0, removed: 0, modified: 0, moved: 0 };
  for (const entry of diff) counts[entry.change]++;
  return { blocksReplaced, partsChanged, counts };
}

/** Refuses, naming them all, when any of these parts of `doc` is still only in storage. */
function requireRead(doc: WordDocument, names: string[]): void {
  // Named as `doc` spells them (the other version may spell a name in another case).
  const unread = names.flatMap((name) => {
    const own = doc.pkg.resolveName(name);
    return own !== undefined && !doc.pkg.isRead(own) ? [own] : [];
  });
  if (unread.length > 0) throw notLoaded(unread[0], unread);
}
