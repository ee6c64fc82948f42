/**
 * Applies property edits to the elements inside the selected nodes, in two passes: a dry pass on copies finds which
 * top-level blocks would change (a dry run stops there), then only those blocks are kept as trees and edited, so
 * every other block stays byte-identical.
 */

import { DocxError } from "../../errors.js";
import { type BlockList, checkEditBudget, type DocNode, elementOf, ownerOf, type WordDocument } from "../../model/index.js";
import type { XmlElement } from "../../xml/index.js";
import { trackingOf } from "../tracking.js";
import { editProperties, type PropertyEdit } from "./property-edits.js";
import { propertiesBefore, recordPropertyChange } from "./property-revision.js";
import { styleNodes } from "./style-targets.js";

/** One property element to edit: `props` ("rPr", "pPr", "tblPr", "trPr", "tcPr") of `host`. */
export interface HostEdit {
  host: XmlElement;
  props: string;
  edits: PropertyEdit[];
}

/** Which property elements to edit inside one selected node's element. */
export type StylePlan = (node: DocNode, el: XmlElement) => HostEdit[];

export interface StyleOutcome {
  /** Elements (runs, paragraphs, tables, rows, cells) the style applied to. */
  styled: number;
  /** Of those, how many had their properties changed (the rest already had them). */
  changedCount: number;
  /** The selected nodes that hold styled elements, with how many each; the first MAX_LISTED of them. */
  elements: { kind: string; id: string | null; path: string; styled: number }[];
  /** How many selected nodes hold styled elements (more than `elements` lists when it was cut). */
  elementsTotal: number;
  /** True when the changes were written as tracked revisions. */
  tracked: boolean;
  /** Paragraphs whose direct outline level a heading style displaced (styleParagraphs), with a note saying so. */
  outlineLevelsRemoved?: number;
  note?: string;
}

/** Results list at most this many elements, so styling a whole long document gives a small answer. */
const MAX_LISTED = 100;

/** A row's w:tblPrEx comes before its w:trPr (§17.4.79). */
const AFTER: Record<string, string[]> = { trPr: ["tblPrEx"] };

export function applyStyle(doc: WordDocument, path: string | undefined, plan: StylePlan, options: { noun: string }): StyleOutcome {
  const w = doc.prefixes.w;
  const after = (props: string) => (AFTER[props] ?? []).map((n) => w + n);
  const nodes = styleNodes(doc, path);
  checkEditBudget(nodes, `Styling ${options.noun} in`, path);
  const touched = new Map<BlockList, Set<number>>();
  const elements: StyleOutcome["elements"] = [];
  const counted = new Set<XmlElement>();
  let styled = 0;
  let changed = 0;
  let listed = 0;
  for (const node of nodes) {
    const hosts = planFor(plan, node).filter((h) => !counted.has(h.host) && counted.add(h.host));
    if (hosts.length === 0) continue;
    styled += hosts.length;
    if (listed++ < MAX_LISTED) elements.push({ kind: node.kind, id: node.id, path: node.path, styled: hosts.length });
    const changing = hosts.filter((h) => editProperties(dryCopy(h.host, w + h.props), w + h.props, h.edits, w, after(h.props))).length;
    changed += changing;
    const owner = ownerOf(node);
    if (changing && owner) (touched.get(owner.list) ?? touched.set(owner.list, new Set()).get(owner.list)!).add(owner.index);
  }
  if (styled === 0 && path !== undefined) {
    const kinds = [...new Set(nodes.map((n) => n.kind))].join("/");
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} selects ${nodes.length} ${kinds} element(s) holding no ${options.noun} to style; select elements that contain ${options.noun}.`,
    });
  }
  // When the document tracks revisions, every changed element keeps its old properties in a w:xxxPrChange.
  const revision = trackingOf(doc);
  const outcome = { styled, changedCount: changed, elements, elementsTotal: listed, tracked: revision !== null };
  if (changed === 0) return outcome;

  for (const [list, indexes] of touched) for (const i of indexes) doc.touchForEdit(list, i);
  // Selected again: the touched blocks now resolve to their kept trees, which are the ones saved.
  const seen = new Set<XmlElement>();
  for (const node of styleNodes(doc, path)) {
    const owner = ownerOf(node);
    if (!owner || !touched.get(owner.list)?.has(owner.index)) continue;
    for (const h of planFor(plan, node)) {
      if (seen.has(h.host)) continue;
      seen.add(h.host);
      const before = revision ? propertiesBefore(h.host, h.props, w) : null;
      if (editProperties(h.host, w + h.props, h.edits, w, after(h.props)) && revision)
        recordPropertyChange(before, h.host, h.props, w, after(h.props), revision);
    }
  }
  for (const [list, indexes] of touched) for (const i of indexes) list.refresh(i);
  return outcome;
}

function planFor(plan: StylePlan, node: DocNode): HostEdit[] {
  const el = elementOf(node);
  return el ? plan(node, el) : [];
}

/** A stand-in for `host` whose property element is a copy, so a dry edit leaves the document alone. */
function dryCopy(host: XmlElement, props: string): XmlElement {
  return {
    ...host,
    attributes: [...host.attributes],
    children: host.children.map((c) => (c.type === "element" && c.name === props ? structuredClone(c) : c)),
  };
}
