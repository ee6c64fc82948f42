/**
 * Accepting or rejecting tracked changes inside one element tree (ISO/IEC 29500-1 §17.13.5). Each revision element the
 * selection picks is resolved the way Word does it; the others stay as they are.
 * - Content (ins, del, moveFrom, moveTo): the content that stays is unwrapped (deleted text becomes w:t again), the
 *   other is dropped with its content.
 * - Property changes (rPrChange, pPrChange, ...): accepting drops the record; rejecting restores the old properties.
 * - Paragraph marks, rows and cells marked inserted or deleted: the mark, row or cell goes or its marker does; a
 *   paragraph whose mark goes joins the next paragraph (see paragraph-marks.ts).
 */
import {
  childElements,
  element,
  firstChild,
  getAttribute,
  localName,
  setAttribute,
  type XmlElement,
  type XmlNode,
} from "../../xml/index.js";
import { collectNoteReferences } from "./orphan-notes.js";
import { joinMarkedParagraphs, type MarkJoins, paragraphFollows } from "./paragraph-marks.js";
import { CONTENT_REVISIONS, PROPERTY_CHANGES, RANGE_MARKERS } from "./revision-markup.js";

export type RevisionAction = "accept" | "reject";

export interface Resolution extends MarkJoins {
  action: RevisionAction;
  /** The WordprocessingML prefix of the part ("w:"). */
  w: string;
  /** Whether this revision element (or range marker) is one to resolve. */
  selects(el: XmlElement): boolean;
  /** Notes referenced from dropped content ("footnote:3"), removed afterwards if nothing else refers to them. */
  droppedNotes: Set<string>;
  /** Content controls whose own insertion, deletion or move is resolved (see controlFate). */
  controls: Map<XmlElement, "unwrap" | "remove">;
}

/** Local WordprocessingML name of `el`, or null for other namespaces (math, drawing, ...). */
function wName(el: XmlElement, w: string): string | null {
  return el.name.startsWith(w) && (w !== "" || !el.name.includes(":")) ? el.name.slice(w.length) : null;
}

/** Resolves the children of a node in place and returns what replaces `el` in its parent (nothing, itself or its content). */
export function resolveElement(el: XmlElement, r: Resolution, parent: string | null = null): XmlNode[] {
  const local = wName(el, r.w);
  if (local === null) {
    const hadContent = hasRunContent(el);
    el.children = resolveChildren(el.children, r, null);
    // A math run whose only content was deleted (§22.1.2.87 m:r holding w:del) goes with it.
    if (localName(el.name) === "r" && hadContent && !hasRunContent(el)) return [];
    return [el];
  }
  if (CONTENT_REVISIONS.has(local) && parent !== "rPr" && parent !== "trPr" && parent !== "numPr") return resolveContent(el, local, r);
  // Range markers, and numbering change records (in w:numPr, or in a LISTNUM field's w:fldChar, §17.16.18) that only
  // keep the old number's text for display: resolving either way removes them.
  if (RANGE_MARKERS.has(local) || local === "numberingChange") return r.selects(el) ? [] : [el];
  if (local in PROPERTY_CHANGES) resolveProperties(el, local, r, parent);
  else if (Object.values(PROPERTY_CHANGES).some((p) => p.change === local)) return [el];
  switch (local) {
    case "tr":
    case "tc":
      if (rowOrCellGoes(el, local === "tr" ? "trPr" : "tcPr", local === "tr" ? "ins" : "cellIns", local === "tr" ? "del" : "cellDel", r))
        return dropped(el, r);
      break;
    case "numPr":
      return resolveNumbering(el, r);
    case "sdt": {
      const fate = r.controls.get(el);
      r.controls.delete(el);
      if (fate === "remove") return [];
      if (fate === "unwrap") {
        const content = firstChild(el, r.w + "sdtContent");
        return content ? resolveChildren(content.children, r, "sdtContent") : [];
      }
      break;
    }
  }
  // What a cell, row or table held before, so that only resolving empties them (never markup that came so).
  const had = {
    p: childElements(el, r.w + "p").length > 0,
    tc: childElements(el, r.w + "tc").length > 0,
    tr: local === "tbl" && hasRows(el, r.w),
  };
  el.children = resolveChildren(el.children, r, local);
  if (local === "p") markParagraph(el, r);
  // A cell must hold a paragraph (§17.4.66): one is added back if resolving removed them all.
  if (local === "tc" && had.p && !childElements(el, r.w + "p").length) el.children.push(element(r.w + "p"));
  if ((local === "tr" && had.tc && !childElements(el, r.w + "tc").length) || (local === "tbl" && had.tr && !hasRows(el, r.w))) return [];
  return [el];
}

/** Resolves a list of sibling nodes, then joins paragraphs whose marks went away. */
export function resolveChildren(children: XmlNode[], r: Resolution, parent: string | null): XmlNode[] {
  noteUnwrappedControls(children, r);
  const out: XmlNode[] = [];
  let marked = false;
  for (const [k, c] of children.entries()) {
    if (c.type !== "element") {
      out.push(c);
      continue;
    }
    for (const n of resolveElement(c, r, parent)) {
      out.push(n);
      if (n.type === "element" && r.joining.has(n)) {
        marked = true;
        strandUnlessParagraphFollows(n, children, k, r);
      }
    }
  }
  return marked ? joinMarkedParagraphs(out, r, r.w) : out;
}

function resolveContent(el: XmlElement, local: string, r: Resolution): XmlNode[] {
  if (!r.selects(el)) {
    // One left empty by resolving what it held (a deletion inside an insertion) goes; one empty from the start stays.
    const had = childElements(el).length;
    el.children = resolveChildren(el.children, r, local);
    return had && !childElements(el).length ? [] : [el];
  }
  const kept = (r.action === "accept") === (local === "ins" || local === "moveTo");
  if (!kept) return dropped(el, r);
  const content = resolveChildren(el.children, r, local);
  if (local === "del" || local === "moveFrom") restoreDeletedText(content, r.w);
  return content;
}

/** A paragraph whose mark goes and whose next sibling, before resolving, is not a paragraph cannot join it. */
export function strandUnlessParagraphFollows(p: XmlElement, siblings: XmlNode[], index: number, r: Resolution): void {
  if (paragraphFollows(siblings, index, r.w)) return;
  r.joining.delete(p);
  r.stranded.add(p);
}

/** Drops `el`, noting the footnotes and endnotes it referred to. */
function dropped(el: XmlElement, r: Resolution): XmlNode[] {
  collectNoteReferences([el], r.w, r.droppedNotes);
  return [];
}

/** Deleted text and field codes that stay become ordinary again (§17.3.3.7 delText, §17.16.13 delInstrText). */
function restoreDeletedText(nodes: XmlNode[], w: string): void {
  for (const n of nodes) {
    if (n.type !== "element") continue;
    if (n.name === w + "delText") n.name = w + "t";
    else if (n.name === w + "delInstrText") n.name = w + "instrText";
    else restoreDeletedText(n.children, w);
  }
}

/** Property changes, and the markers of non-paragraph-mark run properties (math control characters, §17.13.5.16-.17). */
function resolveProperties(el: XmlElement, local: string, r: Resolution, parent: string | null): void {
  const spec = PROPERTY_CHANGES[local];
  const change = firstChild(el, r.w + spec.change);
  if (change && r.selects(change)) {
    if (r.action === "accept") el.children = el.children.filter((c) => c !== change);
    else {
      const old = childElements(change)[0];
      const kept = childElements(el).filter((c) => spec.kept.includes(wName(c, r.w) ?? "") && c !== change);
      const restored = old ? childElements(old).filter((c) => !spec.kept.includes(wName(c, r.w) ?? "")) : [];
      // Schema order: paragraph-mark markers and header/footer references come first, the others after the old properties.
      el.children = local === "rPr" || local === "sectPr" ? [...kept, ...restored] : [...restored, ...kept];
    }
  }
  if (local === "rPr" && parent !== "pPr") {
    el.children = el.children.filter((c) => !(c.type === "element" && CONTENT_REVISIONS.has(wName(c, r.w) ?? "") && r.selects(c)));
  }
  el.selfClosing = el.children.length === 0;
}

/** A paragraph mark marked inserted or deleted (§17.13.5.15-.16, moves §17.13.5.21/.24): the marker goes, and maybe the mark. */
function markParagraph(p: XmlElement, r: Resolution): void {
  const pPr = firstChild(p, r.w + "pPr");
  const rPr = pPr && firstChild(pPr, r.w + "rPr");
  if (!rPr) return;
  for (const marker of childElements(rPr)) {
    const local = wName(marker, r.w);
    if (!local || !CONTENT_REVISIONS.has(local) || !r.selects(marker)) continue;
    rPr.children = rPr.children.filter((c) => c !== marker);
    const markKept = (r.action === "accept") === (local === "ins" || local === "moveTo");
    if (!markKept) r.joining.add(p);
  }
  rPr.selfClosing = rPr.children.length === 0;
}

/** A row (§17.13.5.19-.20 trPr ins/del) or cell (§17.13.5.1-.2 cellIns/cellDel) that goes; otherwise its selected markers go. */
function rowOrCellGoes(el: XmlElement, props: string, ins: string, del: string, r: Resolution): boolean {
  const pr = firstChild(el, r.w + props);
  if (!pr) return false;
  for (const marker of childElements(pr)) {
    const local = wName(marker, r.w);
    if ((local !== ins && local !== del && local !== "cellMerge") || !r.selects(marker)) continue;
    if ((local === del) === (r.action === "accept") && local !== "cellMerge") return true;
    if (local === "cellMerge" && r.action === "accept") applyVerticalMerge(pr, marker, r.w);
    pr.children = pr.children.filter((c) => c !== marker);
  }
  pr.selfClosing = pr.children.length === 0;
  return false;
}

/** Accepting a w:cellMerge (§17.13.5.3) makes its vertical merge real in w:vMerge. */
function applyVerticalMerge(tcPr: XmlElement, merge: XmlElement, w: string): void {
  const value = getAttribute(merge, w + "vMerge");
  let vMerge = firstChild(tcPr, w + "vMerge");
  if (!vMerge) {
    vMerge = element(w + "vMerge");
    // vMerge follows tcW, gridSpan and hMerge in CT_TcPr (§17.4.70).
    const after = ["cnfStyle", "tcW", "gridSpan", "hMerge"]
      .map((n) => firstChild(tcPr, w + n))
      .filter((e) => e !== undefined)
      .pop();
    tcPr.children.splice(after ? tcPr.children.indexOf(after) + 1 : 0, 0, vMerge);
  }
  vMerge.attributes = vMerge.attributes.filter((a) => a.name !== w + "val");
  if (value === "rest") setAttribute(vMerge, w + "val", "restart");
}

/** Numbering properties marked inserted (§17.13.5.19 numPr/ins): rejecting removes them, accepting the marker. */
function resolveNumbering(numPr: XmlElement, r: Resolution): XmlNode[] {
  for (const c of childElements(numPr)) {
    if (wName(c, r.w) !== "ins" || !r.selects(c)) continue;
    if (r.action === "reject") return [];
    numPr.children = numPr.children.filter((n) => n !== c);
  }
  numPr.children = resolveChildren(numPr.children, r, "numPr");
  return [numPr];
}

function hasRows(tbl: XmlElement, w: string): boolean {
  return childElements(tbl).some(
    (c) => c.name === w + "tr" || ((c.name === w + "sdt" || c.name === w + "customXml" || c.name === w + "sdtContent") && hasRows(c, w)),
  );
}

/** Whether a (math) run holds anything besides its properties. */
function hasRunContent(run: XmlElement): boolean {
  return childElements(run).some((c) => localName(c.name) !== "rPr");
}

/**
 * What happens to a content control whose start tag lies in a selected custom-XML range (§17.13.5.4-.11): Word tracks
 * inserting, deleting or moving the control itself this way. A deleted control (accepted) or an inserted one (rejected)
 * goes and its content stays; a control moved away (accepted) or moved here (rejected) goes with its content.
 */
export function controlFate(marker: XmlElement, r: Resolution): "unwrap" | "remove" | null {
  if (!r.selects(marker)) return null;
  const local = wName(marker, r.w);
  const accept = r.action === "accept";
  if ((local === "customXmlDelRangeStart" && accept) || (local === "customXmlInsRangeStart" && !accept)) return "unwrap";
  if ((local === "customXmlMoveFromRangeStart" && accept) || (local === "customXmlMoveToRangeStart" && !accept)) return "remove";
  return null;
}

/** Notes the fate of each content control that follows a selected custom-XML range start among these siblings. */
function noteUnwrappedControls(children: XmlNode[], r: Resolution): void {
  children.forEach((c, i) => {
    const fate = c.type === "element" ? controlFate(c, r) : null;
    if (!fate) return;
    const next = children
      .slice(i + 1)
      .find((n): n is XmlElement => n.type === "element" && !RANGE_MARKERS.has(wName(n, r.w) ?? "") && n.name !== r.w + "bookmarkStart");
    if (next && next.name === r.w + "sdt") r.controls.set(next, fate);
  });
}
