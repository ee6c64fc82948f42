/**
 * Accepts or rejects tracked changes across every story: all of them, one author's, or one by its w:id. Only blocks
 * holding a selected revision are touched; a paragraph whose mark goes joins the next block when that is a paragraph.
 */
import { DocxError } from "../../errors.js";
import type { BlockList, WordDocument } from "../../model/index.js";
import { localName, type XmlElement } from "../../xml/index.js";
import { blockMayHaveRevisions, listRevisions, type Revision } from "./list-revisions.js";
import { isEmptyParagraph, joinParagraphs } from "./paragraph-marks.js";
import { RANGE_MARKERS, isRevision, revisionId } from "./revision-markup.js";
import { resolveElement, type Resolution, type RevisionAction } from "./resolve-revisions.js";

export interface RevisionFilter {
  /** One revision by its w:id (accepting one side of a move resolves the whole move, as Word does). */
  id?: number;
  /** Only this author's revisions (compared without regard to case). */
  author?: string;
}

export interface RevisionOutcome {
  /** The revisions resolved, as listed before the call. */
  revisions: Revision[];
}

export function applyRevisions(doc: WordDocument, action: RevisionAction, filter: RevisionFilter = {}): RevisionOutcome {
  const { revisions, moveMarkers } = listRevisions(doc);
  const everything = filter.id === undefined && filter.author === undefined;
  let chosen = revisions;
  if (filter.id !== undefined) {
    const direct = revisions.filter((r) => r.id === filter.id);
    if (!direct.length) {
      const ids = revisions.map((r) => r.id).filter((id) => id !== null);
      throw new DocxError({
        kind: "revision_not_found",
        revisionId: filter.id,
        message: `Revision ${filter.id} not found: the document has ${revisions.length} revision${revisions.length === 1 ? "" : "s"}${ids.length ? ` (ids ${summarize(ids as number[])})` : ""}; list them with revision_list.`,
      });
    }
    const moves = new Set(direct.map((r) => r.move).filter((m) => m !== undefined));
    chosen = revisions.filter((r) => r.id === filter.id || (r.move !== undefined && moves.has(r.move)));
  }
  if (filter.author !== undefined) {
    const author = filter.author.toLowerCase();
    chosen = chosen.filter((r) => (r.author ?? "").toLowerCase() === author);
  }
  if (!chosen.length) return { revisions: [] };
  const ids = new Set<number>();
  for (const r of chosen) {
    if (r.id !== null) ids.add(r.id);
    for (const marker of r.move !== undefined ? moveMarkers.get(r.move) ?? [] : []) ids.add(marker);
  }
  const w = (list: BlockList) => list.prefixes.w;
  for (const list of doc.storyLists()) {
    const prefix = w(list);
    const selects = everything ? () => true : (el: XmlElement) => { const id = revisionId(el, prefix); return id !== null && ids.has(id); };
    resolveStory(doc, list, { action, w: prefix, selects, joining: new Set(), unwrapping: new Set() });
  }
  return { revisions: chosen };
}

function resolveStory(doc: WordDocument, list: BlockList, r: Resolution): void {
  const touched = new Set<XmlElement>();
  for (let i = 0; i < list.length; i++) {
    if (!blockMayHaveRevisions(list, i) || !holdsSelected(list.element(i), r)) continue;
    const el = doc.touchForEdit(list, i);
    if (removesNextControl(el, r) && list.blocks[i + 1]?.facts.kind === "sdt") r.unwrapping.add(doc.touchForEdit(list, i + 1));
    const out = resolveElement(el, r).filter((n): n is XmlElement => n.type === "element");
    if (out.length === 1 && out[0] === el) {
      touched.add(el);
      continue;
    }
    doc.removeBlock(list, i);
    out.forEach((e, k) => {
      doc.insertBlock(list, i + k, e);
      touched.add(e);
    });
    i += out.length - 1;
  }
  joinBlocks(doc, list, r, touched);
  list.blocks.forEach((b, i) => {
    if (b.tree && touched.has(b.tree)) list.refresh(i);
  });
}

/** Top-level paragraphs whose mark went away take in the next paragraph block (§17.13.5.15). */
function joinBlocks(doc: WordDocument, list: BlockList, r: Resolution, touched: Set<XmlElement>): void {
  for (let i = 0; i < list.length; i++) {
    const p = list.blocks[i].tree;
    if (!p || !r.joining.has(p)) continue;
    r.joining.delete(p);
    let j = i + 1;
    while (j < list.length && isMarkerBlock(list, j)) j++;
    if (j < list.length && list.blocks[j].facts.kind === "paragraph") {
      for (let k = i + 1; k < j; k++) p.children.push(list.element(k));
      const next = doc.touchForEdit(list, j);
      joinParagraphs(p, next, r.w);
      for (let k = j; k > i; k--) doc.removeBlock(list, k);
      if (r.joining.delete(next)) r.joining.add(p);
      i--;
    } else if (isEmptyParagraph(p, r.w) && list.blocks.some((b, k) => k !== i && b.facts.kind === "paragraph")) {
      doc.removeBlock(list, i);
      touched.delete(p);
      i--;
    }
  }
}

const MARKER_BLOCKS = new Set(["bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart", "permEnd"]);
function isMarkerBlock(list: BlockList, index: number): boolean {
  const name = list.blocks[index].facts.name;
  return name.startsWith(list.prefixes.w) && MARKER_BLOCKS.has(localName(name));
}

/** Whether a block holds a revision (or move range marker) the resolution acts on. */
function holdsSelected(el: XmlElement, r: Resolution): boolean {
  if ((isRevision(el, r.w) || RANGE_MARKERS.has(localName(el.name))) && r.selects(el)) return true;
  return el.children.some((c) => c.type === "element" && holdsSelected(c, r));
}

/** A body-level custom-XML range start whose resolution removes the content control after it (§17.13.5.4-.7). */
function removesNextControl(el: XmlElement, r: Resolution): boolean {
  const local = el.name.startsWith(r.w) ? el.name.slice(r.w.length) : "";
  return r.selects(el) && ((local === "customXmlInsRangeStart" && r.action === "reject") || (local === "customXmlDelRangeStart" && r.action === "accept"));
}

function summarize(ids: number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(", ")}, …` : sorted.join(", ");
}
