/**
 * Finds the canonical path of an element from its id (see model/ids.ts): the id names its top-level block, either
 * directly (`1A2B3C4D`, `1A2B3C4D.tr0.tc1.p0`) or by a stored id somewhere inside it; the element is then looked
 * up within that one block only.
 */
import { DocxError } from "../errors.js";
import {
  type BlockList,
  blockNodes,
  type DocNode,
  inlineNodes,
  storyContainers,
  tableParts,
  textBoxNodes,
  type WordDocument,
} from "../model/index.js";

export function findById(doc: WordDocument, id: string): DocNode {
  const wanted = id.trim().toUpperCase();
  const base = wanted.split(".")[0];
  for (const container of storyContainers(doc)) {
    const blocks = blockNodes(doc, container);
    const direct = blocks.find((b) => (b.id ?? "").toUpperCase() === base);
    if (direct) {
      const found = search(doc, direct, wanted);
      if (found) return found;
    }
    // The id (or the id it is named from) is stored inside a block: only blocks whose text contains it are parsed.
    for (const b of blocks) {
      if (!mayContain(b.list!, b.index!, id.trim().split(".")[0])) continue;
      const found = search(doc, b, wanted);
      if (found) return found;
    }
  }
  throw new DocxError({
    kind: "path_not_found",
    path: id,
    message: `No element has id ${id}; ids come from query results (the "id" of each item).`,
  });
}

/** Whether the block's original bytes contain `id`, ignoring ASCII case; blocks held as trees are always searched. */
function mayContain(list: BlockList, index: number, id: string): boolean {
  const bytes = list.sourceBytes(index);
  if (!bytes) return true;
  const needle = new TextEncoder().encode(id.toLowerCase());
  const fold = (b: number) => (b >= 65 && b <= 90 ? b | 32 : b);
  for (let at = 0; at + needle.length <= bytes.length; at++) {
    if (fold(bytes[at]) !== needle[0]) continue;
    let k = 1;
    while (k < needle.length && fold(bytes[at + k]) === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** Depth-first search for the node with `id` within one block. */
function search(doc: WordDocument, node: DocNode, id: string): DocNode | null {
  if ((node.id ?? "").toUpperCase() === id) return node;
  for (const child of children(doc, node)) {
    const found = search(doc, child, id);
    if (found) return found;
  }
  return null;
}

function children(doc: WordDocument, node: DocNode): DocNode[] {
  switch (node.kind) {
    case "paragraph":
      return [
        ...inlineNodes(doc, node, "run"),
        ...inlineNodes(doc, node, "hyperlink"),
        ...inlineNodes(doc, node, "drawing"),
        ...inlineNodes(doc, node, "bookmark"),
        ...textBoxNodes(doc, node),
      ];
    case "table":
      return tableParts(doc, node, "row");
    case "row":
      return tableParts(doc, node, "cell");
    case "cell":
    case "sdt":
    case "textbox":
      return blockNodes(doc, node);
    default:
      return [];
  }
}
