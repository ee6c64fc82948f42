/** Stories held as whole trees: headers and footers (§17.10), footnotes and endnotes (§17.11), comments (§17.13.4). */

import type { XmlPart } from "../package/index.js";
import { childElements, getAttribute, type XmlElement } from "../xml/index.js";
import { factsFromElement } from "./block-facts.js";
import { BlockList } from "./block-list.js";
import { type Prefixes, prefixesFrom } from "./namespaces.js";

/** The blocks of a tree-held story; ids are given later by assignIds. */
export function storyBlocks(part: string, story: string, parent: XmlElement, prefixes: Prefixes): BlockList {
  const elements = childElements(parent).filter((el) => !el.name.endsWith(":pPr") && !el.name.endsWith(":rPr"));
  return new BlockList(
    part,
    story,
    prefixes,
    elements.map((el) => ({ facts: factsFromElement(el, prefixes), id: "", tree: el })),
    null,
    parent,
  );
}

/** One footnote, endnote or comment: its w:id, attributes and content blocks. */
export interface Note {
  /** The w:id the document's references use. */
  noteId: string;
  element: XmlElement;
  blocks: BlockList;
}

/** Real notes only: the separator and continuation notes Word keeps at ids -1/0 are skipped. */
export function readNotes(partName: string, part: XmlPart, noteName: "footnote" | "endnote" | "comment"): Note[] {
  const prefixes = prefixesFrom(part.doc.root.attributes);
  const w = prefixes.w;
  return childElements(part.doc.root, w + noteName)
    .filter((el) => {
      const type = getAttribute(el, w + "type");
      return !type || type === "normal";
    })
    .map((el) => {
      const noteId = getAttribute(el, w + "id") ?? "";
      return { noteId, element: el, blocks: storyBlocks(partName, `${noteName}:${noteId}`, el, prefixes) };
    });
}
