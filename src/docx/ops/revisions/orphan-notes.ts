/**
 * Footnotes and endnotes (§17.11.10 footnote, §17.11.2 endnote) whose reference went with resolved content: Word
 * removes such a note with its reference, so a deleted footnote does not linger unseen in footnotes.xml.
 */
import { NS, type WordDocument } from "../../model/index.js";
import { relationshipsPartName } from "../../package/index.js";
import { getAttribute, serializeNode, type XmlElement, type XmlNode } from "../../xml/index.js";

/** Records the notes referenced from content that is being dropped, as "footnote:3" / "endnote:1". */
export function collectNoteReferences(nodes: XmlNode[], w: string, into: Set<string>): void {
  for (const n of nodes) {
    if (n.type !== "element") continue;
    for (const kind of ["footnote", "endnote"] as const) {
      if (n.name === w + kind + "Reference") into.add(`${kind}:${getAttribute(n, w + "id") ?? ""}`);
    }
    collectNoteReferences(n.children, w, into);
  }
}

/** Removes the dropped-reference notes that nothing refers to any more; returns how many went. */
export function removeOrphanNotes(doc: WordDocument, dropped: Set<string>): number {
  if (!dropped.size) return 0;
  const remaining = referencedNotes(doc);
  let removed = 0;
  for (const kind of ["footnote", "endnote"] as const) {
    const gone = new Set(
      [...dropped].filter((key) => key.startsWith(kind + ":") && !remaining.has(key)).map((key) => key.slice(kind.length + 1)),
    );
    const part = gone.size ? doc.relatedPartName(kind + "s") : null;
    if (!part) continue;
    const root = doc.parts.xml(part).doc.root;
    const w = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
    const before = root.children.length;
    const notes = root.children.filter((c) => c.type === "element" && c.name === w + kind && gone.has(getAttribute(c, w + "id") ?? ""));
    root.children = root.children.filter((c) => !notes.includes(c));
    if (root.children.length === before) continue;
    removed += before - root.children.length;
    doc.parts.changed(part);
    dropUnusedRelationships(doc, part, root, notes);
  }
  return removed;
}

/**
 * Relationships (links, images) that only the removed notes used go from the notes part's .rels, so the package
 * keeps no dangling links to them; the media parts themselves may be shared and are left.
 */
function dropUnusedRelationships(doc: WordDocument, part: string, root: XmlElement, removed: XmlNode[]): void {
  const decl = root.attributes.find((a) => a.name.startsWith("xmlns:") && (a.value === NS.r || a.value === NS.rStrict));
  if (!decl) return;
  const r = `${decl.name.slice("xmlns:".length)}:`;
  const ids = new Set<string>();
  const collect = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      if (n.type !== "element") continue;
      for (const a of n.attributes) if (a.name.startsWith(r)) ids.add(a.value);
      collect(n.children);
    }
  };
  collect(removed);
  if (!ids.size) return;
  const kept = serializeNode(root);
  const unused = [...ids].filter((id) => !kept.includes(`="${id}"`));
  const relsName = relationshipsPartName(part);
  if (!unused.length || !doc.parts.has(relsName)) return;
  const rels = doc.parts.xml(relsName).doc.root;
  const before = rels.children.length;
  rels.children = rels.children.filter((c) => !(c.type === "element" && unused.includes(getAttribute(c, "Id") ?? "")));
  if (rels.children.length !== before) doc.parts.changed(relsName);
}

/** Every note reference left in the body, headers, footers and notes (a note may refer to another in rare files). */
function referencedNotes(doc: WordDocument): Set<string> {
  const out = new Set<string>();
  const pattern = /<([\w.-]+:)?(footnote|endnote)Reference\b[^>]*?\bid="([^"]*)"/g;
  for (const text of storyMarkup(doc, "Reference")) for (const m of text.matchAll(pattern)) out.add(`${m[2]}:${m[3]}`);
  return out;
}

/** The markup of every story block (body, headers, footers, notes, comments) that contains `needle`, kept trees serialized. */
export function* storyMarkup(doc: WordDocument, needle: string): Generator<string> {
  const utf8 = new TextDecoder();
  for (const list of doc.storyLists()) {
    for (let i = 0; i < list.length; i++) {
      const b = list.blocks[i];
      const bytes = b.tree ? null : list.sourceBytes(i);
      const text = b.tree ? serializeNode(b.tree) : bytes ? utf8.decode(bytes) : "";
      if (text.includes(needle)) yield text;
    }
  }
}
