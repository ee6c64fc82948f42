/**
 * Tracked formatting changes in style definitions (w:pPrChange / w:rPrChange / table property changes inside w:style,
 * §17.7.4.17 and §17.13.5): Word records them when styles are modified with tracking on, and Accept/Reject All
 * resolves them with the body's.
 */
import type { WordDocument } from "../../model/index.js";
import { childElements, type XmlElement } from "../../xml/index.js";
import { hasRevisionMarkup, revisionPattern } from "./revision-markup.js";

export interface StyleRevisions {
  part: string;
  w: string;
  /** Each w:style with revision markup and its index among the part's styles (as /styles/style[N] counts them). */
  styles: { element: XmlElement; index: number }[];
}

/** The styles holding revision markup, or null; the part is parsed only when its text shows some. */
export function styleRevisions(doc: WordDocument): StyleRevisions | null {
  const part = doc.relatedPartName("styles");
  if (!part) return null;
  if (!doc.parts.isLoaded(part)) {
    const text = new TextDecoder().decode(doc.pkg.readBytes(part));
    const prefix = /<([\w.-]+:)?styles[\s>]/.exec(text)?.[1] ?? "";
    if (!revisionPattern(prefix).test(text)) return null;
  }
  const root = doc.parts.xml(part).doc.root;
  const w = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  const styles = childElements(root, w + "style")
    .map((element, index) => ({ element, index }))
    .filter((s) => hasRevisionMarkup(s.element, w));
  return styles.length ? { part, w, styles } : null;
}
