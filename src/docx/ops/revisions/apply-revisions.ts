/**
 * Accepts or rejects tracked changes across every story: all of them, one author's, or one by its w:id. Only blocks
 * holding a selected revision are touched; a paragraph whose mark goes joins the next block when that is a paragraph.
 */
import { DocxError } from "../../errors.js";
import type { BlockList, WordDocument } from "../../model/index.js";
import { localName, type XmlElement } from "../../xml/index.js";
import { blockMayHaveRevisions, listRevisions, type Revision } from "./list-revisions.js";
import { removeOrphanNotes } from "./orphan-notes.js";
import { isEmptyParagraph, joinParagraphs } from "./paragraph-marks.js";
import { controlFate, type Resolution, type RevisionAction, resolveElement } from "./resolve-revisions.js";
import { isRevision, RANGE_MARKERS, revisionId } from "./revision-markup.js";
import { styleRevisions } from "./style-revisions.js";

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
    for (const marker of r.move !== undefined ? (moveMarkers.get(r.move) ?? []) : []) ids.add(marker);
  }
  const droppedNotes = new Set<string>();
  const resolution = (w: string): Resolution => ({
    action,
    w,
    selects: everything
      ? () => true
      : (el: XmlElement) => {
          const id = revisionId(el, w);
          return id !== null && ids.has(id);
        },
    joining: new Set(),
    stranded: new Set(),
    controls: new Map(),
    droppedNotes,
  });
  for (const list of doc.storyLists()) resolveStory(doc, list, resolution(list.prefixes.w));
  const styles = styleRevisions(doc);
  if (styles) {
    const r = resolution(styles.w);
    const chosenStyles = styles.styles.filter((s) => holdsSelected(s.element, r));
    for (const s of chosenStyles) resolveElement(s.element, r);
    if (chosenStyles.length) doc.parts.changed(styles.part);
  }
  // Last: changing the notes part re-reads the stories resolved above.
  removeOrphanNotes(doc, droppedNotes);
  return { revisions: chosen };
}

function resolveStory(doc: WordDocument, list: BlockList, r: Resolution): void {
  const touched = new Set<XmlElement>();
  for (let i = 0; i < list.length; i++) {
    if (!blockMayHaveRevisions(list, i) || !holdsSelected(list.element(i), r)) continue;
    const el = doc.touchForEdit(list, i);
    const fate = controlFate(el, r);
    const control = fate ? nextContentBlock(list, i) : -1;
    if (fate && list.blocks[control]?.facts.kind === "sdt") r.controls.set(doc.touchForEdit(list, control), fate);
    const next = nextContentBlock(list, i);
    const paragraphFollows = next < list.length && list.blocks[next].facts.kind === "paragraph";
    const out = resolveElement(el, r).filter((n): n is XmlElement => n.type === "element");
    for (const e of out) {
      // As in resolveChildren: a mark cannot join across what followed it before resolving (see MarkJoins).
      if (r.joining.has(e) && !paragraphFollows) {
        r.joining.delete(e);
        r.stranded.add(e);
      }
    }
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
    if (!p) continue;
    if (r.stranded.delete(p)) {
      if (isEmptyParagraph(p, r.w) && list.blocks.some((b, k) => k !== i && b.facts.kind === "paragraph")) {
        doc.removeBlock(list, i--);
        touched.delete(p);
      }
      continue;
    }
    if (!r.joining.delete(p)) continue;
    const j = nextContentBlock(list, i);
    if (j >= list.length || list.blocks[j].facts.kind !== "paragraph") continue;
    for (let k = i + 1; k < j; k++) p.children.push(list.element(k));
    const next = doc.touchForEdit(list, j);
    joinParagraphs(p, next, r.w);
    for (let k = j; k > i; k--) doc.removeBlock(list, k);
    if (r.joining.delete(next)) r.joining.add(p);
    else if (r.stranded.delete(next)) r.stranded.add(p);
    i--;
  }
}

/** Index of the next block after `index` that is not a range marker (list.length when there is none). */
function nextContentBlock(list: BlockList, index: number): number {
  let j = index + 1;
  while (j < list.length && isMarkerBlock(list, j)) j++;
  return j;
}

const MARKER_BLOCKS = new Set([
  "bookmarkStart",
  "bookmarkEnd",
  "commentRangeStart",
  "commentRangeEnd",
  "permStart",
  "permEnd",
  ...RANGE_MARKERS,
]);
function isMarkerBlock(list: BlockList, index: number): boolean {
  const name = list.blocks[index].facts.name;
  return name.startsWith(list.prefixes.w) && MARKER_BLOCKS.has(localName(name));
}

/** Whether a block holds a revision (or move range marker) the resolution acts on. */
function holdsSelected(el: XmlElement, r: Resolution): boolean {
  if ((isRevision(el, r.w) || RANGE_MARKERS.has(localName(el.name))) && r.selects(el)) return true;
  return el.children.some((c) => c.type === "element" && holdsSelected(c, r));
}

function summarize(ids: number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(", ")}, …` : sorted.join(", ");
}
