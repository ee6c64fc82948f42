/** Inserting and removing elements at slots, keeping every other element's id (ids of shifted siblings are stored first). */
import { DocxError } from "../../errors.js";
import { type BlockList, blockText, type DocNode, elementOf, ownerOf, type WordDocument } from "../../model/index.js";
import { childElements, firstChild, parentOf, type XmlElement } from "../../xml/index.js";
import type { RevisionContext } from "../tracking.js";
import { parentPath, resolveSlot, type Slot, single } from "./element-slot.js";
import {
  cellSpan,
  columnCount,
  enclosing,
  fitRowToGrid,
  fitRowWidths,
  repairVerticalMerges,
  rowCells,
  rowWidth,
  takeNeighbourLook,
} from "./table-shape.js";
import { markRevision } from "./tracked-elements.js";

/**
 * Inserts `elements` at the slot; each gets `ids[i]` (a moved element keeps its id) or a fresh id. Returns the ids.
 * New rows (`built`, not moved or copied ones) also take the look of the row they go next to.
 */
export function insertAt(
  doc: WordDocument,
  slot: Slot,
  elements: XmlElement[],
  ids: string[] = [],
  rev: RevisionContext | null = null,
  built = false,
): string[] {
  const out: string[] = [];
  const w = (slot.list ?? slot.owner!.list).prefixes.w;
  if (slot.list) {
    if (rev) for (const el of elements) markRevision(el, w, rev, "ins");
    for (const [i, el] of elements.entries()) out.push(doc.insertBlock(slot.list!, slot.position + i, el, ids[i] ?? doc.ids.fresh()));
    return out;
  }
  const { owner, element: container, siblings } = slot as Required<Slot>;
  const tree = owner.list.blocks[owner.index].tree!;
  if (slot.accepts === "row") fitNewRows(container, slot, elements, w, built);
  const reclaimed = slot.accepts === "cell" ? roomForCells(tree, slot, elements, w) : [];
  if (rev) for (const el of elements) markRevision(el, w, rev, "ins");
  pinIds(doc, owner.list, siblings.slice(slot.position));
  let parent = container;
  let at = container.children.length;
  const anchor = siblings[slot.position] ?? siblings[siblings.length - 1];
  if (anchor) {
    const el = elementOf(anchor)!;
    parent = parentOf(tree, el) ?? container;
    at = parent.children.indexOf(el) + (slot.position < siblings.length ? 0 : 1);
  }
  parent.children.splice(at, 0, ...elements);
  parent.selfClosing = false;
  for (const tc of reclaimed) {
    const holder = parentOf(tree, tc)!;
    holder.children.splice(holder.children.indexOf(tc), 1);
  }
  if (slot.accepts === "cell") {
    // Cells after the new one moved to other grid columns: widths follow, and merges below them are checked.
    const tbl = enclosing(tree, container, w + "tbl") ?? tree;
    fitRowWidths(tbl, container, w, elements);
    repairVerticalMerges(tbl, w);
  }
  elements.forEach((el, i) => {
    const id = ids[i] ?? doc.ids.fresh();
    doc.storeId(owner.list, el, id);
    out.push(id);
  });
  if (slot.accepts === "block") endWithParagraph(doc, container);
  if (slot.accepts === "row") repairVerticalMerges(container, w);
  owner.list.refresh(owner.index);
  return out;
}

/** Rows span the grid (padded when short, refused when too wide); new ones look like the row they are put next to. */
function fitNewRows(tbl: XmlElement, slot: Slot, rows: XmlElement[], w: string, built: boolean): void {
  const siblings = slot.siblings!;
  const neighbour = siblings[slot.position - 1] ?? siblings[slot.position];
  for (const tr of rows) {
    fitRowToGrid(tbl, tr, w, "value", slot.container);
    if (built) takeNeighbourLook(tbl, tr, neighbour ? (elementOf(neighbour) ?? undefined) : undefined, w);
  }
}

/**
 * New cells may fill a row up to the grid but not beyond it: they take the place of empty cells at the row's end (what
 * removing a cell leaves), else the insertion is refused. Returns the empty cells to take out once the new ones are in.
 */
function roomForCells(tree: XmlElement, slot: Slot, cells: XmlElement[], w: string): XmlElement[] {
  const tr = slot.element!;
  const tbl = enclosing(tree, tr, w + "tbl") ?? tree;
  const count = columnCount(tbl, w);
  let excess = rowWidth(tr, w) + cells.reduce((n, tc) => n + cellSpan(tc, w), 0) - count;
  const trailing = rowCells(tr, w).reverse();
  const reclaimable: XmlElement[] = [];
  for (const cell of trailing) {
    if (excess <= 0 || !isBlankCell(cell.tc, w) || cell.span > excess) break;
    reclaimable.push(cell.tc);
    excess -= cell.span;
  }
  if (excess > 0)
    throw new DocxError({
      kind: "invalid_argument",
      field: "value",
      message: `${slot.container} already covers ${rowWidth(tr, w)} of the table's ${count} grid columns and ends with no empty cell to make room; a new cell would make the row wider than the table. Replace a cell instead.`,
    });
  return reclaimable;
}

/** A cell with no text, drawing or nested table, and not part of a vertical merge. */
function isBlankCell(tc: XmlElement, w: string): boolean {
  const tcPr = firstChild(tc, w + "tcPr");
  if (tcPr && firstChild(tcPr, w + "vMerge")) return false;
  return blockText(tc, w) === "" && !childElements(tc).some((c) => c.name === w + "tbl" || hasDescendant(c, w + "drawing"));
}

function hasDescendant(el: XmlElement, name: string): boolean {
  return el.children.some((c) => c.type === "element" && (c.name === name || hasDescendant(c, name)));
}

/** Removes the nodes (blocks, rows or cells), last first so earlier paths stay valid. Returns their ids. */
export function removeNodes(doc: WordDocument, nodes: DocNode[], field = "path"): string[] {
  const ids = nodes.map((n) => n.id ?? "");
  for (const node of [...nodes].reverse()) {
    if (node.list && node.index !== undefined) {
      if (node.list === doc.body && node.kind === "sectPr")
        throw new DocxError({
          kind: "invalid_argument",
          field,
          message: `${node.path} is the body's section properties, which every document keeps; remove content blocks instead.`,
        });
      if (node.list !== doc.body && node.list.length === 1)
        throw new DocxError({
          kind: "invalid_argument",
          field,
          message: `${node.path} is the only block of its ${node.list.story.split(":")[0]}, which must keep one; replace it instead.`,
        });
      doc.removeBlock(node.list, node.index);
      continue;
    }
    const parent = parentPath(node);
    if (parent === null)
      throw new DocxError({
        kind: "invalid_argument",
        field,
        message: `${node.path} is a ${node.kind}; remove_element removes blocks (paragraphs, tables), rows and cells.`,
      });
    const slot = resolveSlot(doc, `${parent}/children/0`, field);
    const siblings = slot.siblings!;
    const index = siblings.findIndex((s) => s.path === node.path);
    const el = elementOf(siblings[index])!;
    if (slot.accepts !== "block" && siblings.length === 1)
      throw new DocxError({
        kind: "invalid_argument",
        field,
        message: `${node.path} is the last ${node.kind} of ${parent}; remove the ${slot.accepts === "row" ? "table" : "row"} instead.`,
      });
    if (node.kind === "paragraph" && siblings.filter((s) => s.kind === "paragraph").length === 1) {
      throw new DocxError({
        kind: "invalid_argument",
        field,
        message: `${node.path} is the only paragraph of ${parent}, and a cell must keep one; replace it instead.`,
      });
    }
    pinIds(doc, slot.owner!.list, siblings.slice(index + 1));
    const w = slot.owner!.list.prefixes.w;
    const tree = slot.owner!.list.blocks[slot.owner!.index].tree!;
    const from = parentOf(tree, el)!;
    from.children.splice(from.children.indexOf(el), 1);
    if (slot.accepts === "block") endWithParagraph(doc, slot.element!);
    if (slot.accepts === "cell") {
      // The row keeps covering the grid: an empty cell takes the removed cell's columns at the row's end.
      const tbl = enclosing(tree, slot.element!, w + "tbl");
      if (tbl) {
        fitRowToGrid(tbl, slot.element!, w, field, parent);
        fitRowWidths(tbl, slot.element!, w);
        repairVerticalMerges(tbl, w);
      }
    }
    if (slot.accepts === "row") repairVerticalMerges(slot.element!, w);
    slot.owner!.list.refresh(slot.owner!.index);
  }
  return ids;
}

/** Marks the nodes as deleted revisions in place (tracked changes): nothing leaves the document until accepted. */
export function markDeleted(doc: WordDocument, nodes: DocNode[], rev: RevisionContext, field = "path"): string[] {
  return markInPlace(doc, nodes, (el, w) => markRevision(el, w, rev, "del"), field);
}

/** Applies `mark` to each node's element in place (its block kept as a tree, ids stored first). Returns their ids. */
export function markInPlace(doc: WordDocument, nodes: DocNode[], mark: (el: XmlElement, w: string) => void, field = "path"): string[] {
  for (const node of nodes) {
    const owner = ownerOf(node);
    if (!owner || node.kind === "sectPr")
      throw new DocxError({
        kind: "invalid_argument",
        field,
        message: `${node.path} is a ${node.kind}; only blocks, rows and cells can be deleted or moved.`,
      });
    const tree = doc.touchForEdit(owner.list, owner.index);
    const el = node.list ? tree : elementOf(single(doc, node.path, field, "mark"))!;
    mark(el, owner.list.prefixes.w);
    owner.list.refresh(owner.index);
  }
  return nodes.map((n) => n.id ?? "");
}

/** Replaces the element of `node` by `replacement` in place; the element keeps the node's id. */
export function replaceInPlace(doc: WordDocument, path: string, replacement: XmlElement, field = "path"): { id: string; list: BlockList } {
  const node = single(doc, path, field, "replace");
  const list = node.list ?? node.owner?.list;
  const index = node.index ?? node.owner?.index;
  if (!list || index === undefined)
    throw new DocxError({ kind: "invalid_argument", field, message: `${path} is not inside a story's blocks and cannot be replaced.` });
  const tree = doc.touchForEdit(list, index);
  const target = node.list ? tree : elementOf(single(doc, node.path, field, "replace"))!;
  const id = node.id ?? doc.ids.fresh();
  doc.storeId(list, replacement, id);
  target.name = replacement.name;
  target.attributes = replacement.attributes;
  target.children = replacement.children;
  target.selfClosing = replacement.selfClosing;
  list.refresh(index);
  return { id, list };
}

/** Stores the current ids of `nodes` in their elements, before a change of position would change derived ones. */
export function pinIds(doc: WordDocument, list: BlockList, nodes: DocNode[]): void {
  for (const n of nodes) if (n.id) doc.storeId(list, elementOf(n)!, n.id);
}

/** A table cell must end with a paragraph (§17.4.66); one is added after a trailing table. */
function endWithParagraph(doc: WordDocument, container: XmlElement): void {
  const w = doc.prefixes.w;
  if (container.name !== w + "tc") return;
  const blocks = childElements(container).filter((c) => c.name !== w + "tcPr");
  if (blocks.length === 0 || blocks[blocks.length - 1].name !== w + "p") {
    container.children.push({ type: "element", name: w + "p", attributes: [], children: [], selfClosing: true });
    container.selfClosing = false;
  }
}
