/** The table, row and cell properties `style_table` accepts, as w:tblPr, w:trPr and w:tcPr edits (§17.4). */
import type { StyleSheet } from "../../model/index.js";
import { existingStyleId } from "./paragraph-properties.js";
import type { PropertyEdit } from "./property-edits.js";
import { hexColor, invalid, measure, named, oneOf, onOff, type PropertyParser, parseStyle } from "./style-values.js";

/** The common values of ST_Border (§17.18.2); "none" draws no line even where the table style has one. */
const BORDER = named(
  "single",
  "thick",
  "double",
  "dotted",
  "dashed",
  "dotDash",
  "dotDotDash",
  "triple",
  "wave",
  "doubleWave",
  "dashSmallGap",
  "dashDotStroked",
  "threeDEmboss",
  "threeDEngrave",
  "outset",
  "inset",
  "none",
  "nil",
);

const TABLE_SIDES = ["top", "left", "bottom", "right", "insideH", "insideV"];
/** Strict-named sides that would duplicate left/right. */
const STRICT_SIDES = ["start", "end"];

/** Largest table or cell width and row height Word accepts, in twips (22 inches). */
const MAX_TWIPS = 31680;

/** ST_JcTable (§17.18.45). */
const TABLE_ALIGNMENT = named("left", "center", "right", "start", "end");

/** ST_VerticalJc (§17.18.101). */
const CELL_VERTICAL_ALIGN = { top: "top", center: "center", bottom: "bottom", middle: "center" };

/** A border line (CT_Border, §17.18.2): size in eighths of a point (2 to 96), color hex or auto. */
function borderLine(style: string, size: string, color: string): Record<string, string> {
  return style === "none" || style === "nil"
    ? { val: style, sz: "0", space: "0", color: "auto" }
    : { val: style, sz: size, space: "0", color };
}

const borderSize = (value: unknown, field: string) => String(measure(value, field, 2, 96, "eighths of a point"));

function tableProperties(styles: StyleSheet): Record<string, PropertyParser> {
  return {
    // border_size and border_color go with border_style; alone they restyle the borders the table already has.
    border_style: (value, field, spec) => {
      if (value === null) return [{ child: "tblBorders", remove: true }];
      const line = borderLine(
        oneOf(value, field, BORDER),
        spec.border_size === undefined ? "4" : borderSize(spec.border_size, "style.border_size"),
        spec.border_color === undefined ? "auto" : hexColor(spec.border_color, "style.border_color"),
      );
      return [
        {
          child: "tblBorders",
          edits: [
            ...STRICT_SIDES.map((child): PropertyEdit => ({ child, remove: true })),
            ...TABLE_SIDES.map((child): PropertyEdit => ({ child, set: line })),
          ],
        },
      ];
    },
    border_size: (value, field, spec) => (spec.border_style !== undefined ? [] : restyleBorders({ sz: borderSize(value, field) })),
    border_color: (value, field, spec) => (spec.border_style !== undefined ? [] : restyleBorders({ color: hexColor(value, field) })),
    width: (value, field, spec) => {
      if (value === null) return [{ child: "tblW", remove: true }];
      const type = spec.width_type === undefined ? "dxa" : oneOf(spec.width_type, "style.width_type", named("dxa", "pct", "auto"));
      return [{ child: "tblW", set: { w: widthValue(value, field, type), type } }];
    },
    width_type: (_value, field, spec) => {
      if (spec.width === undefined) throw invalid(field, "goes with width: give both (width_type dxa = twips, pct = percent, auto).");
      return [];
    },
    table_style: (value, field) =>
      value === null
        ? [{ child: "tblStyle", remove: true }]
        : [{ child: "tblStyle", set: { val: existingStyleId(styles, value, field, "table") } }],
    table_alignment: (value, field) =>
      value === null ? [{ child: "jc", remove: true }] : [{ child: "jc", set: { val: oneOf(value, field, TABLE_ALIGNMENT) } }],
  };
}

/** Width in twips (dxa), in percent (written as fiftieths of a percent, §17.18.90), or auto. */
function widthValue(value: unknown, field: string, type: string): string {
  if (type === "pct") return String(Math.round(measure(value, field, 0, 100, "percent", 0.02) * 50));
  return String(measure(value, field, 0, MAX_TWIPS, "twips"));
}

const restyleBorders = (merge: Record<string, string>): PropertyEdit[] => [
  {
    child: "tblBorders",
    onlyIfPresent: true,
    edits: [...TABLE_SIDES, ...STRICT_SIDES].map((child) => ({ child, merge, onlyIfPresent: true })),
  },
];

const CELL_PROPERTIES: Record<string, PropertyParser> = {
  shading: (value, field) =>
    value === null
      ? [{ child: "shd", remove: true }]
      : [{ child: "shd", set: { val: "clear", color: "auto", fill: hexColor(value, field) } }],
  vertical_align: (value, field) =>
    value === null ? [{ child: "vAlign", remove: true }] : [{ child: "vAlign", set: { val: oneOf(value, field, CELL_VERTICAL_ALIGN) } }],
  width: (value, field) =>
    value === null
      ? [{ child: "tcW", remove: true }]
      : [{ child: "tcW", set: { w: String(measure(value, field, 0, MAX_TWIPS, "twips")), type: "dxa" } }],
  borders: (value, field) => {
    if (value === null) return [{ child: "tcBorders", remove: true }];
    if (typeof value !== "object" || Array.isArray(value))
      throw invalid(field, `must be an object like {"top": "single", "bottom": "double"} with sides top, bottom, left, right, or null.`);
    const edits = Object.entries(value as Record<string, unknown>).flatMap(([side, style]): PropertyEdit[] => {
      if (!["top", "bottom", "left", "right"].includes(side))
        throw invalid(`${field}.${side}`, "is not a cell side; allowed: top, bottom, left, right.");
      const strict = side === "left" ? "start" : side === "right" ? "end" : null;
      const drop: PropertyEdit[] = strict ? [{ child: strict, remove: true }] : [];
      return style === null
        ? [{ child: side, remove: true }, ...drop]
        : [{ child: side, set: borderLine(oneOf(style, `${field}.${side}`, BORDER), "4", "auto") }, ...drop];
    });
    return [{ child: "tcBorders", edits }];
  },
};

const ROW_PROPERTIES: Record<string, PropertyParser> = {
  // At least this high, in twips, unless the row already says exact (w:hRule is kept, §17.4.81).
  height: (value, field) =>
    value === null
      ? [{ child: "trHeight", remove: true }]
      : [{ child: "trHeight", merge: { val: String(measure(value, field, 0, MAX_TWIPS, "twips")) } }],
  is_header: onOff("tblHeader"),
  cant_split: onOff("cantSplit"),
};

export interface TableStyleEdits {
  table: PropertyEdit[];
  cell: PropertyEdit[];
  row: PropertyEdit[];
}

/** Validates `style_table`'s three style objects; at least one must be given. Throws before anything changes. */
export function tableStyleEdits(
  specs: { style?: unknown; cell_style?: unknown; row_style?: unknown },
  styles: StyleSheet,
): TableStyleEdits {
  if (specs.style === undefined && specs.cell_style === undefined && specs.row_style === undefined) {
    throw invalid("style", "is missing: give at least one of style (table), cell_style or row_style.");
  }
  return {
    table: specs.style === undefined ? [] : parseStyle(specs.style, "style", tableProperties(styles)),
    cell: specs.cell_style === undefined ? [] : parseStyle(specs.cell_style, "cell_style", CELL_PROPERTIES),
    row: specs.row_style === undefined ? [] : parseStyle(specs.row_style, "row_style", ROW_PROPERTIES),
  };
}
