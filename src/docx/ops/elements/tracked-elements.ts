/**
 * Whole elements written as tracked changes (§17.13.5): every run of an inserted or deleted paragraph is wrapped in
 * w:ins / w:del (deleted text becomes w:delText, §17.13.5.14), the paragraph mark carries w:ins / w:del in its w:rPr
 * (§17.13.5.15, 17.13.5.16) and table rows carry them in w:trPr (§17.13.5.19, 17.13.5.12).
 */

import { element, type XmlElement, type XmlNode } from "../../xml/index.js";
import type { RevisionContext } from "../tracking.js";

type Mark = "ins" | "del";
/** Paragraph-level marks: inserted, deleted, or one side of a move (tracked-move.ts). */
type ParagraphMark = Mark | "moveFrom" | "moveTo";

/** Marks `el` (a paragraph, table, row, cell or SDT) and everything in it as inserted or deleted. */
export function markRevision(el: XmlElement, w: string, rev: RevisionContext, mark: Mark): void {
  if (el.name === w + "p") {
    markParagraph(el, w, rev, mark);
    return;
  }
  if (el.name === w + "tr") markRow(el, w, rev, mark);
  const skip = [w + "tblPr", w + "tblGrid", w + "trPr", w + "tcPr", w + "sdtPr"];
  for (const c of el.children) if (c.type === "element" && !skip.includes(c.name)) markRevision(c, w, rev, mark);
}

function revision(w: string, rev: RevisionContext, mark: ParagraphMark, children: XmlNode[] = []): XmlElement {
  return element(w + mark, rev.attributes(), children);
}

/** Wraps the paragraph's runs in `mark` and marks its paragraph mark the same way. */
export function markParagraph(p: XmlElement, w: string, rev: RevisionContext, mark: ParagraphMark): void {
  wrapRuns(p, w, rev, mark);
  let pPr = p.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "pPr");
  if (!pPr) {
    pPr = element(w + "pPr");
    p.children.unshift(pPr);
  }
  let rPr = pPr.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "rPr");
  if (!rPr) {
    rPr = element(w + "rPr");
    // The mark's w:rPr precedes w:sectPr and w:pPrChange in CT_PPr.
    const at = pPr.children.findIndex((c) => c.type === "element" && (c.name === w + "sectPr" || c.name === w + "pPrChange"));
    pPr.children.splice(at < 0 ? pPr.children.length : at, 0, rPr);
    pPr.selfClosing = false;
  }
  // CT_ParaRPr starts with w:ins, w:del, w:moveFrom, w:moveTo in that order.
  const order = ["ins", "del", "moveFrom", "moveTo"].map((n) => w + n);
  const before = rPr.children.filter(
    (c) => c.type === "element" && order.indexOf(c.name) >= 0 && order.indexOf(c.name) < order.indexOf(w + mark),
  ).length;
  rPr.children.splice(before, 0, revision(w, rev, mark));
  rPr.selfClosing = false;
  p.selfClosing = false;
}

/** Wraps each stretch of runs in one w:ins/w:del; hyperlinks and simple fields get theirs inside. */
function wrapRuns(container: XmlElement, w: string, rev: RevisionContext, mark: ParagraphMark): void {
  const out: XmlNode[] = [];
  let group: XmlElement[] = [];
  const flush = () => {
    if (group.length) out.push(revision(w, rev, mark, group));
    group = [];
  };
  for (const c of container.children) {
    if (c.type === "element" && c.name === w + "r") {
      if (mark === "del") toDeletedText(c, w);
      group.push(c);
      continue;
    }
    flush();
    if (
      c.type === "element" &&
      (c.name === w + "hyperlink" || c.name === w + "fldSimple" || c.name === w + "smartTag" || c.name === w + "customXml")
    )
      wrapRuns(c, w, rev, mark);
    // Deleting or moving away text that is a pending insertion nests the deletion inside it (w:ins/w:del/w:r), as Word
    // does, so accepting both removes it and rejecting the insertion still removes it.
    else if ((mark === "del" || mark === "moveFrom") && c.type === "element" && c.name === w + "ins") wrapRuns(c, w, rev, mark);
    out.push(c);
  }
  flush();
  container.children = out;
}

function toDeletedText(run: XmlElement, w: string): void {
  for (const c of run.children) {
    if (c.type !== "element") continue;
    if (c.name === w + "t") c.name = w + "delText";
    else if (c.name === w + "instrText") c.name = w + "delInstrText";
  }
}

function markRow(tr: XmlElement, w: string, rev: RevisionContext, mark: Mark): void {
  let trPr = tr.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "trPr");
  if (!trPr) {
    trPr = element(w + "trPr");
    const afterEx = tr.children.findIndex((c) => c.type === "element" && c.name === w + "tblPrEx");
    tr.children.splice(afterEx + 1, 0, trPr);
  }
  // w:ins / w:del follow the row properties and precede w:trPrChange in CT_TrPr.
  const at = trPr.children.findIndex((c) => c.type === "element" && c.name === w + "trPrChange");
  trPr.children.splice(at < 0 ? trPr.children.length : at, 0, revision(w, rev, mark));
  trPr.selfClosing = false;
}

const MARK_NAMES = ["ins", "del", "moveFrom", "moveTo"];

/** Whether a paragraph's mark is already deleted (or moved away), so marking it again would add a second revision. */
export function isDeletedParagraph(p: XmlElement, w: string): boolean {
  const rPr = paragraphMarkProperties(p, w);
  return !!rPr?.children.some((c) => c.type === "element" && (c.name === w + "del" || c.name === w + "moveFrom"));
}

/** Drops revision marks and w:pPrChange from paragraph properties copied from another paragraph. */
export function withoutRevisions(pPr: XmlElement, w: string): XmlElement {
  pPr.children = pPr.children.filter((c) => !(c.type === "element" && c.name === w + "pPrChange"));
  const rPr = pPr.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "rPr");
  if (rPr) rPr.children = rPr.children.filter((c) => !(c.type === "element" && MARK_NAMES.some((n) => c.name === w + n)));
  if (rPr && rPr.children.length === 0) pPr.children = pPr.children.filter((c) => c !== rPr);
  return pPr;
}

function paragraphMarkProperties(p: XmlElement, w: string): XmlElement | undefined {
  const pPr = p.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "pPr");
  return pPr?.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "rPr");
}

/** Markup that may sit among a paragraph's runs without being content (§17.13.4 comments, §17.13.6 bookmarks). */
const ANCHORS = ["bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "proofErr", "permStart", "permEnd"];

/**
 * Whether a paragraph is wholly pending new content: its mark is inserted (or moved here) and all its content is
 * inside w:ins (or w:moveTo within its move range), so moving it again only changes where the pending content is.
 */
export function isPendingInsertion(p: XmlElement, w: string): boolean {
  if (p.name !== w + "p") return false;
  const mark = paragraphMarkProperties(p, w);
  const pending = [w + "ins", w + "moveTo"];
  if (!mark?.children.some((c) => c.type === "element" && pending.includes(c.name))) return false;
  const allowed = [w + "pPr", ...pending, w + "moveToRangeStart", w + "moveToRangeEnd", ...ANCHORS.map((a) => w + a)];
  return p.children.every((c) => c.type !== "element" || allowed.includes(c.name));
}

/** Unwraps the content insertions of a moved copy: at its destination the text is moved text, not inserted text. */
export function unwrapInsertions(el: XmlElement, w: string): void {
  el.children = el.children.flatMap((c) => {
    if (c.type !== "element" || c.name === w + "pPr") return [c];
    if (c.name === w + "ins") return c.children;
    unwrapInsertions(c, w);
    return [c];
  });
}
