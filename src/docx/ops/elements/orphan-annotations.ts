/**
 * Footnotes, endnotes (§17.11) and comments (§17.13.4) anchored only in content an edit removes go with it, as in
 * Word: a note whose reference is gone would stay in footnotes.xml and shift every /footnote[N] after it, and a
 * comment whose marks are gone would show nowhere.
 */
import type { WordDocument } from "../../model/index.js";
import { getAttribute, type XmlElement } from "../../xml/index.js";
import { deleteComments } from "../comments.js";
import { collectNoteReferences, removeOrphanNotes, storyMarkup } from "../revisions/orphan-notes.js";

export interface Anchored {
  /** "footnote:3", "endnote:1" */
  notes: Set<string>;
  comments: Set<string>;
}

export interface AnnotationsRemoved {
  notesRemoved?: number;
  commentsRemoved?: string[];
}

/** The notes and comments anchored in `elements`, gathered before they are removed. */
export function anchoredIn(elements: XmlElement[], w: string): Anchored {
  const notes = new Set<string>();
  collectNoteReferences(elements, w, notes);
  const comments = new Set<string>();
  const marks = [w + "commentRangeStart", w + "commentRangeEnd", w + "commentReference"];
  const walk = (el: XmlElement) => {
    if (marks.includes(el.name)) comments.add(getAttribute(el, w + "id") ?? "");
    for (const c of el.children) if (c.type === "element") walk(c);
  };
  for (const el of elements) walk(el);
  return { notes, comments };
}

/** Removes the anchored notes and comments that nothing in the document refers to any more. */
export function removeOrphaned(doc: WordDocument, anchored: Anchored): AnnotationsRemoved {
  const notes = removeOrphanNotes(doc, anchored.notes);
  const left = anchored.comments.size ? commentsStillMarked(doc, anchored.comments) : new Set<string>();
  const gone = [...anchored.comments].filter((id) => !left.has(id) && doc.comments.some((c) => c.noteId === id));
  const deleted = gone.flatMap((id) => (doc.comments.some((c) => c.noteId === id) ? deleteComments(doc, { commentId: id }).deleted : []));
  return { ...(notes ? { notesRemoved: notes } : {}), ...(deleted.length ? { commentsRemoved: deleted } : {}) };
}

/** Which of `ids` still have a range mark or reference in some story. */
function commentsStillMarked(doc: WordDocument, ids: Set<string>): Set<string> {
  const out = new Set<string>();
  const pattern = /<(?:[\w.-]+:)?comment(?:RangeStart|RangeEnd|Reference)\b[^>]*?\bid="([^"]*)"/g;
  for (const text of storyMarkup(doc, "comment")) for (const m of text.matchAll(pattern)) if (ids.has(m[1])) out.add(m[1]);
  return out;
}
