/** A copy of an element that can live next to its original: no shared ids, bookmarks or comment anchors. */
import type { Prefixes } from "../../model/index.js";
import type { XmlElement, XmlNode } from "../../xml/index.js";
import { CELL_MARKERS, PROPERTY_CHANGES } from "../revisions/revision-markup.js";

/**
 * Stored ids (w14:paraId, w14:textId, dmcp:id) are dropped so the copy gets fresh ones; bookmarks (§17.13.6, names
 * are unique) and comment ranges and references (§17.13.4, one anchor per comment) stay with the original.
 */
export function prepareCopy(el: XmlElement, prefixes: Prefixes): XmlElement {
  const copy = structuredClone(el);
  const w = prefixes.w;
  const dropAttrs = new Set(
    [prefixes.w14 && prefixes.w14 + "paraId", prefixes.w14 && prefixes.w14 + "textId", prefixes.dmcp && prefixes.dmcp + "id"].filter(
      Boolean,
    ) as string[],
  );
  const dropElements = new Set(["bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd"].map((n) => w + n));
  const clean = (node: XmlElement): void => {
    node.attributes = node.attributes.filter((a) => !dropAttrs.has(a.name));
    node.children = node.children.filter(
      (c: XmlNode) => !(c.type === "element" && (dropElements.has(c.name) || isCommentReferenceRun(c, w))),
    );
    for (const c of node.children) if (c.type === "element") clean(c);
  };
  clean(copy);
  return copy;
}

function isCommentReferenceRun(el: XmlElement, w: string): boolean {
  return el.name === w + "r" && el.children.some((c) => c.type === "element" && c.name === w + "commentReference");
}

/** Revision marks (§17.13.5) whose w:id names one revision (moves are handled apart); range ends share their start's id. */
const REVISION_MARKS = new Set([
  "ins",
  "del",
  ...Object.values(PROPERTY_CHANGES).map((p) => p.change),
  ...Object.keys(CELL_MARKERS),
  "numberingChange",
]);
const RANGES = ["customXmlInsRange", "customXmlDelRange", "customXmlMoveFromRange", "customXmlMoveToRange"];
const MOVE_RANGES = ["moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"];

/**
 * Gives the pending revisions inside a copy ids of their own, so each still names one revision. Moved text in a copy
 * is not part of that move: its w:moveFrom / w:moveTo become w:del / w:ins and its move ranges go.
 */
export function freshRevisionIds(copy: XmlElement, w: string, nextId: () => string): void {
  const ranges = new Map<string, string>();
  const visit = (el: XmlElement): void => {
    el.children = el.children.filter((c) => !(c.type === "element" && MOVE_RANGES.some((m) => c.name === w + m)));
    for (const c of el.children) {
      if (c.type !== "element") continue;
      if (c.name === w + "moveFrom") c.name = w + "del";
      else if (c.name === w + "moveTo") c.name = w + "ins";
      const local = c.name.startsWith(w) ? c.name.slice(w.length) : "";
      const id = c.attributes.find((a) => a.name === w + "id");
      if (id && REVISION_MARKS.has(local)) id.value = nextId();
      else if (id && RANGES.some((r) => local === r + "Start")) {
        const fresh = nextId();
        ranges.set(id.value, fresh);
        id.value = fresh;
      } else if (id && RANGES.some((r) => local === r + "End")) id.value = ranges.get(id.value) ?? id.value;
      visit(c);
    }
  };
  visit({ ...copy, children: [copy] });
}
