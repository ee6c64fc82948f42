/**
 * Accepts or rejects tracked changes across every story: all of them, one author's, or one by its w:id. Only blocks
 * holding a selected revision are touched; a paragraph whose mark goes joins the next block when that is a paragraph.
 */
import { DocxError } from "../../errors.js";
import type { BlockList, WordDocument } from "../../model/index.js";
import { localName, type XmlElement } from "../../xml/index.js";
import { repairVerticalMerges } from "../elements/table-shape.js";
import { blockMayHaveRevisions, listRevisions, type Revision } from "./list-revisions.js";
import { removeOrphanNotes } from "./orphan-notes.js";
import { isEmptyParagraph, joinParagraphs } from "./paragraph-marks.js";
import { controlFate, type Resolution, type RevisionAction, resolveElement } from "./resolve-revisions.js";
import { revisionEntries } from "./revision-entries.js";
import { isRevision, RANGE_MARKERS, revisionId } from "./revision-markup.js";
import { styleRevisions } from "./style-revisions.js";

export interface RevisionFilter {
  /**
   * One revision by its w:id, or by its handle ("<id>.<n>") when several share that id (accepting one side of a move
   * resolves the whole move, as Word does).
   */
  id?: number | string;
  /** Only this author's revisions (compared without regard to case). */
  author?: string;
}

/**
 * Most revisions one call resolves: each costs about 20-40 µs (its blocks parsed, resolved and joined), so 20,000 keep
 * a call under about a second; 80,000 held the isolate for several.
 */
export const MAX_RESOLVED_REVISIONS = 20_000;

export interface RevisionOutcome {
  /** The revisions resolved, as listed before the call. */
  revisions: Revision[];
}

export function applyRevisions(doc: WordDocument, action: RevisionAction, filter: RevisionFilter = {}): RevisionOutcome {
  let listing = listRevisions(doc);
  const everything = filter.id === undefined && filter.author === undefined;
  let chosen = listing.revisions;
  let byElement = false;
  if (filter.id !== undefined) {
    const direct = selectOne(listing.revisions, filter.id);
    if (direct.some((r) => r.handle)) {
      // The id is shared: pick the elements themselves, from blocks kept as trees so resolving sees the same objects.
      keepBlocksWithId(doc, direct[0].id!);
      listing = listRevisions(doc);
      byElement = true;
    }
    const again = byElement ? selectOne(listing.revisions, filter.id) : direct;
    const moves = new Set(again.map((r) => r.move).filter((m) => m !== undefined));
    chosen = listing.revisions.filter((r) => again.includes(r) || (r.move !== undefined && moves.has(r.move)));
  }
  if (filter.author !== undefined) {
    const author = filter.author.toLowerCase();
    chosen = chosen.filter((r) => (r.author ?? "").toLowerCase() === author);
  }
  if (!chosen.length) return { revisions: [] };
  if (chosen.length > MAX_RESOLVED_REVISIONS) throw tooManyRevisions(action, chosen, filter);
  const { moveMarkers } = listing;
  const ids = new Set<number>();
  const indexOf = new Map(listing.revisions.map((r, i) => [r, i]));
  const elements = new Set(chosen.map((r) => listing.elements[indexOf.get(r) as number]));
  for (const r of chosen) {
    if (r.id !== null && !byElement) ids.add(r.id);
    for (const marker of r.move !== undefined ? (moveMarkers.get(r.move) ?? []) : []) ids.add(marker);
  }
  const droppedNotes = new Set<string>();
  const resolution = (w: string): Resolution => ({
    action,
    w,
    selects: everything
      ? () => true
      : (el: XmlElement) => {
          if (elements.has(el)) return true;
          const id = revisionId(el, w);
          return id !== null && ids.has(id) && (!byElement || RANGE_MARKERS.has(localName(el.name)));
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
  return { revisions: revisionEntries(chosen) };
}

/** The revisions `key` names: a w:id shared by no other revision, or a handle "<id>.<n>"; else a clear error. */
function selectOne(revisions: Revision[], key: number | string): Revision[] {
  const text = String(key).trim();
  const known = () => {
    const names = revisionEntries(revisions).map((r) => r.handle ?? (r.id === null ? null : String(r.id)));
    return names.length
      ? `the document has ${names.length} revision${names.length === 1 ? "" : "s"} (ids ${summarize(names.filter((n) => n !== null) as string[])}); list them with revision_list.`
      : "the document has no revisions.";
  };
  if (!/^\d+(\.\d+)?$/.test(text))
    throw new DocxError({
      kind: "invalid_argument",
      field: "revision_id",
      message: `revision_id "${text}" is neither a revision id (a number) nor a handle like "4.2"; ${known()}`,
    });
  const direct = text.includes(".") ? revisions.filter((r) => r.handle === text) : revisions.filter((r) => r.id === Number(text));
  if (!direct.length)
    throw new DocxError({
      kind: "revision_not_found",
      revisionId: /^\d+$/.test(text) ? Number(text) : text,
      message: `Revision ${text} not found: ${known()}`,
    });
  const handles = [...new Set(direct.map((r) => r.handle).filter((h) => h !== undefined))];
  if (handles.length > 1) {
    const which = handles.map((h) => {
      const r = direct.find((d) => d.handle === h)!;
      return `${h} (${r.type}${r.author ? ` by ${r.author}` : ""}${r.text ? `: "${r.text}"` : ""})`;
    });
    throw new DocxError({
      kind: "invalid_argument",
      field: "revision_id",
      message: `Revision id ${text} is shared by ${handles.length} different revisions: ${which.join(", ")}; pass the handle of the one to resolve.`,
    });
  }
  return direct;
}

/** Keeps as trees the blocks whose markup carries w:id="<id>", so listing and resolving see the same elements. */
function keepBlocksWithId(doc: WordDocument, id: number): void {
  for (const list of doc.storyLists()) {
    const attr = new RegExp(`\\b${list.prefixes.w}id="${id}"`);
    for (let i = 0; i < list.length; i++) {
      if (list.blocks[i].tree || !blockMayHaveRevisions(list, i)) continue;
      const bytes = list.sourceBytes(i);
      if (bytes && attr.test(utf8.decode(bytes))) doc.touchForEdit(list, i);
    }
  }
}

const utf8 = new TextDecoder();

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
  // A row that went may have started a vertical merge; the row below then starts it (table-shape.ts).
  for (const el of touched) for (const tbl of tablesIn(el, r.w)) repairVerticalMerges(tbl, r.w);
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

function tablesIn(el: XmlElement, w: string): XmlElement[] {
  const out: XmlElement[] = el.name === w + "tbl" ? [el] : [];
  for (const c of el.children) if (c.type === "element") out.push(...tablesIn(c, w));
  return out;
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

function summarize(ids: string[]): string {
  const sorted = [...new Set(ids)];
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(", ")}, …` : sorted.join(", ");
}

function tooManyRevisions(action: RevisionAction, chosen: Revision[], filter: RevisionFilter): DocxError {
  const authors = new Map<string, number>();
  for (const r of chosen) authors.set(r.author ?? "(no author)", (authors.get(r.author ?? "(no author)") ?? 0) + 1);
  const byAuthor = [...authors].sort((a, b) => b[1] - a[1]);
  const advice =
    filter.author === undefined && byAuthor.length > 1
      ? `Resolve them by author instead (author: ${byAuthor
          .slice(0, 3)
          .map(([name, n]) => `${JSON.stringify(name)} has ${n}`)
          .join(", ")}), or one at a time by id.`
      : "Resolve them one at a time by id (revision_list), or in Word.";
  return new DocxError({
    kind: "work_too_large",
    limit: MAX_RESOLVED_REVISIONS,
    actual: chosen.length,
    message:
      `${action === "accept" ? "Accepting" : "Rejecting"} ${chosen.length} revisions in one call is more than the ` +
      `${MAX_RESOLVED_REVISIONS} one call may resolve. Nothing was changed. ${advice}`,
  });
}
