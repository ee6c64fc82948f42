/** Inserting text into one paragraph at a character offset, or just before or after a match, in the neighbour's formatting. */
import { DocxError } from "../errors.js";
import { elementOf, ownerOf, type WordDocument } from "../model/index.js";
import { codePointLength, codePointOffset, contextSnippet, utf16Index } from "./code-points.js";
import { editTarget, resolveSingle } from "./edit-target.js";
import { repeatedRevisionIds, separateSplitRevisionIds } from "./split-revision-ids.js";
import { sameTextTwin } from "./text-boxes.js";
import { insertAt } from "./text-edit.js";
import { findAll } from "./text-match.js";
import { readParagraphText } from "./text-range.js";
import type { RevisionContext } from "./tracking.js";
import { revisionContext } from "./tracking.js";

/** Exactly one of offset, after and before says where the text goes. */
export interface InsertTextOptions {
  text: string;
  offset?: number;
  /** Insert right after the first occurrence of this text. */
  after?: string;
  /** Insert right before the first occurrence of this text. */
  before?: string;
  /** For after/before; default true. */
  matchCase?: boolean;
  /** For after/before; default false. True lets straight quotes match typographic ones. */
  anyQuotes?: boolean;
  revision?: RevisionContext | null;
}

export interface InsertTextResult {
  id: string;
  path: string;
  /** Where the text now starts in the paragraph's text, in characters (code points). */
  offset: number;
  /** The paragraph's text around the insertion: all of it when short, else about 40 characters either side, with "…". */
  text: string;
}

export function insertText(doc: WordDocument, path: string, options: InsertTextOptions): InsertTextResult {
  const { text, offset, after, before, matchCase = true, anyQuotes = false, revision = null } = options;
  if (!text) throw new DocxError({ kind: "invalid_argument", field: "text", message: "text must not be empty." });
  const given = [offset !== undefined, after !== undefined, before !== undefined].filter(Boolean).length;
  if (given !== 1)
    throw new DocxError({
      kind: "invalid_argument",
      field: "position",
      message: `Give exactly one of offset, after or before (got ${given}).`,
    });
  // Validate on the parsed paragraph before keeping its block as an edited tree.
  const node = resolveSingle(doc, path, "paragraph");
  const w = (ownerOf(node)?.list.prefixes ?? doc.prefixes).w;
  const current = readParagraphText(elementOf(node)!, w).text;
  let at: number;
  if (offset !== undefined) {
    at = Number.isInteger(offset) && offset >= 0 ? utf16Index(current, offset) : -1;
    if (at < 0) {
      const length = codePointLength(current);
      throw new DocxError({
        kind: "invalid_argument",
        field: "offset",
        message: `offset ${offset} is outside the paragraph's text, which has ${length} characters (allowed 0-${length}).`,
      });
    }
  } else {
    const needle = (after ?? before)!;
    const field = after !== undefined ? "after" : "before";
    const [start] = findAll(current, needle, matchCase, anyQuotes);
    if (!needle || start === undefined) {
      throw new DocxError({
        kind: "invalid_argument",
        field,
        message: `${node.path} does not contain "${needle}"${matchCase ? " (matching case)" : ""}; its text starts "${contextSnippet(current, 0, 0, 80)}".`,
      });
    }
    at = after !== undefined ? start + needle.length : start;
  }
  const target = editTarget(doc, path, "paragraph");
  const repeated = repeatedRevisionIds(target.element, w);
  const twin = sameTextTwin(target.node, target.element, target.owner.list.element(target.owner.index), w);
  insertAt(target.element, w, at, text, before !== undefined ? "next" : "previous", revision);
  if (twin) insertAt(twin, w, at, text, before !== undefined ? "next" : "previous", revision);
  separateSplitRevisionIds(target.element, w, repeated, () => (revision ?? revisionContext(doc)).nextId());
  target.done();
  const updated = readParagraphText(target.element, w).text;
  return {
    id: target.node.id ?? "",
    path: target.node.path,
    offset: codePointOffset(updated, at),
    text: updated.length <= 200 ? updated : contextSnippet(updated, at, at + text.length),
  };
}
