/** Find and replace across run boundaries, keeping each character's formatting (the body, tables, headers, notes, comments). */
import { DocxError } from "../errors.js";
import { type DocNode, elementOf, ownerOf, type WordDocument } from "../model/index.js";
import { codePointLength, contextSnippet } from "./code-points.js";
import { type EditTarget, editTarget } from "./edit-target.js";
import type { TextReplacement } from "./replace-ranges.js";
import { repeatedRevisionIds, separateSplitRevisionIds } from "./split-revision-ids.js";
import { sameTextTwin, textBoxParagraphs, textBoxPaths } from "./text-boxes.js";
import { replaceRangesIn } from "./text-edit.js";
import { findAll } from "./text-match.js";
import { type ParagraphText, readParagraphText } from "./text-range.js";
import { paragraphsInScope } from "./text-scope.js";
import type { RevisionContext } from "./tracking.js";
import { revisionContext } from "./tracking.js";

/** The most replacements one call makes; more is refused before anything changes, so one call stays cheap for every tenant. */
export const MAX_REPLACEMENTS = 10_000;
/** How many skipped matches and examples a result lists (the counts are always complete). */
const LISTED = 20;

export interface ReplaceTextOptions {
  find: string;
  replace: string;
  /** Replace at most this many matches, in document order; 0 only counts them. Default 1. */
  maxCount?: number;
  /** Default true: "Hello" does not match "hello". */
  matchCase?: boolean;
  /** Default false; true lets straight quotes and apostrophes match typographic ones (it's finds it’s). */
  anyQuotes?: boolean;
  /** Write the change as tracked revisions. */
  revision?: RevisionContext | null;
}

/** A match left alone because replacing it would cut through something that is not text. */
export interface SkippedMatch {
  path: string;
  reason: string;
  /** The text around the match. */
  context: string;
}

export interface ReplaceTextResult {
  matchesFound: number;
  replacementsMade: number;
  /** The paragraphs that changed, by id and path. */
  paragraphs: { id: string; path: string }[];
  /** Matches not replaced because they cross a field, equation, drawing or note reference (at most 20 listed). */
  skipped: SkippedMatch[];
  skippedCount: number;
  /** The text around the first replaced matches, before the change (at most 20). */
  examples: { path: string; context: string }[];
}

/**
 * Replaces occurrences of `find` inside the paragraphs `path` covers. A match may span runs, hyperlinks and inserted
 * text but not paragraphs, and never a field, equation, drawing, text box or note reference: such a match is skipped
 * and reported. The replacement takes the formatting of the first character it replaces in each hyperlink (or other
 * container) it covers, so adjacent links keep their own targets.
 */
export function replaceText(doc: WordDocument, path: string, options: ReplaceTextOptions): ReplaceTextResult {
  const { find, replace, maxCount = 1, matchCase = true, anyQuotes = false, revision = null } = options;
  if (!find)
    throw new DocxError({ kind: "invalid_argument", field: "find", message: "find must not be empty: give the text to look for." });
  if (!Number.isInteger(maxCount) || maxCount < 0)
    throw new DocxError({
      kind: "invalid_argument",
      field: "max_count",
      message: `max_count must be a whole number >= 0 (0 only counts matches); got ${maxCount}.`,
    });
  // The body scan's text of a paragraph lacks non-breaking hyphens, so it can only rule paragraphs out for other needles.
  const skip = find.includes("\u2011") ? undefined : (known: string) => findAll(known, find, matchCase, anyQuotes).length === 0;
  // Per paragraph: its own matches, and those in the paragraphs of text boxes it anchors (by their index).
  const found: { node: DocNode; starts: number[]; boxes: { index: number; starts: number[] }[] }[] = [];
  const skipped: SkippedMatch[] = [];
  const examples: { path: string; context: string }[] = [];
  let matchesFound = 0;
  let skippedCount = 0;
  let chosen = 0;
  /** The matches of one paragraph that may be replaced, counting and listing the others. */
  const matchesIn = (paragraph: ParagraphText, where: string): number[] => {
    const starts: number[] = [];
    for (const start of findAll(paragraph.text, find, matchCase, anyQuotes)) {
      matchesFound++;
      const reason = crossing(paragraph, start, start + find.length);
      const context = () => contextSnippet(paragraph.text, start, start + find.length);
      if (reason) {
        skippedCount++;
        if (skipped.length < LISTED) skipped.push({ path: where, reason, context: context() });
      } else if (chosen < maxCount) {
        chosen++;
        starts.push(start);
        if (examples.length < LISTED) examples.push({ path: where, context: context() });
      }
    }
    return starts;
  };
  for (const node of paragraphsInScope(doc, path, skip)) {
    const w = (ownerOf(node)?.list.prefixes ?? doc.prefixes).w;
    const el = elementOf(node)!;
    const starts = matchesIn(readParagraphText(el, w), node.path);
    const inBoxes = anchorsTextBoxes(node) ? textBoxParagraphs(el, w).paragraphs : [];
    // Text-box paragraphs are named by their own path, so a result can be followed up with that paragraph alone.
    const boxPaths = inBoxes.length ? textBoxPaths(doc, { ...node, element: el }) : null;
    const boxes = inBoxes
      .map((box, index) => ({
        index,
        starts: matchesIn(readParagraphText(box, w), boxPaths?.get(box) ?? `${node.path} text box paragraph ${index}`),
      }))
      .filter((b) => b.starts.length > 0);
    if (starts.length || boxes.length) found.push({ node, starts, boxes });
  }
  if (chosen > MAX_REPLACEMENTS) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "max_count",
      message: `This would replace ${chosen} matches; one call replaces at most ${MAX_REPLACEMENTS}. Nothing was changed: narrow it with a path (a section, table or paragraph), a longer find, or a max_count of ${MAX_REPLACEMENTS} or less and repeat.`,
    });
  }
  const paragraphs: { id: string; path: string }[] = [];
  const rangesAt = (starts: number[]): TextReplacement[] => starts.map((start) => ({ start, end: start + find.length, text: replace }));
  for (const { node, starts, boxes } of found) {
    const target = editParagraph(doc, node);
    const w = target.owner.list.prefixes.w;
    const repeated = repeatedRevisionIds(target.element, w);
    if (starts.length) {
      // A paragraph reached by a text-box path carries its VML twin along.
      const twin = sameTextTwin(target.node, target.element, target.owner.list.element(target.owner.index), w);
      replaceRangesIn(target.element, w, rangesAt(starts), revision);
      if (twin) replaceRangesIn(twin, w, rangesAt(starts), revision);
    }
    if (boxes.length) {
      const { paragraphs: inBoxes, twins } = textBoxParagraphs(target.element, w);
      for (const { index, starts: boxStarts } of boxes) {
        const box = inBoxes[index];
        const twin = twins.get(box);
        const sameText = twin !== undefined && readParagraphText(twin, w).text === readParagraphText(box, w).text;
        replaceRangesIn(box, w, rangesAt(boxStarts), revision);
        if (sameText) replaceRangesIn(twin, w, rangesAt(boxStarts), revision);
      }
    }
    separateSplitRevisionIds(target.element, w, repeated, () => (revision ?? revisionContext(doc)).nextId());
    target.done();
    paragraphs.push({ id: target.node.id ?? "", path: target.node.path });
  }
  return { matchesFound, replacementsMade: chosen, paragraphs, skipped, skippedCount, examples };
}

/** Why [start, end) may not be replaced (an atom inside it, or a computed field's result), or null when it may. */
function crossing({ atoms, pieces, text }: ParagraphText, start: number, end: number): string | null {
  const atom = atoms[firstIndex(atoms, (a) => a.offset > start)];
  if (atom && atom.offset < end) return `the match crosses ${atom.kind} at character ${codePointLength(text.slice(0, atom.offset))}`;
  for (let i = firstIndex(pieces, (x) => x.end > start); i < pieces.length && pieces[i].start < end; i++) {
    const field = pieces[i].field;
    if (field && field !== "HYPERLINK") return `the match is inside the result of a ${field} field, which Word recomputes`;
  }
  return null;
}

/** The first index whose item satisfies `after` (false then true along the array), or the length. */
function firstIndex<T>(items: T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether a paragraph may anchor a text box: the scan says so for top-level ones; nested ones are looked at. */
function anchorsTextBoxes(node: DocNode): boolean {
  const facts = node.list && node.index !== undefined ? node.list.blocks[node.index].facts : null;
  return !facts || (facts.atoms?.includes("text box") ?? false);
}

/** A top-level paragraph is kept as a tree directly (resolving its path again costs a pass over the body); nested ones go through editTarget. */
function editParagraph(doc: WordDocument, node: DocNode): EditTarget {
  if (!node.list || node.index === undefined) return editTarget(doc, node.path, "paragraph");
  const { list, index } = node;
  return { node, element: doc.touchForEdit(list, index), owner: { list, index }, done: () => list.refresh(index) };
}
