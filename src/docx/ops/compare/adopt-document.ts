import { DocxError } from "../../errors.js";
import type { WordDocument } from "../../model/index.js";
import { decodePart, serializeNode } from "../../xml/index.js";
import { diffBlocks } from "./block-diff.js";

const sameNamespaces = (a: WordDocument, b: WordDocument) =>
  a.prefixes.w === b.prefixes.w && a.prefixes.r === b.prefixes.r && a.prefixes.w14 === b.prefixes.w14;

/**
 * Makes `doc` hold what `source` holds, as ordinary journaled edits, so the whole change is one undoable step: body
 * blocks that differ are removed and inserted (unchanged blocks stay, with their ids), every other part that differs
 * is written or removed, and the main part's root attributes are taken over. Refused, changing nothing, when the two
 * main parts have different names or namespace prefixes (their blocks could not be read the same way).
 */
export function adoptDocument(doc: WordDocument, source: WordDocument): { blocksReplaced: number; partsChanged: number } {
  if (doc.mainPart !== source.mainPart || !sameNamespaces(doc, source)) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "source",
      message: `The other document's main part (${source.mainPart}) is named or declares its namespaces differently from this one's (${doc.mainPart}); open it in a new session instead.`,
    });
  }
  // Parts first: the body's relationship ids must resolve when its blocks arrive.
  let partsChanged = 0;
  const theirs = new Set(source.pkg.partNames());
  for (const name of theirs) {
    if (name === doc.mainPart) continue;
    const bytes = source.pkg.readBytes(name);
    if (doc.pkg.has(name) && !doc.parts.differsFrom(name, bytes)) continue;
    doc.parts.write(name, /\.(xml|rels)$/i.test(name) ? decodePart(bytes).text : bytes);
    partsChanged++;
  }
  for (const name of doc.pkg.partNames()) {
    if (name === doc.mainPart || theirs.has(name)) continue;
    doc.parts.remove(name);
    partsChanged++;
  }

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
  return { blocksReplaced, partsChanged };
}
