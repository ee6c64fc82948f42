/** Replaces a paragraph's whole text (§17.3.1.22 w:p), keeping what anchors or formats it. */
import type { WordDocument } from "../model/index.js";
import type { XmlElement, XmlNode } from "../xml/index.js";
import { editTarget } from "./edit-target.js";
import { sameTextTwin } from "./text-boxes.js";
import { textRun } from "./text-range.js";

/** Markers that stay in a paragraph whose text is replaced, so ranges that start or end here stay balanced. */
const KEPT_MARKERS = ["bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart", "permEnd"];

/**
 * Tabs and newlines in `text` become w:tab and w:br. The paragraph keeps its properties, the first run's formatting and
 * its range markers; its id is stored in it first, so it stays the same. A text-box paragraph's VML twin follows it.
 */
export function replaceParagraphText(doc: WordDocument, path: string, text: string): { id: string; path: string } {
  const target = editTarget(doc, path, "paragraph");
  const w = doc.prefixes.w;
  const twin = sameTextTwin(target.node, target.element, target.owner.list.element(target.owner.index), w);
  for (const p of twin ? [target.element, twin] : [target.element]) {
    const rPr = findFirst(p, w + "r")?.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "rPr");
    const kept: XmlNode[] = [];
    const pPr = p.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "pPr");
    if (pPr) kept.push(pPr);
    for (const c of p.children) if (c.type === "element" && KEPT_MARKERS.some((m) => c.name === w + m)) kept.push(c);
    p.children = [...kept, textRun(w, text, rPr)];
    p.selfClosing = false;
  }
  target.done();
  return { id: target.node.id ?? "", path: target.node.path };
}

/** The first `name` element in document order, not looking inside paragraph properties. */
function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.type !== "element") continue;
    if (c.name === name) return c;
    if (c.name.endsWith(":pPr")) continue;
    const inner = findFirst(c, name);
    if (inner) return inner;
  }
  return undefined;
}
