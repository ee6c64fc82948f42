/**
 * Notes match their anchors (§17.11): every w:footnoteReference / w:endnoteReference names a note that exists and
 * every note (separators aside) is referenced. Comment references belong to comment-ranges.ts.
 */
import { getAttribute, type XmlElement } from "../xml/index.js";
import { descendants, type WordPart, wordParts } from "./structure-part-trees.js";

export function checkNoteReferences(parts: ReadonlyMap<string, string>): string[] {
  const all = wordParts(parts);
  const out: string[] = [];
  for (const kind of ["footnote", "endnote"] as const) {
    const notes = defined(all, kind);
    const referenced = references(all, `${kind}Reference`);
    for (const [id, where] of referenced) if (!notes.has(id)) out.push(`${where} refers to ${kind} ${id}, which does not exist`);
    for (const [id, where] of notes) if (!referenced.has(id)) out.push(`${where}: ${kind} ${id} is not referenced from any text`);
  }
  return out;
}

/** Notes by id (separator and continuation notes are not content and left out). */
function defined(all: WordPart[], kind: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, root, w } of all) {
    if (root.name !== `${w}${kind}s`) continue;
    for (const note of root.children) {
      if (note.type !== "element" || note.name !== w + kind) continue;
      const type = getAttribute(note, w + "type");
      if (type && type !== "normal") continue;
      out.set(getAttribute(note, w + "id") ?? "", name);
    }
  }
  return out;
}

function references(all: WordPart[], local: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, root, w } of all)
    for (const ref of descendants(root, [w + local])) out.set(getAttribute(ref as XmlElement, w + "id") ?? "", name);
  return out;
}
