/**
 * Element values (add_element, replace_element, apply_patch) and style objects (style tools) as typed schemas: every
 * property the engine accepts, nothing else (unknown properties are refused, never dropped). Values such as colours
 * and lengths are checked by the engine, whose errors name the field and what is allowed.
 */
import { z } from "zod";

const onOff = z.boolean().nullable();
const text = z.string();
const twips = z.number();
const color = z.string();

/** Run formatting, as element values and style_element take it (null removes a property in style_element). */
export const runStyle = z
  .strictObject({
    bold: onOff.optional(),
    italic: onOff.optional(),
    strike: onOff.optional(),
    underline: z.union([z.boolean(), z.string()]).nullable().optional(),
    font_size: z.number().nullable().optional(),
    font_name: z.string().nullable().optional(),
    color: color.nullable().optional(),
    highlight: z.string().nullable().optional(),
    vertical_align: z.string().nullable().optional(),
    rtl: onOff.optional(),
    style: z.string().nullable().optional(),
  })
  .meta({ id: "run_style" });

/** Paragraph formatting for style_paragraph (null removes a property). */
export const paragraphStyle = z
  .strictObject({
    alignment: z.string().nullable().optional(),
    style: z.string().nullable().optional(),
    spacing_before: twips.nullable().optional(),
    spacing_after: twips.nullable().optional(),
    line_spacing: twips.nullable().optional(),
    line_spacing_multiple: z.number().nullable().optional(),
    indent_left: twips.nullable().optional(),
    indent_right: twips.nullable().optional(),
    indent_first_line: twips.nullable().optional(),
    indent_hanging: twips.nullable().optional(),
    shading: color.nullable().optional(),
    keep_with_next: onOff.optional(),
    keep_lines: onOff.optional(),
    page_break_before: onOff.optional(),
    bidi: onOff.optional(),
  })
  .meta({ id: "paragraph_style" });

const borderStyle = z.string().nullable();

export const tableStyle = z.strictObject({
  border_style: borderStyle.optional(),
  border_size: z.number().optional(),
  border_color: color.optional(),
  width: z.number().optional(),
  width_type: z.enum(["dxa", "pct", "auto"]).optional(),
  table_style: z.string().optional(),
  table_alignment: z.string().optional(),
});

const cellBorders = z
  .strictObject({
    top: borderStyle.optional(),
    bottom: borderStyle.optional(),
    left: borderStyle.optional(),
    right: borderStyle.optional(),
  })
  .meta({ id: "cell_borders" });

export const cellStyle = z.strictObject({
  shading: color.nullable().optional(),
  vertical_align: z.string().nullable().optional(),
  width: z.number().nullable().optional(),
  borders: cellBorders.nullable().optional(),
});

export const rowStyle = z.strictObject({
  height: z.number().nullable().optional(),
  is_header: onOff.optional(),
  cant_split: onOff.optional(),
});

/** A paragraph's `style`: its paragraph style name, or run formatting for its text. */
const styleOrRuns = z.union([z.string(), runStyle]).meta({ id: "style_or_run_style" });

const tabStop = z.strictObject({ position: z.number(), alignment: z.string().optional(), leader: z.string().optional() });

/** Paragraph properties inside an element value. */
const paragraphProperties = z
  .strictObject({
    style: z.string().optional(),
    alignment: z.string().optional(),
    keep_next: z.boolean().optional(),
    keep_lines: z.boolean().optional(),
    page_break_before: z.boolean().optional(),
    bidi: z.boolean().optional(),
    tabs: z.array(tabStop).optional(),
    spacing_before: twips.optional(),
    spacing_after: twips.optional(),
    line_spacing: twips.optional(),
    indent_left: twips.optional(),
    indent_right: twips.optional(),
    indent_first_line: twips.optional(),
    indent_hanging: twips.optional(),
  })
  .meta({ id: "paragraph_properties" });

const run = z
  .strictObject({
    text: text.optional(),
    style: runStyle.optional(),
    tab: z.boolean().optional(),
    break: z.enum(["line", "page", "column"]).optional(),
    url: z.string().optional(),
    anchor: z.string().optional(),
  })
  .meta({ id: "run" });
const runs = z.array(run).meta({ id: "runs" });

/** `style` of a paragraph is its paragraph style name, or run formatting for its `text`. */
const paragraphFields = {
  text: text.optional(),
  runs: runs.optional(),
  style: styleOrRuns.optional(),
  properties: paragraphProperties.optional(),
};

const paragraph = z.strictObject({ type: z.literal("paragraph"), ...paragraphFields });
const heading = z.strictObject({ type: z.literal("heading"), level: z.number().optional(), ...paragraphFields });

const cellParagraph = z
  .strictObject({
    type: z.enum(["paragraph", "heading"]).optional(),
    level: z.number().optional(),
    ...paragraphFields,
  })
  .meta({ id: "cell_paragraph" });

const cellFields = {
  text: text.optional(),
  runs: runs.optional(),
  paragraphs: z.array(cellParagraph).optional(),
  style: styleOrRuns.optional(),
  width: z.number().optional(),
  col_span: z.number().optional(),
  row_span: z.enum(["restart", "continue"]).optional(),
  borders: cellBorders.optional(),
  shading: color.optional(),
  vertical_align: z.string().optional(),
};
/** A cell inside a row or table value: its text, or an object. */
const cellValue = z.union([text, z.strictObject(cellFields)]).meta({ id: "cell_value" });
const cell = z.strictObject({ type: z.literal("cell"), ...cellFields });
const row = z.strictObject({
  type: z.literal("row"),
  cells: z.array(cellValue),
  height: z.number().optional(),
  is_header: z.boolean().optional(),
});
const table = z.strictObject({
  type: z.literal("table"),
  headers: z.array(cellValue).optional(),
  rows: z.array(z.array(cellValue)).optional(),
  columns: z
    .array(z.union([z.number(), z.strictObject({ width: z.number() })]))

    .optional(),
  table_style: z.string().optional(),
  width: z.number().optional(),
  width_type: z.enum(["dxa", "pct", "auto"]).optional(),
  table_alignment: z.string().optional(),
  border_style: z.string().optional(),
  border_size: z.number().optional(),
});

type ListItem =
  | string
  | { text?: string; runs?: z.infer<typeof runs>; style?: string | z.infer<typeof runStyle>; level?: number; items?: ListItem[] };
const listItem: z.ZodType<ListItem> = z
  .lazy(() =>
    z.union([
      text,
      z.strictObject({
        text: text.optional(),
        runs: runs.optional(),
        style: styleOrRuns.optional(),
        level: z.number().optional(),
        items: z.array(listItem).optional(),
      }),
    ]),
  )
  .meta({ id: "list_item" });
const list = z.strictObject({
  type: z.literal("list"),
  items: z.array(listItem),
  ordered: z.boolean().optional(),
  start: z.number().optional(),
});
const image = z.strictObject({
  type: z.literal("image"),
  data: z.string().optional(),
  file: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  unit: z.enum(["px", "cm"]).optional(),
  alt: z.string().optional(),
  properties: paragraphProperties.optional(),
});
const hyperlink = z.strictObject({
  type: z.literal("hyperlink"),
  text: text.optional(),
  url: z.string().optional(),
  anchor: z.string().optional(),
  style: styleOrRuns.optional(),
  properties: paragraphProperties.optional(),
});
const pageBreak = z.strictObject({ type: z.literal("page_break") });
const sectionBreak = z.strictObject({ type: z.literal("section_break"), break_type: z.string().optional() });
const footnote = z.strictObject({
  type: z.literal("footnote"),
  text: text.optional(),
  runs: runs.optional(),
  style: styleOrRuns.optional(),
});

/** An element value, discriminated by `type`; see ELEMENT_GRAMMAR. */
export const elementValue = z
  .discriminatedUnion("type", [paragraph, heading, table, row, cell, list, image, hyperlink, pageBreak, sectionBreak, footnote])
  .meta({ id: "element_value" });
