/** Resolves a path to the one element an edit changes, with its top-level block kept as a tree and its id stored first. */
import { DocxError } from "../errors.js";
import { type BlockList, type DocNode, elementOf, type NodeKind, ownerOf, type WordDocument } from "../model/index.js";
import { resolvePath } from "../paths/index.js";
import type { XmlElement } from "../xml/index.js";

export interface EditTarget {
  node: DocNode;
  element: XmlElement;
  owner: { list: BlockList; index: number };
  /** Call once the element was changed: recomputes the block's facts (kind, style, preview) for later queries. */
  done(): void;
}

export function resolveSingle(doc: WordDocument, path: string, kind: NodeKind): DocNode {
  const { nodes } = resolvePath(doc, path);
  if (nodes.length !== 1 || nodes[0].kind !== kind) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} selects ${nodes.length} ${nodes.length === 1 ? nodes[0].kind : "elements"}; it must select exactly one ${kind} (add an index like [0] or an id filter).`,
    });
  }
  return nodes[0];
}

export function editTarget(doc: WordDocument, path: string, kind: NodeKind): EditTarget {
  const owner = ownerOf(resolveSingle(doc, path, kind));
  if (!owner)
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} is not inside a story's blocks and cannot be edited.`,
    });
  const block = doc.touchForEdit(owner.list, owner.index);
  // Resolve again: the block is now a kept tree, so the node's element is the one that gets saved.
  const node = resolveSingle(doc, path, kind);
  const el = elementOf(node)!;
  if (node.id && el !== block) doc.storeId(owner.list, el, node.id);
  return { node, element: el, owner, done: () => owner.list.refresh(owner.index) };
}
