/** Runs and run properties (§17.3.2.25 w:r, §17.3.2.28 w:rPr) from the JSON `runs` / `style` of an element value. */
import type { XmlElement, XmlNode } from "../../xml/index.js";
import { type BuildContext, wEl, wText } from "./build-context.js";
import {
  invalid,
  type JsonObject,
  objectAt,
  optionalBoolean,
  optionalColor,
  optionalEnum,
  optionalNumber,
  optionalString,
} from "./value-fields.js";

const HIGHLIGHTS = [
  "yellow",
  "green",
  "cyan",
  "magenta",
  "blue",
  "red",
  "darkBlue",
  "darkCyan",
  "darkGreen",
  "darkMagenta",
  "darkRed",
  "darkYellow",
  "lightGray",
  "darkGray",
  "black",
] as const;
const BREAKS = ["line", "page", "column"] as const;

/** w:rPr from a run style object ({bold, italic, underline, strike, font_size (pt), font_name, color, highlight, vertical_align, style}); null when empty. */
export function runProperties(ctx: BuildContext, value: unknown, field: string): XmlElement | null {
  const s = objectAt(value, field);
  const kids: XmlElement[] = [];
  // Children in the schema order of CT_RPr (§17.3.2.28).
  const charStyle = optionalString(s, "style", field);
  if (charStyle) kids.push(wEl(ctx, "rStyle", { val: ctx.doc.styles.resolveStyleId(charStyle) }));
  const font = optionalString(s, "font_name", field);
  if (font) kids.push(wEl(ctx, "rFonts", { ascii: font, hAnsi: font, cs: font, eastAsia: font }));
  if (optionalBoolean(s, "bold", field)) kids.push(wEl(ctx, "b"));
  if (optionalBoolean(s, "italic", field)) kids.push(wEl(ctx, "i"));
  if (optionalBoolean(s, "strike", field)) kids.push(wEl(ctx, "strike"));
  const color = optionalColor(s, "color", field);
  if (color) kids.push(wEl(ctx, "color", { val: color }));
  const size = optionalNumber(s, "font_size", field, 1, 1638, false);
  if (size !== undefined) {
    const half = Math.round(size * 2);
    kids.push(wEl(ctx, "sz", { val: half }), wEl(ctx, "szCs", { val: half }));
  }
  const highlight = highlightOf(s, field);
  if (highlight) kids.push(wEl(ctx, "highlight", { val: highlight }));
  if (optionalBoolean(s, "underline", field)) kids.push(wEl(ctx, "u", { val: "single" }));
  const va = optionalEnum(s, "vertical_align", field, ["superscript", "subscript", "baseline"] as const);
  if (va) kids.push(wEl(ctx, "vertAlign", { val: va }));
  return kids.length ? wEl(ctx, "rPr", {}, kids) : null;
}

function highlightOf(s: JsonObject, field: string): string | undefined {
  const v = optionalString(s, "highlight", field);
  if (v === undefined) return undefined;
  const key = v.toLowerCase().replace(/_/g, "");
  const hit = HIGHLIGHTS.find((h) => h.toLowerCase() === key);
  if (!hit) throw invalid(`${field}.highlight`, `"${v}" is not a highlight colour; use one of ${HIGHLIGHTS.join(", ")}.`);
  return hit;
}

/** Run content for text: tabs and newlines become w:tab and w:br. */
export function textContent(ctx: BuildContext, text: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const piece of text.split(/(\t|\n)/)) {
    if (piece === "\t") out.push(wEl(ctx, "tab"));
    else if (piece === "\n") out.push(wEl(ctx, "br"));
    else if (piece !== "") out.push(wText(ctx, piece));
  }
  return out;
}

/** One run from `{text, style}`, `{tab: true}` or `{break: "line"|"page"|"column"}`; a bare string is plain text. */
export function buildRun(ctx: BuildContext, value: unknown, field: string, inherited: XmlElement | null = null): XmlElement {
  if (typeof value === "string") return textRun(ctx, value, inherited);
  const o = objectAt(value, field);
  const rPr = o.style !== undefined ? runProperties(ctx, o.style, `${field}.style`) : inherited;
  const kids: XmlNode[] = rPr ? [rPr] : [];
  if (optionalBoolean(o, "tab", field)) kids.push(wEl(ctx, "tab"));
  else if (o.break !== undefined) {
    const type = optionalEnum(o, "break", field, BREAKS)!;
    kids.push(type === "line" ? wEl(ctx, "br") : wEl(ctx, "br", { type }));
  } else kids.push(...textContent(ctx, optionalString(o, "text", field) ?? ""));
  return wEl(ctx, "r", {}, kids);
}

export function textRun(ctx: BuildContext, text: string, rPr: XmlElement | null = null): XmlElement {
  return wEl(ctx, "r", {}, [...(rPr ? [structuredClone(rPr)] : []), ...textContent(ctx, text)]);
}
