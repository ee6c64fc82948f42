/** What element builders need from the document: its prefixes, styles and (for parts and relationships) the document. */
import type { Prefixes, WordDocument } from "../../model/index.js";
import { element, type XmlAttribute, type XmlElement, type XmlNode } from "../../xml/index.js";

export interface BuildContext {
  doc: WordDocument;
  prefixes: Prefixes;
  /** The part the new elements go into (relationships of images and links are made from it). */
  part: string;
  /** Properties of the section the new elements land in, copied by a section break. */
  sectionProperties: XmlElement | null;
}

/** A WordprocessingML element `w:<local>` with `w:`-prefixed attributes, in the part's own prefix. */
export function wEl(
  ctx: BuildContext,
  local: string,
  attrs: Record<string, string | number | undefined> = {},
  children: XmlNode[] = [],
): XmlElement {
  const w = ctx.prefixes.w;
  const attributes: XmlAttribute[] = [];
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) attributes.push({ name: k.includes(":") ? k : w + k, value: String(v) });
  return element(w + local, attributes, children);
}

/** A `w:t` text node keeping its spaces. */
export function wText(ctx: BuildContext, text: string): XmlElement {
  return element(ctx.prefixes.w + "t", [{ name: "xml:space", value: "preserve" }], [{ type: "text", text }]);
}
