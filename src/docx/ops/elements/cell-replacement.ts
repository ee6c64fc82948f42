/**
 * Replacing a table cell or row without changing the table's shape or look: a cell keeps its w:tcPr (§17.4.70) except
 * where the new value gives properties, a new row spans the grid and looks like the row it replaces, and a tracked
 * cell replacement deletes and inserts the content inside the same cell (a second cell would widen the row).
 */
import { type DocNode, elementOf, ownerOf, type WordDocument } from "../../model/index.js";
import { findById } from "../../paths/index.js";
import { childElements, firstChild, insertInOrder, type XmlElement } from "../../xml/index.js";
import type { RevisionContext } from "../tracking.js";
import { parentPath, single } from "./element-slot.js";
import { enclosing, fitRowToGrid, fitRowWidths, repairVerticalMerges, takeNeighbourLook } from "./table-shape.js";
import { markRevision } from "./tracked-elements.js";

/** Gives `next` every cell property of `old` that it does not set itself. */
export function keepCellProperties(old: XmlElement, next: XmlElement, w: string): void {
  const kept = firstChild(old, w + "tcPr");
  if (!kept) return;
  const given = firstChild(next, w + "tcPr");
  if (!given) {
    next.children.unshift(structuredClone(kept));
    return;
  }
  for (const c of childElements(kept)) if (!firstChild(given, c.name)) insertInOrder(given, structuredClone(c), w);
}

/** Tracked: the cell's blocks are marked deleted and the new ones follow them as insertions, in the same cell. */
export function replaceCellTracked(
  doc: WordDocument,
  node: DocNode,
  next: XmlElement,
  rev: RevisionContext,
  type: string,
): { replacedId: string; type: string; tracked: true } {
  const owner = ownerOf(node)!;
  doc.touchForEdit(owner.list, owner.index);
  const live = single(doc, node.path, "path", "replace");
  const tc = elementOf(live)!;
  const w = owner.list.prefixes.w;
  const id = live.id ?? doc.ids.fresh();
  doc.storeId(owner.list, tc, id);
  for (const c of childElements(tc)) if (c.name !== w + "tcPr") markRevision(c, w, rev, "del");
  const added = childElements(next).filter((c) => c.name !== w + "tcPr");
  for (const c of added) markRevision(c, w, rev, "ins");
  tc.children = [firstChild(next, w + "tcPr") ?? [], ...childElements(tc).filter((c) => c.name !== w + "tcPr"), ...added].flat();
  tc.selfClosing = false;
  owner.list.refresh(owner.index);
  return { replacedId: id, type, tracked: true };
}

/** A replacement row is fitted to the grid of the table it goes into and takes the look of the row it replaces. */
export function fitReplacementRow(doc: WordDocument, node: DocNode, next: XmlElement): void {
  const { el, tbl, w } = placeOf(doc, node);
  if (!tbl) return;
  fitRowToGrid(tbl, next, w, "value", parentPath(node) ?? node.path);
  takeNeighbourLook(tbl, next, el, w);
}

/** After a cell was replaced: its row still spans the grid (padded, or refused when the new spans are too wide). */
export function fitRowOf(doc: WordDocument, cellId: string): void {
  const cell = findById(doc, cellId);
  const { tree, el, tbl, w } = placeOf(doc, cell);
  const tr = enclosing(tree, el, w + "tr");
  if (!tbl || !tr) return;
  fitRowToGrid(tbl, tr, w, "value", cell.path.slice(0, cell.path.lastIndexOf("/row[")));
  fitRowWidths(tbl, tr, w);
  repairVerticalMerges(tbl, w);
  const owner = ownerOf(cell)!;
  owner.list.refresh(owner.index);
}

/** The node's block kept as a tree, its element there and the table around it. */
function placeOf(doc: WordDocument, node: DocNode): { tree: XmlElement; el: XmlElement; tbl: XmlElement | null; w: string } {
  const owner = ownerOf(node)!;
  const tree = doc.touchForEdit(owner.list, owner.index);
  const el = elementOf(single(doc, node.path, "path", "replace"))!;
  const w = owner.list.prefixes.w;
  return { tree, el, tbl: enclosing(tree, el, w + "tbl"), w };
}
