/** Comments (§17.13.4): add anchored to an element or to exact text, reply, resolve, list and delete. */
import { DocxError } from "../errors.js";
import { commentAnchor, elementOf, ownerOf, type WordDocument } from "../model/index.js";
import { resolvePath } from "../paths/index.js";
import { childElements, element, getAttribute, setAttribute, type XmlElement } from "../xml/index.js";
import { elementPlaces, findMarks, placeMarks, referenceRun, removeMarks, textPlaces } from "./comment-markers.js";
import {
  type CommentsPart,
  commentElements,
  commentEx,
  commentsExtended,
  commentsPart,
  lastParagraphId,
  nextCommentId,
} from "./comment-parts.js";
import { editTarget } from "./edit-target.js";
import { findAll } from "./text-match.js";
import { cloneElement, readParagraphText, textRun } from "./text-range.js";
import { paragraphsInScope } from "./text-scope.js";

export interface CommentInput {
  /** The comment's text; "\n" starts a new paragraph. */
  text: string;
  author?: string;
  initials?: string;
}

export interface CommentInfo {
  id: string;
  author: string | null;
  initials: string | null;
  date: string | null;
  text: string;
  anchored_text: string | null;
  parent_id: string | null;
  resolved: boolean;
}

const ANCHORABLE = ["paragraph", "run", "hyperlink", "table", "row", "cell", "sdt"];

/** Adds a comment on the element `path` selects, or on the first occurrence of `anchorText` inside it. */
export function addComment(
  doc: WordDocument,
  path: string,
  input: CommentInput & { anchorText?: string },
): { commentId: string; path: string; anchoredText: string } {
  checkText(input.text);
  const { nodes } = resolvePath(doc, path);
  const node = nodes[0];
  if (nodes.length !== 1 || !ANCHORABLE.includes(node.kind)) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} selects ${nodes.length === 1 ? `a ${node.kind}` : `${nodes.length} elements`}; a comment needs exactly one ${ANCHORABLE.join(", ")}.`,
    });
  }
  if (ownerOf(node)?.list !== doc.body)
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} is not in the body; comments can be anchored in the body only.`,
    });
  const w = doc.prefixes.w;
  let anchor: { path: string; start: number; end: number } | null = null;
  if (input.anchorText !== undefined) {
    const scope = node.kind === "run" || node.kind === "hyperlink" ? node.parent!.path : node.path;
    for (const paragraph of paragraphsInScope(doc, scope)) {
      const [start] = findAll(readParagraphText(elementOf(paragraph)!, w).text, input.anchorText, true);
      if (input.anchorText && start !== undefined) {
        anchor = { path: paragraph.path, start, end: start + input.anchorText.length };
        break;
      }
    }
    if (!anchor)
      throw new DocxError({
        kind: "invalid_argument",
        field: "anchor_text",
        message: `"${input.anchorText}" does not occur in ${path} (matching case); anchor to text the element contains, or leave anchor_text out to comment on the whole element.`,
      });
  }
  const part = commentsPart(doc, true)!;
  const id = nextCommentId(part);
  appendComment(doc, part, id, input);
  if (anchor) {
    const target = editTarget(doc, anchor.path, "paragraph");
    placeMarks(doc, w, id, textPlaces(target.element, w, anchor.start, anchor.end));
    target.done();
  } else {
    const target = editTarget(doc, path, node.kind);
    placeMarks(doc, w, id, elementPlaces(target.element, target.owner.list.element(target.owner.index), w));
    target.done();
  }
  return { commentId: id, path: anchor?.path ?? node.path, anchoredText: commentAnchor(doc, id)?.text ?? "" };
}

/**
 * Adds a reply to comment `repliedTo`: a comment anchored where its thread is, linked in commentsExtended to the
 * thread's first comment. Word threads are one level deep, so a reply to a reply joins the same thread (and says so).
 */
export function replyToComment(
  doc: WordDocument,
  repliedTo: string,
  input: CommentInput,
): { commentId: string; parentId: string; repliedTo?: string; note?: string } {
  checkText(input.text);
  existingComment(doc, repliedTo);
  const parentId = threadRoot(doc, repliedTo);
  const part = existingComment(doc, parentId);
  const parent = commentElements(part).get(parentId)!;
  const id = nextCommentId(part);
  appendComment(doc, part, id, input);
  const ext = commentsExtended(doc, true)!;
  const parentPara = lastParagraphId(doc, part, parent);
  commentEx(ext, parentPara);
  const reply = commentEx(ext, lastParagraphId(doc, part, commentElements(part).get(id)!));
  setAttribute(reply, ext.w15 + "paraIdParent", parentPara);
  doc.parts.changed(part.name);
  doc.parts.changed(ext.name);
  // The reply's marks go right after the parent's, so both show at the same place.
  const w = doc.prefixes.w;
  for (const index of bodyBlocksMentioning(doc, [parentId])) {
    const block = doc.touchForEdit(doc.body, index);
    const marks = findMarks(block, w, parentId);
    const after = (m: { parent: XmlElement; node: XmlElement } | undefined, el: XmlElement) =>
      m?.parent.children.splice(m.parent.children.indexOf(m.node) + 1, 0, el);
    after(marks.start, element(w + "commentRangeStart", [{ name: w + "id", value: id }]));
    after(marks.end, element(w + "commentRangeEnd", [{ name: w + "id", value: id }]));
    after(marks.reference, referenceRun(doc, w, id));
    doc.body.refresh(index);
  }
  if (parentId === repliedTo) return { commentId: id, parentId };
  return {
    commentId: id,
    parentId,
    repliedTo,
    note: `Comment ${repliedTo} is itself a reply; Word threads are one level deep, so the reply joins its thread under comment ${parentId}.`,
  };
}

/** The first comment of the thread `commentId` belongs to (itself when it is no reply). */
function threadRoot(doc: WordDocument, commentId: string): string {
  const parents = new Map(listComments(doc).map((c) => [c.id, c.parent_id]));
  const seen = new Set<string>();
  let id = commentId;
  // A file whose threads loop (hand-edited) stops at the first comment seen twice.
  while (parents.get(id) && !seen.has(id)) {
    seen.add(id);
    id = parents.get(id)!;
  }
  return id;
}

/** Marks a comment resolved (w15:done="1") or open again. */
export function resolveComment(doc: WordDocument, commentId: string, resolved: boolean): { commentId: string; resolved: boolean } {
  const part = existingComment(doc, commentId);
  const ext = commentsExtended(doc, true)!;
  const entry = commentEx(ext, lastParagraphId(doc, part, commentElements(part).get(commentId)!));
  setAttribute(entry, ext.w15 + "done", resolved ? "1" : "0");
  doc.parts.changed(part.name);
  doc.parts.changed(ext.name);
  return { commentId, resolved };
}

/** Every comment in document order, with its anchor text, thread parent and resolved state; `author` filters (any case). */
export function listComments(doc: WordDocument, author?: string): CommentInfo[] {
  const part = commentsPart(doc, false);
  if (!part) return [];
  const ext = commentsExtended(doc, false);
  const byPara = new Map<string, { parent: string | null; done: boolean }>();
  for (const e of ext ? childElements(ext.root, ext.w15 + "commentEx") : []) {
    byPara.set((getAttribute(e, ext!.w15 + "paraId") ?? "").toUpperCase(), {
      parent: getAttribute(e, ext!.w15 + "paraIdParent")?.toUpperCase() ?? null,
      done: getAttribute(e, ext!.w15 + "done") === "1",
    });
  }
  const w = part.w;
  const paraOf = (c: XmlElement) => getAttribute(childElements(c, w + "p").at(-1) ?? c, part.w14 + "paraId")?.toUpperCase() ?? "";
  const idByPara = new Map(doc.comments.map((n) => [paraOf(n.element), n.noteId]));
  const wanted = author?.toLowerCase();
  return doc.comments
    .filter((n) => wanted === undefined || (getAttribute(n.element, w + "author") ?? "").toLowerCase() === wanted)
    .map((n) => {
      const info = byPara.get(paraOf(n.element));
      return {
        id: n.noteId,
        author: getAttribute(n.element, w + "author") ?? null,
        initials: getAttribute(n.element, w + "initials") ?? null,
        date: getAttribute(n.element, w + "date") ?? null,
        text: n.blocks.blocks.map((_, i) => n.blocks.text(i)).join("\n"),
        anchored_text: commentAnchor(doc, n.noteId)?.text ?? null,
        parent_id: info?.parent ? (idByPara.get(info.parent) ?? null) : null,
        resolved: info?.done ?? false,
      };
    });
}

/** Deletes comments by id or by author, with their replies, their commentsExtended entries and their marks in the body. */
export function deleteComments(doc: WordDocument, by: { commentId?: string; author?: string }): { deleted: string[] } {
  if (by.commentId === undefined && by.author === undefined)
    throw new DocxError({
      kind: "invalid_argument",
      field: "comment_id",
      message: "Give comment_id or author to say which comments to delete.",
    });
  const all = listComments(doc);
  let targets: string[];
  if (by.commentId !== undefined) {
    existingComment(doc, by.commentId);
    targets = [by.commentId];
  } else {
    targets = listComments(doc, by.author).map((c) => c.id);
    if (!targets.length)
      throw new DocxError({
        kind: "invalid_argument",
        field: "author",
        message: `No comments by "${by.author}"; authors in this document: ${[...new Set(all.map((c) => c.author))].join(", ") || "none"}.`,
      });
  }
  const ids = new Set(targets);
  // Replies go with their thread.
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of all) {
      if (c.parent_id && ids.has(c.parent_id) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  const part = commentsPart(doc, false)!;
  const elements = commentElements(part);
  const ext = commentsExtended(doc, false);
  if (ext) {
    const paraIds = new Set(
      [...ids].map((id) =>
        getAttribute(childElements(elements.get(id)!, part.w + "p").at(-1) ?? elements.get(id)!, part.w14 + "paraId")?.toUpperCase(),
      ),
    );
    ext.root.children = ext.root.children.filter(
      (c) => !(c.type === "element" && c.name === ext.w15 + "commentEx" && paraIds.has(getAttribute(c, ext.w15 + "paraId")?.toUpperCase())),
    );
    doc.parts.changed(ext.name);
  }
  part.root.children = part.root.children.filter(
    (c) => !(c.type === "element" && c.name === part.w + "comment" && ids.has(getAttribute(c, part.w + "id") ?? "")),
  );
  doc.parts.changed(part.name);
  for (const index of bodyBlocksMentioning(doc, [...ids])) {
    if (removeMarks(doc.touchForEdit(doc.body, index), doc.prefixes.w, ids)) doc.body.refresh(index);
  }
  return { deleted: all.map((c) => c.id).filter((id) => ids.has(id)) };
}

function checkText(text: string): void {
  if (!text.trim()) throw new DocxError({ kind: "invalid_argument", field: "text", message: "The comment text must not be empty." });
}

function existingComment(doc: WordDocument, id: string): CommentsPart {
  const part = commentsPart(doc, false);
  if (!part || !commentElements(part).has(id)) {
    const ids = doc.comments.map((c) => c.noteId);
    throw new DocxError({
      kind: "invalid_argument",
      field: "comment_id",
      message: `Comment ${id} not found: the document has ${ids.length ? `comments ${ids.join(", ")}` : "no comments"} (see comment_list).`,
    });
  }
  // Again for editing: declares w14 on the part root if paragraph ids have to be written.
  return commentsPart(doc, true)!;
}

/** Appends a w:comment with one paragraph per line, the first starting with the annotation mark (§17.13.4.1). */
function appendComment(doc: WordDocument, part: CommentsPart, id: string, input: CommentInput): void {
  const w = part.w;
  const author = input.author?.trim() || doc.editor.author;
  const initials =
    input.initials ??
    (input.author?.trim()
      ? author
          .split(/\s+/)
          .map((s) => s[0]?.toUpperCase() ?? "")
          .join("")
          .slice(0, 4)
      : doc.editor.initials);
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const pPr = doc.styles.get("CommentText")
    ? [element(w + "pPr", [], [element(w + "pStyle", [{ name: w + "val", value: "CommentText" }])])]
    : [];
  const markRPr = doc.styles.get("CommentReference")
    ? [element(w + "rPr", [], [element(w + "rStyle", [{ name: w + "val", value: "CommentReference" }])])]
    : [];
  const paragraphs = input.text.split("\n").map((line, i) => {
    const runs = [
      ...(i === 0 ? [element(w + "r", [], [...markRPr, element(w + "annotationRef")])] : []),
      ...(line ? [textRun(w, line)] : []),
    ];
    return element(w + "p", [{ name: part.w14 + "paraId", value: doc.ids.fresh() }], [...pPr.map(cloneElement), ...runs]);
  });
  const attributes = [
    { name: w + "id", value: id },
    { name: w + "author", value: author },
    { name: w + "date", value: date },
    { name: w + "initials", value: initials },
  ];
  part.root.children.push(element(w + "comment", attributes, paragraphs));
  part.root.selfClosing = false;
  doc.parts.changed(part.name);
}

/** Body blocks whose XML mentions a comment mark with one of `ids` (checked on the bytes before parsing). */
function bodyBlocksMentioning(doc: WordDocument, ids: string[]): number[] {
  const w = doc.prefixes.w;
  const needles = ids.map((id) => `${w}id="${id}"`);
  const out: number[] = [];
  for (let i = 0; i < doc.body.length; i++) {
    const b = doc.body.blocks[i];
    const bytes = doc.body.sourceBytes(i);
    const xml = bytes ? new TextDecoder().decode(bytes) : null;
    if (xml !== null && !(xml.includes("comment") && needles.some((n) => xml.includes(n)))) continue;
    const el = b.tree ?? doc.body.element(i);
    if (ids.some((id) => Object.keys(findMarks(el, w, id)).length > 0)) out.push(i);
  }
  return out;
}
