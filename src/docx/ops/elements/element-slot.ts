/**
 * Where elements are inserted, following docx-mcp's paths: `<container>/children/N` (position N, past the end appends;
 * `-` as in RFC 6902 patches, and `-1` as agents often write it, append),
 * `<table>/row` or `<row>/cell` (append), or the path of one element (right after it). Containers are the body,
 * headers, footers, notes and comments and table cells (blocks), tables (rows) and rows (cells).
 */
import { DocxError } from "../../errors.js";
import { type BlockList, blockNodes, type DocNode, elementOf, ownerOf, tableParts, type WordDocument } from "../../model/index.js";
import { resolvePath } from "../../paths/index.js";
import type { XmlElement } from "../../xml/index.js";
import type { ElementSlot } from "./build-element.js";

export interface Slot {
  accepts: ElementSlot;
  /** The container's canonical path, for messages. */
  container: string;
  /** Top-level blocks of a story go through the story's block list. */
  list?: BlockList;
  /** Nested containers (cells, tables, rows): the touched owner block, the container element and its current children. */
  owner?: { list: BlockList; index: number };
  element?: XmlElement;
  siblings?: DocNode[];
  /** Position among the container's children (list index for stories). */
  position: number;
}

const CHILDREN = /^(.*)\/children\/(\d+|-|-1)$/i;
const APPEND = /^(.*)\/(row|rows|tr|cell|cells|tc)$/i;

/** Resolves an insertion path. Nested containers have their block touched (kept as a tree, ids stored) first. */
export function resolveSlot(doc: WordDocument, path: string, field = "path"): Slot {
  const trimmed = path.trim();
  const children = CHILDREN.exec(trimmed);
  if (children) {
    const position = children[2].startsWith("-") ? Number.MAX_SAFE_INTEGER : Number(children[2]);
    return containerSlot(doc, children[1] || "/body", position, field);
  }
  const append = APPEND.exec(trimmed);
  if (append) {
    const slot = containerSlot(doc, append[1], Number.MAX_SAFE_INTEGER, field);
    const wanted = /^(row|rows|tr)$/i.test(append[2]) ? "row" : "cell";
    if (slot.accepts !== wanted)
      throw new DocxError({
        kind: "invalid_argument",
        field,
        message: `${path}: ${slot.container} holds ${slotNoun(slot.accepts)}, not ${wanted}s; append ${wanted}s to ${wanted === "row" ? "a table" : "a row"} (e.g. /body/table[0]/${wanted === "row" ? "row" : "row[0]/cell"}).`,
      });
    return slot;
  }
  const node = single(doc, trimmed, field, "insert after");
  const parent = parentPath(node);
  if (parent === null)
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `${path} selects a ${node.kind}; give a block, row or cell to insert after, or a position like /body/children/0 (/body/children/- appends).`,
    });
  const slot = containerSlot(doc, parent, 0, field);
  slot.position = node.list && node.index !== undefined && slot.list ? node.index + 1 : siblingIndex(slot, node) + 1;
  return slot;
}

function containerSlot(doc: WordDocument, path: string, position: number, field: string): Slot {
  const node = single(doc, path, field, "insert into");
  const list = node.kind === "body" ? doc.body : (node.headerFooter?.blocks ?? node.note?.blocks);
  if (list) {
    // The body's own w:sectPr stays last.
    const max = list.length > 0 && list.blocks[list.length - 1].facts.kind === "sectPr" ? list.length - 1 : list.length;
    return { accepts: "block", container: node.path, list, position: Math.min(position, max) };
  }
  const accepts: ElementSlot | null = node.kind === "cell" ? "block" : node.kind === "table" ? "row" : node.kind === "row" ? "cell" : null;
  const owner = ownerOf(node);
  if (!accepts || !owner) {
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `${path} is a ${node.kind}; elements go into /body, a header, footer, note or comment, a table cell (blocks), a table (rows) or a row (cells).`,
    });
  }
  doc.touchForEdit(owner.list, owner.index);
  // Resolved again: the block is now a kept tree, so elements are the ones that get saved.
  const kept = single(doc, node.path, field, "insert into");
  const siblings = containerChildren(doc, kept, accepts);
  return { accepts, container: kept.path, owner, element: elementOf(kept)!, siblings, position: Math.min(position, siblings.length) };
}

/** The container's current children of the kind it holds, with their ids. */
export function containerChildren(doc: WordDocument, container: DocNode, accepts: ElementSlot): DocNode[] {
  if (accepts === "row") return tableParts(doc, container, "row");
  if (accepts === "cell") return tableParts(doc, container, "cell");
  return blockNodes(doc, container);
}

function siblingIndex(slot: Slot, node: DocNode): number {
  const i = slot.siblings!.findIndex((s) => s.path === node.path);
  return i < 0 ? slot.siblings!.length - 1 : i;
}

/** The canonical path of the node's container, or null for nodes that are not blocks, rows or cells. */
export function parentPath(node: DocNode): string | null {
  if (!["paragraph", "table", "sdt", "row", "cell", "other"].includes(node.kind)) return null;
  const cut = node.path.lastIndexOf("/");
  if (cut <= 0) return null;
  const parent = node.path.slice(0, cut);
  // `/body/children/3`: the container is /body.
  return parent.endsWith("/children") ? parent.slice(0, -"/children".length) : parent;
}

export function single(doc: WordDocument, path: string, field: string, purpose: string): DocNode {
  const { nodes } = resolvePath(doc, path);
  if (nodes.length === 0)
    throw new DocxError({
      kind: "path_not_found",
      path,
      message: `${field} ${path} selects nothing; to ${purpose} it must select exactly one element.`,
    });
  if (nodes.length > 1)
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `${field} ${path} selects ${nodes.length} elements; to ${purpose} it must select exactly one (use an index like [0] or an id filter [id='...']).`,
    });
  return nodes[0];
}

export function slotNoun(slot: ElementSlot): string {
  return slot === "block" ? "blocks (paragraphs, tables)" : slot === "row" ? "rows" : "cells";
}
