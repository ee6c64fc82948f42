/** Paragraph-family element values (§17.3.1.22 w:p): paragraph, heading, page_break, section_break. */
import { firstChild, type XmlElement, type XmlNode } from "../../xml/index.js";
import { type BuildContext, wEl } from "./build-context.js";
import { headingStyleId } from "./heading-style.js";
import { buildRun, runProperties, textRun } from "./run-builder.js";
import {
  invalid,
  isObject,
  type JsonObject,
  objectAt,
  onlyKnown,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalObject,
  optionalString,
} from "./value-fields.js";

const ALIGNMENTS = { left: "left", center: "center", right: "right", justify: "both", both: "both", start: "start", end: "end" } as const;
const TAB_ALIGNMENTS = ["left", "center", "right", "decimal", "bar", "clear"] as const;
const LEADERS = ["none", "dot", "hyphen", "underscore", "heavy", "middleDot"] as const;
const SECTION_TYPES = {
  nextpage: "nextPage",
  next_page: "nextPage",
  continuous: "continuous",
  evenpage: "evenPage",
  even_page: "evenPage",
  oddpage: "oddPage",
  odd_page: "oddPage",
  nextcolumn: "nextColumn",
  next_column: "nextColumn",
} as const;
const TWIPS = 31_680;
const PROPERTY_KEYS = [
  "style",
  "keep_next",
  "keep_lines",
  "page_break_before",
  "tabs",
  "bidi",
  "spacing_before",
  "spacing_after",
  "line_spacing",
  "indent_left",
  "indent_right",
  "indent_first_line",
  "indent_hanging",
  "alignment",
];
const PARAGRAPH_KEYS = ["type", "text", "runs", "style", "properties"];
const HEADING_KEYS = ["type", "level", "text", "runs", "style", "properties"];

/** w:pPr children from a `properties` object, in CT_PPr order (§17.3.1.26); `numPr`/`sectPr` come from the caller. */
export function paragraphProperties(
  ctx: BuildContext,
  o: JsonObject | undefined,
  field: string,
  extra: { styleId?: string; numPr?: XmlElement; rPr?: XmlElement; sectPr?: XmlElement } = {},
): XmlElement | null {
  const kids: XmlElement[] = [];
  if (o) onlyKnown(o, field, "paragraph properties", PROPERTY_KEYS);
  const style =
    extra.styleId ??
    (o && optionalString(o, "style", field) !== undefined
      ? paragraphStyleId(ctx, optionalString(o, "style", field)!, `${field}.style`)
      : undefined);
  if (style) kids.push(wEl(ctx, "pStyle", { val: style }));
  if (o && optionalBoolean(o, "keep_next", field)) kids.push(wEl(ctx, "keepNext"));
  if (o && optionalBoolean(o, "keep_lines", field)) kids.push(wEl(ctx, "keepLines"));
  if (o && optionalBoolean(o, "page_break_before", field)) kids.push(wEl(ctx, "pageBreakBefore"));
  if (extra.numPr) kids.push(extra.numPr);
  const tabs = o ? optionalArray(o, "tabs", field, 64) : undefined;
  if (tabs?.length) {
    kids.push(
      wEl(
        ctx,
        "tabs",
        {},
        tabs.map((t, i) => {
          const f = `${field}.tabs[${i}]`;
          const tab = typeof t === "number" ? { position: t } : objectAt(t, f);
          onlyKnown(tab, f, "a tab stop", ["position", "alignment", "leader"]);
          const pos = optionalNumber(tab, "position", f, -TWIPS, TWIPS);
          if (pos === undefined) throw invalid(`${f}.position`, "is required (twips, 1440 = 1 inch).");
          const leader = optionalEnum(tab, "leader", f, LEADERS);
          return wEl(ctx, "tab", { val: optionalEnum(tab, "alignment", f, TAB_ALIGNMENTS) ?? "left", leader, pos });
        }),
      ),
    );
  }
  // Right-to-left paragraph (§17.3.1.6); false writes it switched off, overriding a right-to-left style.
  const bidi = o ? optionalBoolean(o, "bidi", field) : undefined;
  if (bidi !== undefined) kids.push(bidi ? wEl(ctx, "bidi") : wEl(ctx, "bidi", { val: "0" }));
  if (o) {
    const before = optionalNumber(o, "spacing_before", field, 0, TWIPS);
    const after = optionalNumber(o, "spacing_after", field, 0, TWIPS);
    const line = optionalNumber(o, "line_spacing", field, 1, TWIPS);
    if (before !== undefined || after !== undefined || line !== undefined)
      kids.push(wEl(ctx, "spacing", { before, after, line, lineRule: line !== undefined ? "auto" : undefined }));
    const left = optionalNumber(o, "indent_left", field, -TWIPS, TWIPS);
    const right = optionalNumber(o, "indent_right", field, -TWIPS, TWIPS);
    const first = optionalNumber(o, "indent_first_line", field, 0, TWIPS);
    const hanging = optionalNumber(o, "indent_hanging", field, 0, TWIPS);
    if (left !== undefined || right !== undefined || first !== undefined || hanging !== undefined)
      kids.push(wEl(ctx, "ind", { left, right, firstLine: first, hanging }));
    const align = optionalEnum(o, "alignment", field, Object.keys(ALIGNMENTS) as (keyof typeof ALIGNMENTS)[]);
    if (align) kids.push(wEl(ctx, "jc", { val: ALIGNMENTS[align] }));
  }
  if (extra.rPr) kids.push(extra.rPr);
  if (extra.sectPr) kids.push(extra.sectPr);
  return kids.length ? wEl(ctx, "pPr", {}, kids) : null;
}

/** A paragraph style the document defines, by id or display name. */
export function paragraphStyleId(ctx: BuildContext, nameOrId: string, field: string): string {
  const id = ctx.doc.styles.resolveStyleId(nameOrId);
  const style = ctx.doc.styles.get(id);
  if (style?.type !== "paragraph") {
    const known = ctx.doc.styles
      .all()
      .filter((s) => s.type === "paragraph")
      .map((s) => s.styleId);
    throw invalid(
      field,
      `the document has no paragraph style "${nameOrId}"; it has ${known.slice(0, 30).join(", ") || "none"}${known.length > 30 ? ", …" : ""}.`,
    );
  }
  return id;
}

/** Runs of a paragraph-like value: `runs` (each {text, style} / {tab} / {break}) or `text` with an optional run `style` object. */
export function paragraphRuns(ctx: BuildContext, v: JsonObject, field: string): XmlElement[] {
  const runs = optionalArray(v, "runs", field, 5_000);
  if (runs) return runs.map((r, i) => buildRun(ctx, r, `${field}.runs[${i}]`));
  const text = optionalString(v, "text", field);
  if (text === undefined || text === "") return [];
  const rPr = isObject(v.style) ? runProperties(ctx, v.style, `${field}.style`) : null;
  return [textRun(ctx, text, rPr)];
}

export function buildParagraph(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  onlyKnown(v, field, "a paragraph value", PARAGRAPH_KEYS);
  const props = optionalObject(v, "properties", field);
  // `style` is the paragraph style when it is a string; an object is run formatting for `text`.
  const styleName = typeof v.style === "string" ? v.style : undefined;
  const styleId = styleName !== undefined ? paragraphStyleId(ctx, styleName, `${field}.style`) : undefined;
  if (v.style !== undefined && styleName === undefined && !isObject(v.style))
    throw invalid(`${field}.style`, "must be a paragraph style name (string) or a run style object.");
  return paragraph(ctx, paragraphProperties(ctx, props, `${field}.properties`, { styleId }), paragraphRuns(ctx, v, field));
}

export function buildHeading(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  onlyKnown(v, field, "a heading value", HEADING_KEYS);
  const level = optionalNumber(v, "level", field, 1, 9) ?? 1;
  const props = optionalObject(v, "properties", field);
  const styleId = headingStyleId(ctx, level);
  return paragraph(ctx, paragraphProperties(ctx, props, `${field}.properties`, { styleId }), paragraphRuns(ctx, v, field));
}

export function buildPageBreak(ctx: BuildContext): XmlElement {
  return paragraph(ctx, null, [wEl(ctx, "r", {}, [wEl(ctx, "br", { type: "page" })])]);
}

/**
 * A paragraph whose w:sectPr ends a section here (§17.6.17). The new section takes the page settings of the section
 * it splits (`ctx.sectionProperties`), so page size, margins, headers and footers stay as they were.
 */
export function buildSectionBreak(ctx: BuildContext, v: JsonObject, field: string, template: XmlElement | null): XmlElement {
  onlyKnown(v, field, "a section_break value", ["type", "break_type"]);
  const raw = optionalString(v, "break_type", field) ?? "nextPage";
  const type = SECTION_TYPES[raw.toLowerCase() as keyof typeof SECTION_TYPES];
  if (!type)
    throw invalid(
      `${field}.break_type`,
      `"${raw}" is not a section break type; use next_page, continuous, even_page, odd_page or next_column.`,
    );
  const w = ctx.prefixes.w;
  const sectPr = template ? structuredClone(template) : wEl(ctx, "sectPr");
  sectPr.children = sectPr.children.filter((c) => !(c.type === "element" && (c.name === w + "type" || c.name === w + "sectPrChange")));
  // w:type follows the header/footer references and note properties in CT_SectPr.
  const lead = new Set([w + "headerReference", w + "footerReference", w + "footnotePr", w + "endnotePr"]);
  let at = 0;
  while (at < sectPr.children.length && (sectPr.children[at].type !== "element" || lead.has((sectPr.children[at] as XmlElement).name)))
    at++;
  sectPr.children.splice(at, 0, wEl(ctx, "type", { val: type }));
  sectPr.selfClosing = false;
  if (!firstChild(sectPr, w + "type")) throw invalid(field, "could not build the section properties.");
  return paragraph(ctx, wEl(ctx, "pPr", {}, [sectPr]), []);
}

export function paragraph(ctx: BuildContext, pPr: XmlElement | null, runs: XmlNode[]): XmlElement {
  return wEl(ctx, "p", {}, [...(pPr ? [pPr] : []), ...runs]);
}
