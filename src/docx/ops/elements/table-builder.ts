/** Table-family element values (§17.4.38 w:tbl, §17.4.79 w:tr, §17.4.66 w:tc): table, row, cell. */
import { firstChild, getAttribute, type XmlElement } from "../../xml/index.js";
import { type BuildContext, wEl } from "./build-context.js";
import { buildHeading, buildParagraph, paragraph, paragraphRuns } from "./paragraph-builder.js";
import { runProperties, textRun } from "./run-builder.js";
import {
  describe,
  invalid,
  isObject,
  type JsonObject,
  objectAt,
  onlyKnown,
  optionalArray,
  optionalColor,
  optionalEnum,
  optionalNumber,
  optionalString,
} from "./value-fields.js";

const BORDERS = {
  single: "single",
  double: "double",
  dashed: "dashed",
  dotted: "dotted",
  none: "nil",
  nil: "nil",
  thick: "thick",
  thin_thick_small_gap: "thinThickSmallGap",
} as const;
type BorderName = keyof typeof BORDERS;
const MAX_ROWS = 2_000;
const MAX_COLUMNS = 63; // Word's limit on grid columns
const TWIPS = 31_680;

const TABLE_KEYS = [
  "type",
  "headers",
  "rows",
  "columns",
  "table_style",
  "width",
  "width_type",
  "table_alignment",
  "border_style",
  "border_size",
];
const ROW_KEYS = ["type", "cells", "height", "is_header"];
const CELL_KEYS = ["type", "text", "runs", "paragraphs", "style", "width", "col_span", "row_span", "borders", "shading", "vertical_align"];

export function buildTable(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  onlyKnown(v, field, "a table value", TABLE_KEYS);
  const headers = optionalArray(v, "headers", field, MAX_COLUMNS);
  const rows = optionalArray(v, "rows", field, MAX_ROWS) ?? [];
  if (!headers && rows.length === 0)
    throw invalid(field, 'a table needs "headers" or "rows", e.g. {"type":"table","headers":["Name","Age"],"rows":[["Ann","30"]]}.');
  const trs: XmlElement[] = [];
  if (headers) trs.push(row(ctx, headers, `${field}.headers`, { header: true }));
  rows.forEach((r, i) => {
    const f = `${field}.rows[${i}]`;
    if (Array.isArray(r)) trs.push(row(ctx, r, f, {}));
    else if (isObject(r)) trs.push(buildRow(ctx, r, f));
    else throw invalid(f, `must be an array of cells or a row object {"cells": [...]}, got ${describe(r)}.`);
  });
  const widths = gridWidths(ctx, v, field, trs);
  return wEl(ctx, "tbl", {}, [
    tableProperties(ctx, v, field),
    wEl(
      ctx,
      "tblGrid",
      {},
      widths.map((w) => wEl(ctx, "gridCol", { w })),
    ),
    ...trs,
  ]);
}

export function buildRow(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  onlyKnown(v, field, "a row value", ROW_KEYS);
  const cells = optionalArray(v, "cells", field, MAX_COLUMNS);
  if (!cells || cells.length === 0)
    throw invalid(`${field}.cells`, 'is required: a row needs at least one cell, e.g. {"type":"row","cells":["a","b"]}.');
  const height = optionalNumber(v, "height", field, 1, TWIPS);
  return row(ctx, cells, `${field}.cells`, { header: v.is_header === true, height });
}

function row(ctx: BuildContext, cells: unknown[], field: string, opts: { header?: boolean; height?: number }): XmlElement {
  if (cells.length === 0) throw invalid(field, "a row needs at least one cell.");
  const trPr: XmlElement[] = [];
  if (opts.height !== undefined) trPr.push(wEl(ctx, "trHeight", { val: opts.height }));
  if (opts.header) trPr.push(wEl(ctx, "tblHeader"));
  const tcs = cells.map((c, i) => buildCell(ctx, c, `${field}[${i}]`, opts.header ?? false));
  return wEl(ctx, "tr", {}, [...(trPr.length ? [wEl(ctx, "trPr", {}, trPr)] : []), ...tcs]);
}

/** A cell from a string, or {text | runs | paragraphs, style, width, vertical_align, shading, col_span, row_span, borders}. */
export function buildCell(ctx: BuildContext, value: unknown, field: string, header = false): XmlElement {
  const bold = header ? wEl(ctx, "rPr", {}, [wEl(ctx, "b")]) : null;
  if (typeof value === "string" || typeof value === "number")
    return wEl(ctx, "tc", {}, [paragraph(ctx, null, String(value) === "" ? [] : [textRun(ctx, String(value), bold)])]);
  const v = objectAt(value, field);
  onlyKnown(v, field, "a cell value", CELL_KEYS);
  const tcPr: XmlElement[] = [];
  // Children in CT_TcPr order (§17.4.70).
  const width = optionalNumber(v, "width", field, 0, TWIPS);
  if (width !== undefined) tcPr.push(wEl(ctx, "tcW", { w: width, type: "dxa" }));
  const span = optionalNumber(v, "col_span", field, 1, MAX_COLUMNS);
  if (span !== undefined && span > 1) tcPr.push(wEl(ctx, "gridSpan", { val: span }));
  const merge = optionalEnum(v, "row_span", field, ["restart", "continue"] as const);
  if (merge) tcPr.push(merge === "restart" ? wEl(ctx, "vMerge", { val: "restart" }) : wEl(ctx, "vMerge"));
  if (v.borders !== undefined) {
    const b = objectAt(v.borders, `${field}.borders`);
    onlyKnown(b, `${field}.borders`, "cell borders", ["top", "left", "bottom", "right"]);
    const sides = (["top", "left", "bottom", "right"] as const).filter((s) => b[s] !== undefined);
    tcPr.push(
      wEl(
        ctx,
        "tcBorders",
        {},
        sides.map((s) => border(ctx, s, borderName(b, s, `${field}.borders`), 4)),
      ),
    );
  }
  const shading = optionalColor(v, "shading", field);
  if (shading) tcPr.push(wEl(ctx, "shd", { val: "clear", color: "auto", fill: shading }));
  const va = optionalEnum(v, "vertical_align", field, ["top", "center", "bottom"] as const);
  if (va) tcPr.push(wEl(ctx, "vAlign", { val: va }));
  return wEl(ctx, "tc", {}, [...(tcPr.length ? [wEl(ctx, "tcPr", {}, tcPr)] : []), ...cellContent(ctx, v, field, bold)]);
}

function cellContent(ctx: BuildContext, v: JsonObject, field: string, bold: XmlElement | null): XmlElement[] {
  const paragraphs = optionalArray(v, "paragraphs", field, 1_000);
  if (paragraphs) {
    if (paragraphs.length === 0) throw invalid(`${field}.paragraphs`, "must hold at least one paragraph (a cell ends with a paragraph).");
    return paragraphs.map((p, i) => {
      const f = `${field}.paragraphs[${i}]`;
      if (typeof p === "string") return paragraph(ctx, null, p === "" ? [] : [textRun(ctx, p)]);
      const o = objectAt(p, f);
      const type = optionalString(o, "type", f) ?? "paragraph";
      if (type === "heading") return buildHeading(ctx, o, f);
      if (type !== "paragraph") throw invalid(`${f}.type`, `"${type}" cannot be a cell paragraph; use "paragraph" or "heading".`);
      return buildParagraph(ctx, o, f);
    });
  }
  if (v.runs !== undefined) return [paragraph(ctx, null, paragraphRuns(ctx, { runs: v.runs }, field))];
  const text = optionalString(v, "text", field) ?? "";
  const rPr = v.style !== undefined ? runProperties(ctx, v.style, `${field}.style`) : bold;
  return [paragraph(ctx, null, text === "" ? [] : [textRun(ctx, text, rPr)])];
}

function tableProperties(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  const kids: XmlElement[] = [];
  // Children in CT_TblPr order (§17.4.60).
  const style = optionalString(v, "table_style", field);
  if (style) {
    const id = ctx.doc.styles.resolveStyleId(style);
    if (ctx.doc.styles.get(id)?.type !== "table") {
      const known = ctx.doc.styles
        .all()
        .filter((s) => s.type === "table")
        .map((s) => s.styleId);
      throw invalid(`${field}.table_style`, `the document has no table style "${style}"; it has ${known.join(", ") || "none"}.`);
    }
    kids.push(wEl(ctx, "tblStyle", { val: id }));
  }
  const width = optionalNumber(v, "width", field, 0, TWIPS);
  const widthType = optionalEnum(v, "width_type", field, ["dxa", "pct", "auto"] as const) ?? "dxa";
  kids.push(
    width !== undefined
      ? wEl(ctx, "tblW", { w: widthType === "pct" ? width * 50 : width, type: widthType })
      : wEl(ctx, "tblW", { w: 0, type: "auto" }),
  );
  const align = optionalEnum(v, "table_alignment", field, ["left", "center", "right"] as const);
  if (align) kids.push(wEl(ctx, "jc", { val: align }));
  const borderStyle = v.border_style !== undefined ? borderName(v, "border_style", field) : style ? null : "single";
  if (borderStyle) {
    const size = optionalNumber(v, "border_size", field, 2, 96) ?? 4;
    kids.push(
      wEl(
        ctx,
        "tblBorders",
        {},
        (["top", "left", "bottom", "right", "insideH", "insideV"] as const).map((s) => border(ctx, s, borderStyle, size)),
      ),
    );
  }
  return wEl(ctx, "tblPr", {}, kids);
}

function borderName(o: JsonObject, key: string, field: string): string {
  const name = optionalEnum(o, key, field, Object.keys(BORDERS) as BorderName[])!;
  return BORDERS[name];
}

function border(ctx: BuildContext, side: string, style: string, size: number): XmlElement {
  return style === "nil" ? wEl(ctx, side, { val: "nil" }) : wEl(ctx, side, { val: style, sz: size, space: 0, color: "auto" });
}

/** Grid column widths in twips: `columns` as given, else the text width shared equally by the widest row. */
function gridWidths(ctx: BuildContext, v: JsonObject, field: string, rows: XmlElement[]): number[] {
  const columns = optionalArray(v, "columns", field, MAX_COLUMNS);
  const count = Math.max(...rows.map((r) => gridCount(ctx, r)));
  if (columns) {
    if (columns.length < count)
      throw invalid(`${field}.columns`, `gives ${columns.length} column widths but the widest row spans ${count} columns.`);
    return columns.map((c, i) => {
      const w = typeof c === "number" ? { width: c } : objectAt(c, `${field}.columns[${i}]`);
      onlyKnown(w, `${field}.columns[${i}]`, "a column", ["width"]);
      const width = optionalNumber(w, "width", `${field}.columns[${i}]`, 1, TWIPS);
      if (width === undefined) throw invalid(`${field}.columns[${i}].width`, "is required (twips, 1440 = 1 inch).");
      return width;
    });
  }
  return new Array(count).fill(Math.floor(textWidth(ctx) / count));
}

function gridCount(ctx: BuildContext, tr: XmlElement): number {
  const w = ctx.prefixes.w;
  let n = 0;
  for (const tc of tr.children) {
    if (tc.type !== "element" || tc.name !== w + "tc") continue;
    const tcPr = firstChild(tc, w + "tcPr");
    const span = tcPr ? firstChild(tcPr, w + "gridSpan") : undefined;
    n += span ? Number(getAttribute(span, w + "val")) : 1;
  }
  return n;
}

/** Page width minus margins of the last section, in twips (Letter with 1" margins when unknown). */
function textWidth(ctx: BuildContext): number {
  const w = ctx.prefixes.w;
  const sections = ctx.doc.sections();
  const props = sections[sections.length - 1]?.properties;
  const pgSz = props ? firstChild(props, w + "pgSz") : undefined;
  const pgMar = props ? firstChild(props, w + "pgMar") : undefined;
  const num = (el: XmlElement | undefined, name: string) => (el ? Number(getAttribute(el, w + name)) : NaN);
  const width = num(pgSz, "w") - num(pgMar, "left") - num(pgMar, "right");
  return Number.isFinite(width) && width > 1000 ? width : 9360;
}
