/**
 * Lists the tracked changes of every story (body, headers, footers, footnotes, endnotes, comments) in document order
 * (ISO/IEC 29500-1 §17.13.5), each with the path and id of the paragraph, row, cell, table or section it belongs to.
 * Blocks without revision markup are recognised from their bytes and never parsed.
 */
import { type BlockList, blockNodes, type DocNode, elementOf, storyContainers, tableParts, type WordDocument } from "../../model/index.js";
import { childElements, getAttribute, type XmlElement } from "../../xml/index.js";
import {
  CELL_MARKERS,
  CONTENT_REVISIONS,
  contentText,
  hasRevisionMarkup,
  PROPERTY_CHANGES,
  RANGE_MARKERS,
  type RevisionType,
  revisionId,
  revisionPattern,
} from "./revision-markup.js";
import { styleRevisions } from "./style-revisions.js";

export interface Revision {
  /** The revision's w:id, or null when the markup has none (such revisions are still resolved by "all"). */
  id: number | null;
  type: RevisionType;
  /** Qualified element name that records it, e.g. "w:ins" or "w:pPrChange". */
  element: string;
  author: string | null;
  date: string | null;
  /** Path and id of the paragraph, row, cell, table or section the revision belongs to. */
  path: string;
  element_id: string | null;
  /** The inserted, deleted or moved text, or the text of what was reformatted; at most EXCERPT_CHARS characters. */
  text: string;
  /** For moves: the name shared by the move's source and destination ranges. */
  move?: string;
  /** For a move listed as one entry: where the moved content now is (its source is `path`). */
  to_path?: string;
  to_element_id?: string | null;
  /**
   * Set when another revision has the same w:id (LibreOffice numbers each author's changes from 0): the
   * "<id>.<n>" that revision_accept / revision_reject take to act on this one only.
   */
  handle?: string;
}

/** A listing with what resolving a move needs: the ids of each move's range markers. */
export interface RevisionListing {
  /** Every revision element in document order; the two sides of a move (and their paragraph marks) are separate here. */
  revisions: Revision[];
  /** The element recording each of `revisions`, in the same order. */
  elements: XmlElement[];
  moveMarkers: Map<string, number[]>;
}

export const EXCERPT_CHARS = 80;

export function listRevisions(doc: WordDocument): RevisionListing {
  const listing: RevisionListing = { revisions: [], elements: [], moveMarkers: new Map() };
  for (const container of storyContainers(doc)) {
    const scan = new StoryScan(listing);
    for (const block of blockNodes(doc, container)) {
      if (!blockMayHaveRevisions(block.list!, block.index!)) continue;
      scan.visit(doc, block, block.list!.prefixes.w);
    }
  }
  const styles = styleRevisions(doc);
  for (const style of styles?.styles ?? []) {
    new StoryScan(listing).element(style.element, { kind: "style", path: `/styles/style[${style.index}]`, id: null }, styles!.w);
  }
  assignHandles(listing.revisions);
  return listing;
}

/**
 * Revisions sharing a w:id get handles "<id>.1", "<id>.2", ... in document order when they are different changes.
 * Markup of one change counts once: a move's parts, or a run and paragraph mark changed by one author at one time
 * in the same way (an inserted paragraph's text and mark).
 */
function assignHandles(revisions: Revision[]): void {
  const byId = new Map<number, Revision[]>();
  for (const r of revisions) if (r.id !== null) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const unitOf = (r: Revision) => r.move ?? `${r.author}|${r.date}|${r.type.replace(/^(paragraph|row|cell)_/, "")}`;
  for (const [id, same] of byId) {
    const units = [...new Set(same.map(unitOf))];
    if (units.length < 2) continue;
    for (const r of same) r.handle = `${id}.${units.indexOf(unitOf(r)) + 1}`;
  }
}

const patterns = new Map<string, RegExp>();
const utf8 = new TextDecoder();

/** Whether a block may hold revision markup: its original bytes are searched as text, a kept tree is walked. */
export function blockMayHaveRevisions(list: BlockList, index: number): boolean {
  const w = list.prefixes.w;
  const block = list.blocks[index];
  if (block.tree) return hasRevisionMarkup({ ...block.tree, children: [block.tree] }, w);
  let pattern = patterns.get(w);
  if (!pattern) {
    pattern = revisionPattern(w);
    patterns.set(w, pattern);
  }
  const bytes = list.sourceBytes(index);
  return bytes !== null && pattern.test(utf8.decode(bytes));
}

/** Walks one story in document order, following which move ranges are open. */
class StoryScan {
  private readonly openMoves = new Map<number, string>();

  constructor(private readonly listing: RevisionListing) {}

  visit(doc: WordDocument, node: DocNode, w: string): void {
    const el = elementOf(node);
    if (!el) return;
    if (node.kind === "table") {
      for (const c of childElements(el)) if (c.name === w + "tblPr" || c.name === w + "tblGrid") this.scan(c, node, w, "tbl", el);
      for (const row of tableParts(doc, node, "row")) {
        for (const c of childElements(row.element!))
          if (c.name === w + "trPr" || c.name === w + "tblPrEx") this.scan(c, row, w, "tr", row.element!);
        for (const cell of tableParts(doc, row, "cell")) {
          const tcPr = childElements(cell.element!).find((c) => c.name === w + "tcPr");
          if (tcPr) this.scan(tcPr, cell, w, "tc", cell.element!);
          for (const block of blockNodes(doc, cell)) this.visit(doc, block, w);
        }
      }
    } else if (node.kind === "sdt") {
      for (const block of blockNodes(doc, node)) this.visit(doc, block, w);
    } else this.scan(el, node, w, null, el);
  }

  /** Scans one element that is not a story block (a style definition). */
  element(el: XmlElement, holder: DocNode, w: string): void {
    this.scan(el, holder, w, null, el);
  }

  /** Records `el` if it is a revision, then looks inside it; `context` is the run, paragraph, row or cell its text comes from. */
  private scan(
    el: XmlElement,
    holder: DocNode,
    w: string,
    parent: string | null,
    context: XmlElement,
    grandparent: string | null = null,
  ): void {
    const local = el.name.startsWith(w) ? el.name.slice(w.length) : null;
    if (local === "r" || local === "p") context = el;
    if (local !== null && RANGE_MARKERS.has(local)) {
      this.marker(el, local, holder, w);
      return;
    }
    const type = local === null ? null : revisionType(local, parent, grandparent);
    if (type) {
      const content = CONTENT_REVISIONS.has(local!) && parent !== "rPr" && parent !== "trPr" && parent !== "numPr";
      const move =
        local === "moveFrom" || local === "moveTo" ? ([...this.openMoves.values()].pop() ?? rangeIn(context, local, w)) : undefined;
      this.add(el, type, holder, w, contentText(content ? el : context, w), move);
      // Property change records hold old properties, not revisions; content revisions may nest (a deletion inside an insertion).
      if (!content) return;
    }
    for (const c of childElements(el)) this.scan(c, holder, w, local, context, parent);
  }

  private marker(el: XmlElement, local: string, holder: DocNode, w: string): void {
    const id = revisionId(el, w);
    if (local === "moveFromRangeStart" || local === "moveToRangeStart") {
      const name = getAttribute(el, w + "name") ?? "";
      if (id !== null) {
        this.openMoves.set(id, name);
        const ids = this.listing.moveMarkers.get(name) ?? [];
        ids.push(id);
        this.listing.moveMarkers.set(name, ids);
      }
    } else if (local === "moveFromRangeEnd" || local === "moveToRangeEnd") {
      if (id !== null) this.openMoves.delete(id);
    } else if (local === "customXmlInsRangeStart" || local === "customXmlDelRangeStart") {
      this.add(el, local === "customXmlInsRangeStart" ? "content_control_insertion" : "content_control_deletion", holder, w, "");
    }
  }

  private add(el: XmlElement, type: RevisionType, holder: DocNode, w: string, text: string, move?: string): void {
    const revision: Revision = {
      id: revisionId(el, w),
      type,
      element: el.name,
      author: getAttribute(el, w + "author") ?? null,
      date: getAttribute(el, w + "date") ?? null,
      path: holder.path,
      element_id: holder.id,
      text: text.length > EXCERPT_CHARS ? text.slice(0, EXCERPT_CHARS - 1) + "…" : text,
    };
    if (move !== undefined) revision.move = move;
    this.listing.revisions.push(revision);
    this.listing.elements.push(el);
  }
}

/**
 * The move a paragraph mark's w:moveFrom / w:moveTo belongs to when the move's range opens inside the paragraph, after
 * its properties (as this engine and some other writers place it) rather than before the paragraph (as Word does).
 */
function rangeIn(paragraph: XmlElement, side: string, w: string): string | undefined {
  if (paragraph.name !== w + "p") return undefined;
  const start = childElements(paragraph, w + side + "RangeStart")[0];
  return start ? getAttribute(start, w + "name") : undefined;
}

/** What kind of revision an element named `local` records, given its parent's local name; null when it is none. */
function revisionType(local: string, parent: string | null, grandparent: string | null): RevisionType | null {
  if (CONTENT_REVISIONS.has(local)) {
    if (parent === "trPr") return local === "ins" ? "row_insertion" : local === "del" ? "row_deletion" : null;
    if (parent === "numPr") return local === "ins" ? "numbering_change" : null;
    // In a paragraph mark's run properties (§17.13.5.15-.16); elsewhere in w:rPr they mark math control characters.
    const mark = parent === "rPr" && grandparent === "pPr";
    if (local === "ins") return mark ? "paragraph_insertion" : "insertion";
    if (local === "del") return mark ? "paragraph_deletion" : "deletion";
    return local === "moveFrom" ? "move_from" : "move_to";
  }
  if (local in CELL_MARKERS) return CELL_MARKERS[local];
  if (local === "numberingChange") return "numbering_change";
  const props = Object.entries(PROPERTY_CHANGES).find(([, spec]) => spec.change === local);
  return props ? props[1].type : null;
}
