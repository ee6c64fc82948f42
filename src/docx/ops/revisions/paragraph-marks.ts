/**
 * Paragraphs whose mark goes away (§17.13.5.15 deleted paragraph mark accepted, §17.13.5.16 inserted one rejected):
 * their content joins the next paragraph, as in Word. The joined paragraph keeps the first paragraph's properties
 * (as Word and the Open XML PowerTools goldens do) and the next one's section break, if it had one.
 */
import { firstChild, type XmlElement, type XmlNode } from "../../xml/index.js";
import { RANGE_MARKERS } from "./revision-markup.js";

/** Moves `next`'s content to the end of `p`; the caller removes `next`. */
export function joinParagraphs(p: XmlElement, next: XmlElement, w: string): void {
  const nextPPr = firstChild(next, w + "pPr");
  const nextSectPr = nextPPr && firstChild(nextPPr, w + "sectPr");
  let pPr = firstChild(p, w + "pPr");
  // The first paragraph's own section break went with its mark.
  if (pPr) pPr.children = pPr.children.filter((c) => !(c.type === "element" && c.name === w + "sectPr"));
  if (nextSectPr) {
    if (!pPr) {
      pPr = { type: "element", name: w + "pPr", attributes: [], children: [], selfClosing: false };
      p.children.unshift(pPr);
    }
    // w:sectPr comes after w:rPr and before w:pPrChange in CT_PPr (§17.3.1.26).
    const change = pPr.children.findIndex((c) => c.type === "element" && c.name === w + "pPrChange");
    pPr.children.splice(change < 0 ? pPr.children.length : change, 0, nextSectPr);
    pPr.selfClosing = false;
  }
  p.children.push(...next.children.filter((c) => !(c.type === "element" && c.name === w + "pPr")));
  p.selfClosing = p.children.length === 0;
}

/** Whether a paragraph has nothing but properties and range markers (nothing a reader would see or a field needs). */
export function isEmptyParagraph(p: XmlElement, w: string): boolean {
  return p.children.every((c) => c.type !== "element" || c.name === w + "pPr" || MARKERS.has(c.name.slice(w.length)));
}
const MARKERS = new Set([
  "bookmarkStart",
  "bookmarkEnd",
  "commentRangeStart",
  "commentRangeEnd",
  "permStart",
  "permEnd",
  "proofErr",
  ...RANGE_MARKERS,
]);

/** Paragraphs whose mark goes: those that join the next paragraph, and those with no paragraph right after them. */
export interface MarkJoins {
  joining: Set<XmlElement>;
  /**
   * The next sibling was not a paragraph before resolving (a table, a content control, the end of a cell): the mark
   * cannot join across it, as in the goldens, even when resolving removes that table. Such a paragraph stays, or goes
   * when it is empty and not its container's only paragraph.
   */
  stranded: Set<XmlElement>;
}

/** Whether the sibling after `nodes[index]`, range markers aside, is a paragraph. */
export function paragraphFollows(nodes: XmlNode[], index: number, w: string): boolean {
  const j = nextContentElement(nodes, index, w);
  return j >= 0 && (nodes[j] as XmlElement).name === w + "p";
}

/** Resolves paragraph joins among one container's children (a cell, a content control, a text box). */
export function joinMarkedParagraphs(children: XmlNode[], marks: MarkJoins, w: string): XmlNode[] {
  const out = children.slice();
  for (let i = 0; i < out.length; i++) {
    const p = out[i];
    if (p.type !== "element") continue;
    if (marks.stranded.delete(p)) {
      if (isEmptyParagraph(p, w) && out.some((c, k) => k !== i && c.type === "element" && c.name === w + "p")) out.splice(i--, 1);
      continue;
    }
    if (!marks.joining.delete(p)) continue;
    const j = nextContentElement(out, i, w);
    const next = j < 0 ? null : (out[j] as XmlElement);
    if (!next || next.name !== w + "p") continue;
    // Bookmarks and comment ranges between the two paragraphs move inside the joined one.
    p.children.push(...out.slice(i + 1, j).filter((c) => c.type === "element"));
    joinParagraphs(p, next, w);
    out.splice(i + 1, j - i);
    if (marks.joining.delete(next)) marks.joining.add(p);
    else if (marks.stranded.delete(next)) marks.stranded.add(p);
    i--;
  }
  return out;
}

/** The next sibling element that is not a range marker, or -1. */
function nextContentElement(nodes: XmlNode[], i: number, w: string): number {
  for (let j = i + 1; j < nodes.length; j++) {
    const c = nodes[j];
    if (c.type === "element" && !MARKERS.has(c.name.slice(w.length))) return j;
  }
  return -1;
}
