/**
 * Moved content as tracked changes (§17.13.5.21-25): at the source the runs go inside w:moveFrom between
 * w:moveFromRangeStart/End, at the destination inside w:moveTo between w:moveToRangeStart/End; both ranges share one
 * w:name, which is what ties the two halves into one move. Accepting removes the source and keeps the destination,
 * rejecting does the opposite. Moved text keeps w:t (it is not deleted text). The paragraph marks carry
 * w:moveFrom/w:moveTo in their w:rPr (§17.13.5.23, 17.13.5.26).
 * Rows and tables have no move markup (CT_TrPr allows only w:ins/w:del), so they are written as deleted and inserted.
 */
import { element, type XmlElement } from "../../xml/index.js";
import type { RevisionContext } from "../tracking.js";
import { markParagraph, markRevision } from "./tracked-elements.js";

export type MoveSide = "moveFrom" | "moveTo";

/** A w:name for a new move: unique because it embeds a fresh annotation id. */
export function moveName(rev: RevisionContext): string {
  return `move${rev.nextId()}`;
}

/** Marks `el` (the source or the destination copy) as one side of the move named `name`. */
export function markMoved(el: XmlElement, w: string, rev: RevisionContext, side: MoveSide, name: string): void {
  if (el.name !== w + "p") {
    markRevision(el, w, rev, side === "moveFrom" ? "del" : "ins");
    return;
  }
  markParagraph(el, w, rev, side);
  const rangeId = rev.nextId();
  const start = element(w + side + "RangeStart", [
    { name: w + "id", value: rangeId },
    { name: w + "author", value: rev.author },
    { name: w + "date", value: rev.date },
    { name: w + "name", value: name },
  ]);
  const end = element(w + side + "RangeEnd", [{ name: w + "id", value: rangeId }]);
  // The range opens after the paragraph properties and closes after the last run.
  const afterPPr = el.children.findIndex((c) => c.type === "element" && c.name === w + "pPr") + 1;
  el.children.splice(afterPPr, 0, start);
  el.children.push(end);
  el.selfClosing = false;
}
