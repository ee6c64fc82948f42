/**
 * Replacing a character range of a paragraph and inserting text at an offset, keeping every other character's run and
 * formatting. With a revision context the change is written as tracked revisions (§17.13.5): removed runs inside
 * w:del with w:t as w:delText, new runs inside w:ins.
 */
import { element, parentOf, type XmlElement, type XmlNode } from "../xml/index.js";
import { codePointLength } from "./code-points.js";
import { replaceRanges, shareReplacement, type TextReplacement } from "./replace-ranges.js";
import {
  cloneElement,
  insertionPoint,
  isolateRange,
  pieceText,
  type RangeRun,
  readParagraphText,
  runProperties,
  textRun,
} from "./text-range.js";
import type { RevisionContext } from "./tracking.js";

/**
 * Replaces character ranges (sorted, not overlapping) with their texts; each replacement takes the formatting of the
 * first character it replaces in each segment (hyperlink, insertion, ...) it covers. One pass over the paragraph,
 * except for tracked edits of text inside someone else's insertion (a w:ins cannot hold another, so the insertion is
 * split around the new one): those go range by range from the right, so earlier offsets stay valid.
 */
export function replaceRangesIn(p: XmlElement, w: string, replacements: TextReplacement[], revision: RevisionContext | null): void {
  const { pieces } = readParagraphText(p, w);
  if (!revision || !pieces.some((x) => x.parent.name === w + "ins")) {
    replaceRanges(p, w, pieces, replacements, revision);
    return;
  }
  for (const { start, end, text } of [...replacements].reverse()) replaceTracked(p, w, start, end, text, revision);
}

/** Characters [start, end) as a tracked deletion, each segment's share of `text` as a tracked insertion right after its part. */
function replaceTracked(p: XmlElement, w: string, start: number, end: number, text: string, revision: RevisionContext): void {
  const runs = isolateRange(p, w, start, end);
  const segments: RangeRun[][] = [];
  for (const r of runs) {
    const last = segments[segments.length - 1];
    if (last && last[0].parent === r.parent) last.push(r);
    else segments.push([r]);
  }
  const originals = segments.map((seg) => seg.map(({ run }) => run.children.map((c) => pieceText(c, w)).join("")).join(""));
  const shares = shareReplacement(
    originals.join(""),
    text,
    originals.map((o) => codePointLength(o)),
  );
  segments.forEach((segment, i) => {
    const rPr = runProperties(segment[0].run, w);
    const last = deleteTracked(w, segment, revision);
    if (shares[i]) placeTracked(p, w, last.parent, last.parent.children.indexOf(last.wrapper) + 1, textRun(w, shares[i], rPr), revision);
  });
}

/**
 * Inserts `text` at `offset`. It takes the formatting of the character before the offset, or of the one after it when
 * `lean` is "next" (text put before a match) or the offset is 0. Returns the new run.
 */
export function insertAt(
  p: XmlElement,
  w: string,
  offset: number,
  text: string,
  lean: "previous" | "next",
  revision: RevisionContext | null,
): XmlElement {
  const point = insertionPoint(p, w, offset, lean);
  const run = textRun(w, text, point.rPr);
  if (revision) placeTracked(p, w, point.parent, point.index, run, revision);
  else point.parent.children.splice(point.index, 0, run);
  p.selfClosing = false;
  return run;
}

/** Wraps each group of consecutive removed runs in one w:del; returns the last wrapper and its parent. */
function deleteTracked(w: string, runs: RangeRun[], revision: RevisionContext): { parent: XmlElement; wrapper: XmlElement } {
  let current: { parent: XmlElement; wrapper: XmlElement } | null = null;
  for (const { run, parent } of runs) {
    peelEdges(run, parent, w);
    for (const c of run.children) {
      if (c.type !== "element") continue;
      if (c.name === w + "t") c.name = w + "delText";
      else if (c.name === w + "instrText") c.name = w + "delInstrText";
    }
    const at = parent.children.indexOf(run);
    if (current && current.parent === parent && parent.children[at - 1] === current.wrapper) {
      parent.children.splice(at, 1);
      current.wrapper.children.push(run);
      continue;
    }
    const wrapper = element(w + "del", revision.attributes(), [run]);
    parent.children.splice(at, 1, wrapper);
    current = { parent, wrapper };
  }
  return current!;
}

/**
 * Moves what a run holds before its first and after its last character (a field character, a comment reference)
 * into runs of their own beside it: deleting the run's text must not delete them with it, or accepting the deletion
 * would leave a field without its begin or end.
 */
function peelEdges(run: XmlElement, parent: XmlElement, w: string): void {
  const rPr = runProperties(run, w);
  const content = run.children.filter((c) => c !== rPr);
  const first = content.findIndex((c) => pieceText(c, w) !== "");
  if (first < 0) return;
  let last = content.length - 1;
  while (pieceText(content[last], w) === "") last--;
  const leading = content.slice(0, first).filter((c) => c.type === "element");
  const trailing = content.slice(last + 1).filter((c) => c.type === "element");
  if (!leading.length && !trailing.length) return;
  const sibling = (children: XmlNode[]) =>
    element(
      run.name,
      run.attributes.filter((a) => !a.name.endsWith(":id")).map((a) => ({ ...a })),
      [...(rPr ? [cloneElement(rPr)] : []), ...children],
    );
  run.children = [...(rPr ? [rPr] : []), ...content.slice(first, last + 1)];
  const at = parent.children.indexOf(run);
  parent.children.splice(at, 1, ...(leading.length ? [sibling(leading)] : []), run, ...(trailing.length ? [sibling(trailing)] : []));
}

/**
 * Puts `run` inside a new w:ins at `parent.children[index]`. A w:ins cannot hold another, so inside someone else's
 * insertion the new one goes next to it, splitting it in two when the point lies in its middle.
 */
function placeTracked(p: XmlElement, w: string, parent: XmlElement, index: number, run: XmlElement, revision: RevisionContext): void {
  const wrapper = element(w + "ins", revision.attributes(), [run]);
  if (parent.name !== w + "ins" || parent === p) {
    parent.children.splice(index, 0, wrapper);
    return;
  }
  const outer = parentOf(p, parent);
  if (!outer) {
    parent.children.splice(index, 0, wrapper);
    return;
  }
  let at = outer.children.indexOf(parent);
  const before = parent.children.slice(0, index).some((c) => c.type === "element");
  const after = parent.children.slice(index).some((c) => c.type === "element");
  if (before && after) {
    const tail = cloneElement({ ...parent, children: [] });
    tail.attributes = tail.attributes.map((a) => (a.name === w + "id" ? { name: a.name, value: revision.nextId() } : a));
    tail.children = parent.children.splice(index);
    tail.selfClosing = false;
    outer.children.splice(at + 1, 0, tail);
  }
  if (before) at++;
  outer.children.splice(at, 0, wrapper);
}
