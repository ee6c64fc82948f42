/** The paragraph properties `style_paragraph` accepts, and the w:pPr edits each becomes (§17.3.1 paragraph properties). */
import type { StyleSheet } from "../../model/index.js";
import type { PropertyEdit } from "./property-edits.js";
import { hexColor, invalid, measure, oneOf, onOff, type PropertyParser, parseStyle } from "./style-values.js";

/** ST_Jc (§17.18.44): "justify" is Word's "both"; start/end are the bidi-aware names of left/right. */
const ALIGNMENT = {
  left: "left",
  center: "center",
  right: "right",
  justify: "both",
  both: "both",
  start: "start",
  end: "end",
  distribute: "distribute",
};

/** Word's limit for spacing and indentation: 22 inches, in twips (twentieths of a point). */
const MAX_TWIPS = 31680;
const TWIPS = "twips (1/20 pt: 240 = 12 pt, 720 = 0.5 in)";

/** Spacing and indentation are whole twips, as docx-mcp takes them, so its users' values keep their meaning. */
const twipsValue = (value: unknown, field: string, min: number) => String(measure(value, field, min, MAX_TWIPS, TWIPS));

const spacing =
  (side: "before" | "after"): PropertyParser =>
  (value, field) => {
    // Lines and auto spacing override a twips value (§17.3.1.33), so they go when a value is set.
    const overrides = { [`${side}Lines`]: null, [`${side}Autospacing`]: null };
    if (value === null) return [{ child: "spacing", merge: { [side]: null, ...overrides } }];
    return [{ child: "spacing", merge: { [side]: twipsValue(value, field, 0), ...overrides } }];
  };

/** Indentation (§17.3.1.12): the strict name (start/end) and the character-unit twin of a side would override it. */
const indent =
  (side: string, twins: string[], min: number): PropertyParser =>
  (value, field) => {
    const cleared = Object.fromEntries(twins.map((t) => [t, null]));
    if (value === null) return [{ child: "ind", merge: { [side]: null, ...cleared } }];
    return [{ child: "ind", merge: { [side]: twipsValue(value, field, min), ...cleared } }];
  };

function paragraphProperties(styles: StyleSheet): Record<string, PropertyParser> {
  return {
    alignment: (value, field) =>
      value === null ? [{ child: "jc", remove: true }] : [{ child: "jc", set: { val: oneOf(value, field, ALIGNMENT) } }],
    style: (value, field) => {
      if (value === null) return [{ child: "pStyle", remove: true }];
      const id = paragraphStyleId(styles, value, field);
      // A direct w:outlineLvl (LibreOffice writes one on body text) outranks the style's, so a heading style would
      // not make the paragraph a heading; it goes with the new heading style (styleParagraphs reports it).
      const heading = (styles.headingLevel(id) ?? 0) > 0;
      return [{ child: "pStyle", set: { val: id } }, ...(heading ? [HEADING_OUTLINE_REMOVAL] : [])];
    },
    spacing_before: spacing("before"),
    spacing_after: spacing("after"),
    // An exact line height in twips; line_spacing_multiple gives Word's "single", "1.5 lines", "double".
    line_spacing: (value, field) =>
      value === null
        ? [{ child: "spacing", merge: { line: null, lineRule: null } }]
        : [{ child: "spacing", merge: { line: twipsValue(value, field, 20), lineRule: "exact" } }],
    line_spacing_multiple: (value, field) =>
      value === null
        ? [{ child: "spacing", merge: { line: null, lineRule: null } }]
        : [
            {
              child: "spacing",
              merge: { line: String(Math.round(measure(value, field, 0.25, 10, "lines", 0.01) * 240)), lineRule: "auto" },
            },
          ],
    indent_left: indent("left", ["start", "leftChars", "startChars"], -MAX_TWIPS),
    indent_right: indent("right", ["end", "rightChars", "endChars"], -MAX_TWIPS),
    // First-line and hanging indentation exclude each other (§17.3.1.12), so setting one removes the other.
    indent_first_line: indent("firstLine", ["hanging", "firstLineChars", "hangingChars"], 0),
    indent_hanging: indent("hanging", ["firstLine", "firstLineChars", "hangingChars"], 0),
    shading: (value, field) =>
      value === null
        ? [{ child: "shd", remove: true }]
        : [{ child: "shd", set: { val: "clear", color: "auto", fill: hexColor(value, field) } }],
    keep_with_next: onOff("keepNext"),
    keep_lines: onOff("keepLines"),
    page_break_before: onOff("pageBreakBefore"),
    // Right-to-left paragraph direction (§17.3.1.6).
    bidi: onOff("bidi"),
  };
}

/** The edit that drops a paragraph's direct outline level when it gets a heading style. */
export const HEADING_OUTLINE_REMOVAL: PropertyEdit = { child: "outlineLvl", remove: true };

/** Validates a `style_paragraph` style object into w:pPr edits; throws before anything changes. */
export function paragraphStyleEdits(style: unknown, styles: StyleSheet, field = "style"): PropertyEdit[] {
  return parseStyle(style, field, paragraphProperties(styles));
}

/** A paragraph style by id or display name, which must exist in styles.xml (§17.7.4.17 style). */
export function paragraphStyleId(styles: StyleSheet, value: unknown, field: string): string {
  return existingStyleId(styles, value, field, "paragraph");
}

/** A style of `type` by id or display name; the error lists some that exist. */
export function existingStyleId(styles: StyleSheet, value: unknown, field: string, type: "paragraph" | "table"): string {
  const ofType = styles.all().filter((s) => s.type === type);
  const some = ofType
    .slice(0, 12)
    .map((s) => (s.name === s.styleId ? s.styleId : `${s.styleId} ("${s.name}")`))
    .join(", ");
  const available = ofType.length
    ? `; ${type} styles in this document include ${some}${ofType.length > 12 ? ", ..." : ""}`
    : `; this document defines no ${type} styles`;
  if (typeof value !== "string" || value.trim() === "") throw invalid(field, `must be a ${type} style id or name${available}.`);
  const id = styles.resolveStyleId(value.trim());
  const found = styles.get(id);
  if (!found) throw invalid(field, `names no style in styles.xml: "${value}"${available}.`);
  if (found.type !== type) throw invalid(field, `"${value}" is a ${found.type} style, not a ${type} style${available}.`);
  return id;
}
