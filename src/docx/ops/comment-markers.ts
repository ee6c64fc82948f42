/**
 * A comment's marks in the body (§17.13.4): w:commentRangeStart and w:commentRangeEnd around the commented content,
 * and a run holding w:commentReference right after the end, where Word and LibreOffice show the comment.
 */
import type { WordDocument } from "../model/index.js";
import { element, getAttribute, parentOf, type XmlElement } from "../xml/index.js";
import { isolateRange } from "./text-range.js";

/** Where the start mark goes (before `parent.children[index]`) and after which child the end mark and reference go. */
export interface MarkPlaces {
  start: { parent: XmlElement; index: number };
  /** The end mark and reference run are inserted at `parent.children[index]`. */
  end: { parent: XmlElement; index: number };
}

/** Places around characters [start, end) of a paragraph, splitting runs at exactly those characters. */
export function textPlaces(p: XmlElement, w: string, start: number, end: number): MarkPlaces {
  const runs = isolateRange(p, w, start, end);
  const first = runs[0];
  const last = runs[runs.length - 1];
  return {
    start: { parent: first.parent, index: first.parent.children.indexOf(first.run) },
    end: { parent: last.parent, index: last.parent.children.indexOf(last.run) + 1 },
  };
}

/**
 * Places around a whole element: a paragraph's content (after its properties), an inline element (run, hyperlink)
 * inside `block`, or a table, row, cell or content control from its first paragraph to its last.
 */
export function elementPlaces(target: XmlElement, block: XmlElement, w: string): MarkPlaces {
  if (target.name === w + "p")
    return { start: { parent: target, index: contentStart(target, w) }, end: { parent: target, index: target.children.length } };
  const paragraphs = ["tbl", "tr", "tc", "sdt"].some((n) => target.name === w + n) ? paragraphsBelow(target, w) : [];
  if (paragraphs.length) {
    const last = paragraphs[paragraphs.length - 1];
    return { start: { parent: paragraphs[0], index: contentStart(paragraphs[0], w) }, end: { parent: last, index: last.children.length } };
  }
  const parent = parentOf(block, target) ?? block;
  const at = parent.children.indexOf(target);
  return { start: { parent, index: at }, end: { parent, index: at + 1 } };
}

/** Writes the marks for comment `id`; the end goes in first so the start's index stays valid when both share a parent. */
export function placeMarks(doc: WordDocument, w: string, id: string, places: MarkPlaces): void {
  const idAttr = () => [{ name: w + "id", value: id }];
  places.end.parent.children.splice(places.end.index, 0, element(w + "commentRangeEnd", idAttr()), referenceRun(doc, w, id));
  places.start.parent.children.splice(places.start.index, 0, element(w + "commentRangeStart", idAttr()));
  places.start.parent.selfClosing = places.end.parent.selfClosing = false;
}

/** The run that shows a comment: w:commentReference, in the CommentReference character style when the document has it. */
export function referenceRun(doc: WordDocument, w: string, id: string): XmlElement {
  const rPr = doc.styles.get("CommentReference")
    ? [element(w + "rPr", [], [element(w + "rStyle", [{ name: w + "val", value: "CommentReference" }])])]
    : [];
  return element(w + "r", [], [...rPr, element(w + "commentReference", [{ name: w + "id", value: id }])]);
}

/** Removes the marks and reference runs of the given comments below `root`; returns whether anything was removed. */
export function removeMarks(root: XmlElement, w: string, ids: Set<string>): boolean {
  let removed = false;
  const marked = (c: XmlElement, name: string) => c.name === w + name && ids.has(getAttribute(c, w + "id") ?? "");
  const walk = (el: XmlElement) => {
    el.children = el.children.filter((c) => {
      if (c.type !== "element") return true;
      if (marked(c, "commentRangeStart") || marked(c, "commentRangeEnd")) {
        removed = true;
        return false;
      }
      if (c.name === w + "r" && c.children.some((x) => x.type === "element" && marked(x, "commentReference"))) {
        removed = true;
        c.children = c.children.filter((x) => !(x.type === "element" && marked(x, "commentReference")));
        return c.children.some((x) => x.type === "element" && x.name !== w + "rPr");
      }
      walk(c);
      return true;
    });
  };
  walk(root);
  return removed;
}

/** Marks of comment `id` below `root`: its range start and end and its reference run, with their parents. */
export function findMarks(
  root: XmlElement,
  w: string,
  id: string,
): Partial<Record<"start" | "end" | "reference", { parent: XmlElement; node: XmlElement }>> {
  const out: ReturnType<typeof findMarks> = {};
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.type !== "element") continue;
      if (getAttribute(c, w + "id") === id) {
        if (c.name === w + "commentRangeStart") out.start = { parent: el, node: c };
        else if (c.name === w + "commentRangeEnd") out.end = { parent: el, node: c };
      }
      if (
        c.name === w + "r" &&
        c.children.some((x) => x.type === "element" && x.name === w + "commentReference" && getAttribute(x, w + "id") === id)
      )
        out.reference = { parent: el, node: c };
      else walk(c);
    }
  };
  walk(root);
  return out;
}

function contentStart(p: XmlElement, w: string): number {
  const pPr = p.children.findIndex((c) => c.type === "element" && c.name === w + "pPr");
  return pPr + 1;
}

function paragraphsBelow(el: XmlElement, w: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.type !== "element") continue;
    if (c.name === w + "p") out.push(c);
    else if (c.name !== w + "r") paragraphsBelow(c, w, out);
  }
  return out;
}
