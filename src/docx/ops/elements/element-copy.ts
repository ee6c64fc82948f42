/** A copy of an element that can live next to its original: no shared ids, bookmarks or comment anchors. */
import type { Prefixes } from "../../model/index.js";
import type { XmlElement, XmlNode } from "../../xml/index.js";

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
