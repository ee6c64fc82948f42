/** Runs and run properties (§17.3.2.25 w:r, §17.3.2.28 w:rPr) from the JSON `runs` / `style` of an element value. */
import type { XmlElement, XmlNode } from "../../xml/index.js";
import { HIGHLIGHT_COLORS } from "../style/run-properties.js";
import { type BuildContext, wEl, wText } from "./build-context.js";
import { checkLinkTarget, linkAttributes, linkLook } from "./link-target.js";
import {
  invalid,
  type JsonObject,
  objectAt,
  onlyKnown,
  optionalBoolean,
  optionalColor,
  optionalEnum,
  optionalNumber,
  optionalString,
} from "./value-fields.js";

const BREAKS = ["line", "page", "column"] as const;

const RUN_STYLE_KEYS = [
  "style",
  "font_name",
  "bold",
  "italic",
  "strike",
  "color",
  "font_size",
  "highlight",
  "underline",
  "vertical_align",
  "rtl",
];
const RUN_KEYS = ["text", "style", "tab", "break", "url", "anchor"];

/**
 * w:rPr from a run style object ({bold, italic, underline, strike, font_size (pt), font_name, color, highlight,
 * vertical_align, rtl (right-to-left text), style}); null when empty.
 */
export function runProperties(ctx: BuildContext, value: unknown, field: string): XmlElement | null {
  const s = objectAt(value, field);
  onlyKnown(s, field, "a run style", RUN_STYLE_KEYS);
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
  const rtl = optionalBoolean(s, "rtl", field);
  if (rtl !== undefined) kids.push(rtl ? wEl(ctx, "rtl") : wEl(ctx, "rtl", { val: "0" }));
  return kids.length ? wEl(ctx, "rPr", {}, kids) : null;
}

function highlightOf(s: JsonObject, field: string): string | undefined {
  const v = optionalString(s, "highlight", field);
  if (v === undefined) return undefined;
  const key = v.toLowerCase().replace(/_/g, "");
  const hit = HIGHLIGHT_COLORS.find((h) => h.toLowerCase() === key);
  if (!hit) throw invalid(`${field}.highlight`, `"${v}" is not a highlight colour; use one of ${HIGHLIGHT_COLORS.join(", ")}.`);
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

/**
 * One run from `{text, style}`, `{tab: true}` or `{break: "line"|"page"|"column"}`; a bare string is plain text. With
 * `url` or `anchor` the run is a hyperlink (w:hyperlink around it), in the Hyperlink look unless a style is given.
 */
export function buildRun(ctx: BuildContext, value: unknown, field: string, inherited: XmlElement | null = null): XmlElement {
  if (typeof value === "string") return textRun(ctx, value, inherited);
  const o = objectAt(value, field);
  onlyKnown(o, field, "a run", RUN_KEYS);
  const url = optionalString(o, "url", field);
  const anchor = optionalString(o, "anchor", field);
  if (url !== undefined || anchor !== undefined) {
    checkLinkTarget(url, anchor, field);
    const look = o.style !== undefined ? runProperties(ctx, o.style, `${field}.style`) : linkLook(ctx);
    const run = wEl(ctx, "r", {}, [...(look ? [look] : []), ...textContent(ctx, optionalString(o, "text", field) ?? url ?? anchor!)]);
    return wEl(ctx, "hyperlink", linkAttributes(ctx, url, anchor), [run]);
  }
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
