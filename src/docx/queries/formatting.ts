/** Run and paragraph properties (§17.3.2, §17.3.1) as plain JSON facts. */
import { childElements, firstChild, getAttribute, localName, type XmlElement } from "../xml/index.js";

export interface RunFormatting {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  strike?: boolean;
  color?: string;
  highlight?: string;
  size_pt?: number;
  font?: string;
  style?: string;
  vertical_align?: string;
  caps?: boolean;
  small_caps?: boolean;
}

/** An on/off property (§17.17.4): present means on unless w:val is false/0/off. */
function toggle(el: XmlElement | undefined, w: string): boolean | undefined {
  if (!el) return undefined;
  const v = getAttribute(el, w + "val");
  return !(v === "0" || v === "false" || v === "off");
}

export function runFormatting(run: XmlElement, w: string): RunFormatting {
  const rPr = firstChild(run, w + "rPr");
  if (!rPr) return {};
  const val = (name: string) => {
    const el = firstChild(rPr, w + name);
    return el ? getAttribute(el, w + "val") : undefined;
  };
  const out: RunFormatting = {};
  const set = <K extends keyof RunFormatting>(k: K, v: RunFormatting[K] | undefined) => {
    if (v !== undefined && v !== null) out[k] = v;
  };
  set("bold", toggle(firstChild(rPr, w + "b"), w));
  set("italic", toggle(firstChild(rPr, w + "i"), w));
  const u = val("u");
  if (u !== undefined && u !== "none") out.underline = u;
  set("strike", toggle(firstChild(rPr, w + "strike"), w) || toggle(firstChild(rPr, w + "dstrike"), w));
  const color = val("color");
  if (color && color !== "auto") out.color = color;
  set("highlight", val("highlight"));
  const sz = val("sz");
  if (sz) out.size_pt = Number(sz) / 2;
  const fonts = firstChild(rPr, w + "rFonts");
  set("font", fonts ? (getAttribute(fonts, w + "ascii") ?? getAttribute(fonts, w + "hAnsi")) : undefined);
  set("style", val("rStyle"));
  set("vertical_align", val("vertAlign"));
  set("caps", toggle(firstChild(rPr, w + "caps"), w));
  set("small_caps", toggle(firstChild(rPr, w + "smallCaps"), w));
  if (out.strike === false) delete out.strike;
  return out;
}

export interface ParagraphProperties {
  alignment?: string;
  /** number_format is the level's w:numFmt (§17.18.59): "none" shows no label, "bullet" a bullet. */
  list?: { num_id: string; level: number; number_format?: string };
  indent?: Record<string, string>;
  spacing?: Record<string, string>;
  keep_with_next?: boolean;
  page_break_before?: boolean;
}

export function paragraphProperties(p: XmlElement, w: string): ParagraphProperties {
  const pPr = firstChild(p, w + "pPr");
  if (!pPr) return {};
  const out: ParagraphProperties = {};
  const jc = firstChild(pPr, w + "jc");
  if (jc) out.alignment = getAttribute(jc, w + "val");
  const numPr = firstChild(pPr, w + "numPr");
  if (numPr) {
    const numId = firstChild(numPr, w + "numId");
    const ilvl = firstChild(numPr, w + "ilvl");
    out.list = { num_id: (numId && getAttribute(numId, w + "val")) ?? "", level: Number((ilvl && getAttribute(ilvl, w + "val")) ?? 0) };
  }
  for (const [name, key] of [
    ["ind", "indent"],
    ["spacing", "spacing"],
  ] as const) {
    const el = firstChild(pPr, w + name);
    if (el) out[key] = Object.fromEntries(el.attributes.map((a) => [localName(a.name), a.value]));
  }
  if (toggle(firstChild(pPr, w + "keepNext"), w)) out.keep_with_next = true;
  if (toggle(firstChild(pPr, w + "pageBreakBefore"), w)) out.page_break_before = true;
  return out;
}

/** All descendants with the given local name, in document order. */
export function findDescendants(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of childElements(e)) {
      if (localName(c.name) === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
