/**
 * The parts comments live in: word/comments.xml (§17.13.4.2 w:comments, one w:comment per comment) and Word 2012's
 * word/commentsExtended.xml (MS-DOCX 2.5.3, w15:commentEx: reply parent and "done" state, keyed by the w14:paraId of
 * a comment's last paragraph). Both are created with their relationship and content type when missing.
 */
import { NS, type WordDocument } from "../model/index.js";
import { childElements, element, getAttribute, setAttribute, type XmlElement } from "../xml/index.js";
import { besideMainPart } from "./related-part.js";

const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml";
const EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface CommentsPart {
  name: string;
  root: XmlElement;
  /** Prefixes as this part binds them (w:, w14: with colon). */
  w: string;
  w14: string;
}

/** The comments part, created empty when the document has none. */
export function commentsPart(doc: WordDocument, create: boolean): CommentsPart | null {
  let name = doc.relatedPartName("comments");
  if (!name) {
    if (!create) return null;
    name = besideMainPart(doc, "comments.xml");
    doc.parts.write(name, `${DECL}<w:comments xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:mc="${NS.mc}" mc:Ignorable="w14"/>`);
    doc.ensureContentType(name, COMMENTS_TYPE);
    doc.addRelationship(doc.mainPart, "comments", name.slice(name.lastIndexOf("/") + 1));
  }
  const root = doc.parts.xml(name).doc.root;
  return { name, root, w: prefixFor(root, [NS.w, NS.wStrict], "w", create), w14: prefixFor(root, [NS.w14], "w14", create) };
}

/** The commentsExtended root, created when missing; `w15` is its prefix with colon. */
export function commentsExtended(doc: WordDocument, create: boolean): { name: string; root: XmlElement; w15: string } | null {
  const rel = doc.pkg.relationships(doc.mainPart).find((r) => r.type === EXTENDED_REL && r.partName && doc.parts.has(r.partName));
  let name = rel?.partName ?? null;
  if (!name) {
    if (!create) return null;
    name = besideMainPart(doc, "commentsExtended.xml");
    doc.parts.write(name, `${DECL}<w15:commentsEx xmlns:w15="${W15}" xmlns:mc="${NS.mc}" mc:Ignorable="w15"/>`);
    doc.ensureContentType(name, EXTENDED_TYPE);
    doc.addRelationship(doc.mainPart, EXTENDED_REL, name.slice(name.lastIndexOf("/") + 1));
  }
  const root = doc.parts.xml(name).doc.root;
  return { name, root, w15: prefixFor(root, [W15], "w15", create) };
}

/** A comment's w:comment elements of every type, by w:id. */
export function commentElements(part: CommentsPart): Map<string, XmlElement> {
  return new Map(childElements(part.root, part.w + "comment").map((c) => [getAttribute(c, part.w + "id") ?? "", c]));
}

/** The next free comment id: one above the largest in the part. */
export function nextCommentId(part: CommentsPart): string {
  let max = -1;
  for (const id of commentElements(part).keys()) if (/^\d+$/.test(id)) max = Math.max(max, Number(id));
  return String(max + 1);
}

/** The w14:paraId of a comment's last paragraph, stored first when missing (commentsEx entries point at it). */
export function lastParagraphId(doc: WordDocument, part: CommentsPart, comment: XmlElement): string {
  const paragraphs = childElements(comment, part.w + "p");
  let last = paragraphs[paragraphs.length - 1];
  if (!last) {
    last = element(part.w + "p");
    comment.children.push(last);
    comment.selfClosing = false;
  }
  const existing = getAttribute(last, part.w14 + "paraId");
  if (existing) return existing;
  const id = doc.ids.fresh();
  setAttribute(last, part.w14 + "paraId", id);
  return id;
}

/** The commentEx entry for a paragraph id, created when missing. */
export function commentEx(ext: { root: XmlElement; w15: string }, paraId: string): XmlElement {
  const found = childElements(ext.root, ext.w15 + "commentEx").find(
    (e) => getAttribute(e, ext.w15 + "paraId")?.toUpperCase() === paraId.toUpperCase(),
  );
  if (found) return found;
  const entry = element(ext.w15 + "commentEx", [
    { name: ext.w15 + "paraId", value: paraId },
    { name: ext.w15 + "done", value: "0" },
  ]);
  ext.root.children.push(entry);
  ext.root.selfClosing = false;
  return entry;
}

/** The prefix (with colon) a root binds to one of `uris`; when it binds none, `fallback`, declared on the root for edits. */
function prefixFor(root: XmlElement, uris: string[], fallback: string, declare: boolean): string {
  const decl = root.attributes.find((a) => a.name.startsWith("xmlns:") && uris.includes(a.value));
  if (decl) return decl.name.slice(6) + ":";
  if (declare) setAttribute(root, "xmlns:" + fallback, uris[0]);
  return fallback + ":";
}
