/** Find and replace across run boundaries, keeping each character's formatting (the body, tables, headers, notes, comments). */
import { DocxError } from "../errors.js";
import { type DocNode, elementOf, ownerOf, type WordDocument } from "../model/index.js";
import { type EditTarget, editTarget } from "./edit-target.js";
import { replaceRange } from "./text-edit.js";
import { findAll } from "./text-match.js";
import { readParagraphText } from "./text-range.js";
import { paragraphsInScope } from "./text-scope.js";
import type { RevisionContext } from "./tracking.js";

export interface ReplaceTextOptions {
  find: string;
  replace: string;
  /** Replace at most this many matches, in document order; 0 only counts them. Default 1. */
  maxCount?: number;
  /** Default true: "Hello" does not match "hello". */
  matchCase?: boolean;
  /** Write the change as tracked revisions. */
  revision?: RevisionContext | null;
}

export interface ReplaceTextResult {
  matchesFound: number;
  replacementsMade: number;
  /** The paragraphs that changed, by id and path. */
  paragraphs: { id: string; path: string }[];
}

/**
 * Replaces occurrences of `find` inside the paragraphs `path` covers. A match may span runs, hyperlinks and inserted
 * text but not paragraphs; the replacement takes the formatting of the first character it replaces.
 */
export function replaceText(doc: WordDocument, path: string, options: ReplaceTextOptions): ReplaceTextResult {
  const { find, replace, maxCount = 1, matchCase = true, revision = null } = options;
  if (!find)
    throw new DocxError({ kind: "invalid_argument", field: "find", message: "find must not be empty: give the text to look for." });
  if (!Number.isInteger(maxCount) || maxCount < 0)
    throw new DocxError({
      kind: "invalid_argument",
      field: "max_count",
      message: `max_count must be a whole number >= 0 (0 only counts matches); got ${maxCount}.`,
    });
  // The body scan's text of a paragraph lacks non-breaking hyphens, so it can only rule paragraphs out for other needles.
  const skip = find.includes("\u2011") ? undefined : (known: string) => findAll(known, find, matchCase).length === 0;
  const found: { node: DocNode; starts: number[] }[] = [];
  let matchesFound = 0;
  for (const node of paragraphsInScope(doc, path, skip)) {
    const w = (ownerOf(node)?.list.prefixes ?? doc.prefixes).w;
    const starts = findAll(readParagraphText(elementOf(node)!, w).text, find, matchCase);
    if (!starts.length) continue;
    matchesFound += starts.length;
    found.push({ node, starts });
  }
  let remaining = maxCount;
  const paragraphs: { id: string; path: string }[] = [];
  for (const { node, starts } of found) {
    if (remaining === 0) break;
    const target = editParagraph(doc, node);
    const w = target.owner.list.prefixes.w;
    const chosen = starts.slice(0, remaining);
    remaining -= chosen.length;
    // Right to left, so earlier offsets stay valid.
    for (const start of chosen.reverse()) replaceRange(target.element, w, start, start + find.length, replace, revision);
    target.done();
    paragraphs.push({ id: target.node.id ?? "", path: target.node.path });
  }
  return { matchesFound, replacementsMade: Math.min(maxCount, matchesFound), paragraphs };
}

/** A top-level paragraph is kept as a tree directly (resolving its path again costs a pass over the body); nested ones go through editTarget. */
function editParagraph(doc: WordDocument, node: DocNode): EditTarget {
  if (!node.list || node.index === undefined) return editTarget(doc, node.path, "paragraph");
  const { list, index } = node;
  return { node, element: doc.touchForEdit(list, index), owner: { list, index }, done: () => list.refresh(index) };
}
