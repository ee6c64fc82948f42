/** The element operations of docx-mcp's patch language: add, replace, remove, move and copy, by path. */

import { DocxError } from "../../errors.js";
import { checkEditBudget, type DocNode, elementOf, ownerOf, partOf, type WordDocument } from "../../model/index.js";
import { findById, resolvePath } from "../../paths/index.js";
import type { XmlElement } from "../../xml/index.js";
import { revisionContext, trackingOf } from "../tracking.js";
import type { BuildContext } from "./build-context.js";
import { buildElements, type ElementSlot } from "./build-element.js";
import { fitReplacementRow, fitRowOf, keepCellProperties, replaceCellTracked } from "./cell-replacement.js";
import { inheritDirection } from "./direction.js";
import { freshRevisionIds, prepareCopy } from "./element-copy.js";
import { resolveSlot, type Slot, single, slotNoun } from "./element-slot.js";
import { insertAt, markDeleted, markInPlace, removeNodes, replaceInPlace } from "./element-tree.js";
import { addFootnote, type FootnoteResult } from "./footnote.js";
import { type AnnotationsRemoved, anchoredIn, removeOrphaned } from "./orphan-annotations.js";
import { isPendingInsertion, unwrapInsertions } from "./tracked-elements.js";
import { markMoved, moveName } from "./tracked-move.js";
import { isObject } from "./value-fields.js";

export interface AddResult {
  createdId: string;
  createdIds?: string[];
  type: string;
}
export interface ReplaceResult extends AnnotationsRemoved {
  replacedId: string;
  createdIds?: string[];
  type: string;
  tracked?: true;
}
export interface RemoveResult extends AnnotationsRemoved {
  removedId: string;
  removedIds?: string[];
}
export interface MoveResult {
  movedId: string;
  from: string;
  sourceId?: string;
  tracked?: true;
}
export interface CopyResult {
  sourceId: string;
  copyId: string;
}

export function addElement(doc: WordDocument, path: string, value: unknown): AddResult | FootnoteResult {
  // A footnote is anchored in a paragraph rather than placed between blocks.
  if (isObject(value) && value.type === "footnote") return addFootnote(doc, path, value);
  const slot = resolveSlot(doc, path);
  const built = buildElements(contextFor(doc, slot), value);
  expectSlot(slot, built.slot, built.type, path);
  if (built.slot === "block") inheritDirection(built.elements, blockBeside(slot), (slot.list ?? slot.owner!.list).prefixes.w);
  const ids = insertAt(doc, slot, built.elements, [], trackingOf(doc), true);
  return { createdId: ids[0], ...(ids.length > 1 ? { createdIds: ids } : {}), type: built.type };
}

export function replaceElement(doc: WordDocument, path: string, value: unknown): ReplaceResult {
  const node = single(doc, path, "path", "replace");
  const slotKind = slotOf(node);
  if (!slotKind)
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} is a ${node.kind}; replace_element replaces blocks (paragraphs, tables), rows and cells.`,
    });
  if (node.kind === "sectPr")
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} is the body's section properties; it cannot be replaced by an element.`,
    });
  // Like adding, moving and removing there: a box's blocks would part from Word's VML copy of the box.
  if (node.path.includes("/textbox["))
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} is inside a text box, whose elements are not replaced; change its text with replace_text or insert_text at ${path}.`,
    });
  const list = node.list ?? node.owner!.list;
  const ctx: BuildContext = { doc, prefixes: list.prefixes, part: list.part, sectionProperties: sectionAround(doc, node) };
  const built = buildElements(ctx, value);
  if (built.slot !== slotKind)
    throw new DocxError({
      kind: "invalid_argument",
      field: "value.type",
      message: `A ${built.type} cannot replace the ${node.kind} at ${path}; give a ${slotKind === "block" ? "paragraph, heading, table or other block" : slotKind}.`,
    });
  if (built.slot === "block") inheritDirection(built.elements, elementOf(node), list.prefixes.w);
  const rev = trackingOf(doc);
  if (node.kind === "cell") {
    keepCellProperties(elementOf(node)!, built.elements[0], list.prefixes.w);
    if (rev) return replaceCellTracked(doc, node, built.elements[0], rev, built.type);
  }
  if (rev) {
    // Tracked: the old element stays as a deletion (with its id), the new one follows it as an insertion.
    const [oldId] = markDeleted(doc, [node], rev);
    const created = insertAt(doc, resolveSlot(doc, findById(doc, node.id ?? oldId).path), built.elements, [], rev, true);
    return { replacedId: oldId, createdIds: created, type: built.type, tracked: true };
  }
  const [first, ...rest] = built.elements;
  if (node.kind === "row") fitReplacementRow(doc, node, first);
  const anchored = anchoredIn([elementOf(node)!], list.prefixes.w);
  const { id } = replaceInPlace(doc, node.path, first);
  if (node.kind === "cell") fitRowOf(doc, id);
  // A list replacing one paragraph: the first item takes its place and id, the others follow it.
  const created = rest.length ? insertAt(doc, resolveSlot(doc, findById(doc, id).path), rest) : [];
  return { replacedId: id, ...(created.length ? { createdIds: created } : {}), type: built.type, ...removeOrphaned(doc, anchored) };
}

export function removeElement(doc: WordDocument, path: string): RemoveResult {
  const { nodes } = resolvePath(doc, path);
  if (nodes.length === 0) throw new DocxError({ kind: "path_not_found", path, message: `${path} selects nothing to remove.` });
  const bad = nodes.find((n) => !slotOf(n));
  if (bad)
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${bad.path} is a ${bad.kind}; remove_element removes blocks (paragraphs, tables), rows and cells.`,
    });
  // A tracked removal parses every selected block to mark its runs; any removal journals the removed XML for undo.
  checkEditBudget(nodes, "Removing", path);
  const rev = trackingOf(doc);
  // Tracked, the content stays (deleted) with its notes and comments; accepting the deletion removes the notes.
  const anchored = rev
    ? null
    : anchoredIn(
        nodes.map((n) => elementOf(n)!),
        doc.prefixes.w,
      );
  const ids = rev ? markDeleted(doc, nodes, rev) : removeNodes(doc, nodes);
  return { removedId: ids[0], ...(ids.length > 1 ? { removedIds: ids } : {}), ...(anchored ? removeOrphaned(doc, anchored) : {}) };
}

/** Moves one element; it keeps its id. The destination is resolved after the element left its place, as in docx-mcp. */
export function moveElement(doc: WordDocument, from: string, to: string): MoveResult {
  const { node, element, slotKind } = source(doc, from, "from", "move");
  const w = (node.list ?? node.owner!.list).prefixes.w;
  // Moving a paragraph that is itself a pending insertion moves the insertion: no move markup, no second copy.
  const rev = isPendingInsertion(element, w) ? null : trackingOf(doc);
  if (rev) {
    // Tracked (§17.13.5.21-25): the source keeps its id inside w:moveFrom, a copy with a new id goes where it moves
    // inside w:moveTo; the destination is resolved with the source still in place.
    const slot = resolveSlot(doc, to);
    expectSlot(slot, slotKind, node.kind, to);
    samePart(node, slot, "move");
    const list = slot.list ?? slot.owner!.list;
    const name = moveName(rev);
    const copy = prepareCopy(element, list.prefixes);
    unwrapInsertions(copy, list.prefixes.w);
    freshRevisionIds(copy, list.prefixes.w, rev.nextId);
    markMoved(copy, list.prefixes.w, rev, "moveTo", name);
    const [copyId] = insertAt(doc, slot, [copy]);
    markInPlace(
      doc,
      [single(doc, findById(doc, node.id ?? "").path, "from", "move")],
      (el, w) => markMoved(el, w, rev, "moveFrom", name),
      "from",
    );
    return { movedId: copyId, from, sourceId: node.id ?? "", tracked: true };
  }
  const id = node.id ?? doc.ids.fresh();
  const kept = structuredClone(element);
  removeNodes(doc, [node], "from");
  const slot = resolveSlot(doc, to);
  expectSlot(slot, slotKind, node.kind, to);
  samePart(node, slot, "move");
  insertAt(doc, slot, [kept], [id]);
  return { movedId: id, from };
}

/** Copies one element; the copy gets new ids throughout, and bookmarks and comment anchors stay with the original. */
export function copyElement(doc: WordDocument, from: string, to: string): CopyResult {
  const { node, element, slotKind } = source(doc, from, "from", "copy");
  const slot = resolveSlot(doc, to);
  expectSlot(slot, slotKind, node.kind, to);
  samePart(node, slot, "copy");
  const list = slot.list ?? slot.owner!.list;
  const copy = prepareCopy(element, list.prefixes);
  freshRevisionIds(copy, list.prefixes.w, revisionContext(doc).nextId);
  const [copyId] = insertAt(doc, slot, [copy], [], trackingOf(doc));
  return { sourceId: node.id ?? "", copyId: copyId };
}

function source(
  doc: WordDocument,
  path: string,
  field: string,
  purpose: string,
): { node: DocNode; element: XmlElement; slotKind: ElementSlot } {
  const node = single(doc, path, field, purpose);
  const slotKind = slotOf(node);
  if (!slotKind || node.kind === "sectPr")
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `${path} is a ${node.kind}; ${purpose}_element takes a block (paragraph, table), a row or a cell.`,
    });
  return { node, element: elementOf(node)!, slotKind };
}

function slotOf(node: DocNode): ElementSlot | null {
  if (node.kind === "row") return "row";
  if (node.kind === "cell") return "cell";
  if (["paragraph", "table", "sdt", "other", "sectPr"].includes(node.kind) && ownerOf(node)) return "block";
  return null;
}

function expectSlot(slot: Slot, kind: ElementSlot, what: string, path: string): void {
  if (slot.accepts !== kind) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path}: a ${what} cannot go there; ${slot.container} holds ${slotNoun(slot.accepts)}. Use /body/children/N for blocks, <table>/row for rows, <row>/cell for cells.`,
    });
  }
}

/** Moving markup between parts would need its relationships and namespaces carried over, which is not done yet. */
function samePart(node: DocNode, slot: Slot, purpose: string): void {
  const to = (slot.list ?? slot.owner!.list).part;
  const from = partOf(node) ?? node.owner?.list.part;
  if (from && from !== to)
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `Cannot ${purpose} from ${from} to ${to}: elements can only be ${purpose === "move" ? "moved" : "copied"} within the same part (the body, one header, ...).`,
    });
}

/** The block before the insertion point (or after it, at the start): what new blocks take their direction from. */
function blockBeside(slot: Slot): XmlElement | null {
  if (slot.list) {
    const at = slot.position > 0 ? slot.position - 1 : slot.position;
    return at < slot.list.length && slot.list.blocks[at].facts.kind !== "sectPr" ? slot.list.element(at) : null;
  }
  const beside = slot.siblings![slot.position - 1] ?? slot.siblings![slot.position];
  return beside ? elementOf(beside) : null;
}

function contextFor(doc: WordDocument, slot: Slot): BuildContext {
  const list = slot.list ?? slot.owner!.list;
  const body = slot.list === doc.body ? slot.position : slot.owner?.list === doc.body ? slot.owner.index : null;
  return { doc, prefixes: list.prefixes, part: list.part, sectionProperties: body === null ? null : sectionAt(doc, body) };
}

function sectionAround(doc: WordDocument, node: DocNode): XmlElement | null {
  const owner = ownerOf(node);
  return owner && owner.list === doc.body ? sectionAt(doc, owner.index) : null;
}

/** The properties of the section holding body block `index`. */
function sectionAt(doc: WordDocument, index: number): XmlElement | null {
  const sections = doc.sections();
  return (sections.find((s) => index <= s.lastBlock) ?? sections[sections.length - 1])?.properties ?? null;
}
