/** The run properties `style_element` accepts, and the w:rPr edits each becomes (§17.3.2 run properties). */
import type { PropertyEdit } from "./property-edits.js";
import { hexColor, invalid, measure, named, oneOf, onOff, type PropertyParser, parseStyle } from "./style-values.js";

/** ST_HighlightColor (§17.18.40): what style_element and element values (run-builder.ts) accept. */
export const HIGHLIGHT_COLORS = [
  "black",
  "blue",
  "cyan",
  "green",
  "magenta",
  "red",
  "yellow",
  "white",
  "darkBlue",
  "darkCyan",
  "darkGreen",
  "darkMagenta",
  "darkRed",
  "darkYellow",
  "darkGray",
  "lightGray",
  "none",
] as const;
const HIGHLIGHT = named(...HIGHLIGHT_COLORS);

/** ST_Underline (§17.18.99). */
const UNDERLINE = named(
  "single",
  "words",
  "double",
  "thick",
  "dotted",
  "dottedHeavy",
  "dash",
  "dashedHeavy",
  "dashLong",
  "dashLongHeavy",
  "dotDash",
  "dashDotHeavy",
  "dotDotDash",
  "dashDotDotHeavy",
  "wave",
  "wavyHeavy",
  "wavyDouble",
  "none",
);

/** ST_VerticalAlignRun (§17.18.96). */
const VERTICAL_ALIGN = { superscript: "superscript", subscript: "subscript", baseline: "baseline", super: "superscript", sub: "subscript" };

/** A font name in every script slot; theme fonts are dropped because they would override it (§17.3.2.26). */
const FONT_SLOTS = ["ascii", "hAnsi", "eastAsia", "cs"];
const THEME_SLOTS = ["asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"];

const RUN_PROPERTIES: Record<string, PropertyParser> = {
  // Word's own buttons set the complex-script twin too, so right-to-left text follows.
  bold: onOff("b", "bCs"),
  italic: onOff("i", "iCs"),
  strike: onOff("strike"),
  underline: (value, field) => {
    if (value === null || value === false) return [{ child: "u", remove: true }];
    if (value === true) return [{ child: "u", set: { val: "single" } }];
    return [{ child: "u", set: { val: oneOf(value, field, UNDERLINE) } }];
  },
  font_size: (value, field) => {
    if (value === null)
      return [
        { child: "sz", remove: true },
        { child: "szCs", remove: true },
      ];
    // w:sz is in half-points (ST_HpsMeasure); Word offers 1 to 1638 points.
    const half = String(Math.round(measure(value, field, 1, 1638, "points", 0.5) * 2));
    return [
      { child: "sz", set: { val: half } },
      { child: "szCs", set: { val: half } },
    ];
  },
  font_name: (value, field) => {
    if (value === null) return [{ child: "rFonts", merge: Object.fromEntries([...FONT_SLOTS, ...THEME_SLOTS].map((s) => [s, null])) }];
    if (typeof value !== "string" || value.trim() === "" || value.length > 31)
      throw invalid(field, `must be a font name of 1 to 31 characters, like "Arial"; got ${JSON.stringify(value)}.`);
    return [
      {
        child: "rFonts",
        merge: {
          ...Object.fromEntries(FONT_SLOTS.map((s) => [s, value.trim()])),
          ...Object.fromEntries(THEME_SLOTS.map((s) => [s, null])),
        },
      },
    ];
  },
  // A theme color would override w:val (§17.3.2.6), so the element is rewritten whole.
  color: (value, field) =>
    value === null ? [{ child: "color", remove: true }] : [{ child: "color", set: { val: hexColor(value, field) } }],
  highlight: (value, field) =>
    value === null ? [{ child: "highlight", remove: true }] : [{ child: "highlight", set: { val: oneOf(value, field, HIGHLIGHT) } }],
  vertical_align: (value, field) =>
    value === null ? [{ child: "vertAlign", remove: true }] : [{ child: "vertAlign", set: { val: oneOf(value, field, VERTICAL_ALIGN) } }],
  // Right-to-left text (§17.3.2.30).
  rtl: onOff("rtl"),
};

/** Validates a `style_element` style object into w:rPr edits; throws before anything changes. */
export function runStyleEdits(style: unknown, field = "style"): PropertyEdit[] {
  return parseStyle(style, field, RUN_PROPERTIES);
}
