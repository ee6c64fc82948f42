/**
 * A section's properties element (w:sectPr, §17.6.17) opened for editing: the paragraph or body-level block holding it
 * is kept as a tree, new children go in schema order (xml/child-order.ts), and with tracking on the old properties are kept once in
 * w:sectPrChange (§17.13.5.32) so the change can be reviewed.
 */
import { DocxError } from "../../errors.js";
import type { Section, WordDocument } from "../../model/index.js";
import { childElements, element, firstChild, insertInOrder, type XmlElement } from "../../xml/index.js";
import { trackingOf } from "../tracking.js";

export function sectionAt(doc: WordDocument, index: number, field = "section_index"): Section {
  const sections = doc.sections();
  if (!Number.isInteger(index) || index < 0 || index >= sections.length) {
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `Section ${index} does not exist: the document has ${sections.length} section${sections.length === 1 ? "" : "s"} (0-${sections.length - 1}).`,
    });
  }
  return sections[index];
}

export interface EditableSection {
  sectPr: XmlElement;
  /** Call after editing: refreshes the holding block's facts. */
  done(): void;
}

/** Keeps the block that holds section `index`'s w:sectPr as a tree and returns that element for editing. */
export function editSection(doc: WordDocument, index: number): EditableSection {
  const section = sectionAt(doc, index);
  const w = doc.prefixes.w;
  if (!section.properties) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "section_index",
      message: `Section ${index} has no section properties (w:sectPr) to edit; open and save the document in Word once to add them.`,
    });
  }
  // A body-level w:sectPr has no text its derived id depends on, so it keeps its id without storing one in it.
  const bodyLevel = doc.body.blocks[section.lastBlock].facts.kind === "sectPr";
  const block = bodyLevel ? doc.body.touch(section.lastBlock) : doc.touchForEdit(doc.body, section.lastBlock);
  const sectPr = block.name === w + "sectPr" ? block : firstChild(firstChild(block, w + "pPr")!, w + "sectPr")!;
  const tracking = trackingOf(doc);
  if (tracking && !firstChild(sectPr, w + "sectPrChange")) {
    // The properties before this edit, without references to header/footer parts (the schema leaves those out).
    const old = childElements(sectPr)
      .filter((c) => !/(header|footer)Reference$/.test(c.name))
      .map((c) => structuredClone(c));
    sectPr.children.push(element(w + "sectPrChange", tracking.attributes(), [element(w + "sectPr", [], old)]));
    sectPr.selfClosing = false;
  }
  return { sectPr, done: () => doc.body.refresh(section.lastBlock) };
}

/** The child `local` of a w:sectPr, created in schema order when missing. */
export function sectionChild(sectPr: XmlElement, w: string, local: string): XmlElement {
  const existing = firstChild(sectPr, w + local);
  if (existing) return existing;
  const created = element(w + local);
  insertInOrder(sectPr, created, w);
  return created;
}
