/**
 * New content takes the writing direction and language of the paragraph it is put next to (§17.3.1.6 w:bidi,
 * §17.3.2.30 w:rtl, §17.3.2.20 w:lang): without them a paragraph added to a right-to-left document is laid out left
 * to right, with its text in the wrong order. What a value sets itself is kept; the document default comes from the
 * styles and needs nothing written.
 */
import { element, firstChild, getAttribute, insertInOrder, type XmlElement } from "../../xml/index.js";

const isOn = (el: XmlElement | undefined, w: string) => !!el && !["0", "false", "off"].includes(getAttribute(el, w + "val") ?? "");

function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  if (el.name === name) out.push(el);
  else for (const c of el.children) if (c.type === "element") descendants(c, name, out);
  return out;
}

/** Gives the paragraphs and runs in `elements` the neighbour's right-to-left settings and language they lack. */
export function inheritDirection(elements: XmlElement[], neighbour: XmlElement | null | undefined, w: string): void {
  const model = neighbour ? descendants(neighbour, w + "p")[0] : undefined;
  if (!model) return;
  const pPr = firstChild(model, w + "pPr");
  const bidi = pPr && firstChild(pPr, w + "bidi");
  const run = descendants(model, w + "r").find((r) => firstChild(r, w + "rPr"));
  const rPr = run && firstChild(run, w + "rPr");
  const rtl = rPr && firstChild(rPr, w + "rtl");
  const lang = rPr && firstChild(rPr, w + "lang");
  const runProperties = [isOn(rtl, w) ? rtl : undefined, lang].filter((e): e is XmlElement => !!e);
  if (!isOn(bidi, w) && runProperties.length === 0) return;
  for (const el of elements) {
    for (const p of descendants(el, w + "p")) {
      const own = firstChild(p, w + "pPr");
      const ownBidi = own && firstChild(own, w + "bidi");
      // A paragraph the value makes left-to-right keeps left-to-right runs; it still takes the language.
      const taken = ownBidi && !isOn(ownBidi, w) ? runProperties.filter((e) => e !== rtl) : runProperties;
      if (isOn(bidi, w)) give(p, "pPr", bidi!, w);
      for (const r of descendants(p, w + "r")) for (const prop of taken) give(r, "rPr", prop, w);
    }
  }
}

/** Adds a copy of `property` to the `props` child (w:pPr / w:rPr, made first when missing) unless it is set there. */
function give(owner: XmlElement, props: "pPr" | "rPr", property: XmlElement, w: string): void {
  let holder = firstChild(owner, w + props);
  if (holder && firstChild(holder, property.name)) return;
  if (!holder) {
    holder = element(w + props);
    owner.children.unshift(holder);
    owner.selfClosing = false;
  }
  insertInOrder(holder, structuredClone(property), w);
}
