/**
 * Tracked changes as edits write them (§17.13.5): whether the document records revisions (w:trackRevisions in
 * settings, §17.15.1.90), and the author, date and unique id every w:ins/w:del/w:*PrChange carries.
 */
import type { WordDocument } from "../model/index.js";
import { element, firstChild, getAttribute, serializeNode, type XmlAttribute, type XmlElement } from "../xml/index.js";

export interface RevisionContext {
  author: string;
  /** ISO 8601 without fractional seconds, as Word writes w:date. */
  date: string;
  /** A w:id no other annotation in the document uses. */
  nextId(): string;
  /** The w:id, w:author and w:date attributes of a new revision element (prefixed for this document). */
  attributes(): XmlAttribute[];
}

const utf8 = new TextDecoder();

/** Next free annotation id per opened document; found by one scan the first time a revision is written. */
const nextIds = new WeakMap<WordDocument, number>();

/** Whether the document tracks changes (w:trackRevisions on in settings.xml). */
export function isTracking(doc: WordDocument): boolean {
  const settings = doc.relatedPartName("settings");
  if (!settings) return false;
  // The settings part's own prefix: a part we added says w: even where the main part says ns0:.
  const root = doc.parts.xml(settings).doc.root;
  const w = root.name.slice(0, root.name.indexOf(":") + 1);
  const flag = firstChild(root, w + "trackRevisions");
  if (!flag) return false;
  const val = getAttribute(flag, w + "val");
  return val === undefined || !["false", "0", "off"].includes(val);
}

/** The revision context when the document tracks changes, else null (edits are then written directly). */
export function trackingOf(doc: WordDocument, now: Date = new Date()): RevisionContext | null {
  if (!isTracking(doc)) return null;
  return revisionContext(doc, now);
}

/** A revision context regardless of the setting (e.g. to write a tracked edit on request). */
export function revisionContext(doc: WordDocument, now: Date = new Date()): RevisionContext {
  const w = doc.prefixes.w;
  const date = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const nextId = () => {
    const id = nextIds.get(doc) ?? highestId(doc) + 1;
    nextIds.set(doc, id + 1);
    return String(id);
  };
  return {
    author: doc.editor.author,
    date,
    nextId,
    attributes: () => [
      { name: w + "id", value: nextId() },
      { name: w + "author", value: doc.editor.author },
      { name: w + "date", value: date },
    ],
  };
}

/** Wraps nodes in a revision element such as w:ins or w:del with fresh attributes. */
export function revisionElement(
  doc: WordDocument,
  ctx: RevisionContext,
  local: "ins" | "del" | "moveFrom" | "moveTo",
  children: XmlElement[],
): XmlElement {
  return element(doc.prefixes.w + local, ctx.attributes(), children);
}

/** The largest numeric w:id in the body, the stories and the style and numbering definitions; ids above it are free. */
function highestId(doc: WordDocument): number {
  const w = doc.prefixes.w;
  const pattern = new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}id="(\\d+)"`, "g");
  let max = 0;
  const scan = (text: string) => {
    for (const m of text.matchAll(pattern)) max = Math.max(max, Number(m[1]));
  };
  for (const list of doc.storyLists()) {
    for (let i = 0; i < list.length; i++) {
      const b = list.blocks[i];
      if (b.tree) scan(serializeNode(b.tree));
      else {
        const bytes = list.sourceBytes(i);
        if (bytes) scan(utf8.decode(bytes));
      }
    }
  }
  // Style definitions carry w:rPrChange / w:pPrChange revisions and numbering definitions w:ins / w:del (§17.13.5).
  for (const kind of ["styles", "numbering"]) {
    const part = doc.relatedPartName(kind);
    if (part && doc.parts.has(part)) scan(serializeNode(doc.parts.xml(part).doc.root));
  }
  return max;
}
