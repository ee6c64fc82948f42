/**
 * Element values (add_element, replace_element, apply_patch) and style objects (style tools) as typed schemas: every
 * property the engine accepts, nothing else (unknown properties are refused, never dropped). Values such as colours
 * and lengths are checked by the engine, whose errors name the field and what is allowed.
 */
import { z } from "zod";

const onOff = z.boolean().nullable();
const text = z.string().max(100_000);
const twips = z.number();
const color = z.string().max(20);

/** Run formatting, as element values and style_element take it (null removes a property in style_element). */
export const runStyle = z
  .strictObject({
    bold: onOff.optional(),
    italic: onOff.optional(),
    strike: onOff.optional(),
    underline: z
      .union([z.boolean(), z.string().max(20)])
      .nullable()
      .optional(),
    font_size: z.number().nullable().optional(),
    font_name: z.string().max(100).nullable().optional(),
    color: color.nullable().optional(),
    highlight: z.string().max(20).nullable().optional(),
    vertical_align: z.string().max(20).nullable().optional(),
    rtl: onOff.optional(),
    style: z.string().max(200).nullable().optional(),
  })
  .describe(
    "Run formatting: bold, italic, strike, underline, font_size (pt), font_name, color (hex), highlight, vertical_align, rtl, style (character style).",
  );

/** Paragraph formatting for style_paragraph (null removes a property). */
export const paragraphStyle = z
  .strictObject({
    alignment: z.string().max(20).nullable().optional(),
    style: z.string().max(200).nullable().optional(),
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
  .describe("Paragraph formatting; lengths in twips (240 = 12 pt).");

const borderStyle = z.string().max(30).nullable();

export const tableStyle = z
  .strictObject({
    border_style: borderStyle.optional(),
    border_size: z.number().optional(),
    border_color: color.optional(),
    width: z.number().optional(),
    width_type: z.enum(["dxa", "pct", "auto"]).optional(),
    table_style: z.string().max(200).optional(),
    table_alignment: z.string().max(20).optional(),
  })
  .describe("Table formatting: borders, width, table_style, table_alignment.");

const cellBorders = z.strictObject({
  top: borderStyle.optional(),
  bottom: borderStyle.optional(),
  left: borderStyle.optional(),
  right: borderStyle.optional(),
});

export const cellStyle = z
  .strictObject({
    shading: color.nullable().optional(),
    vertical_align: z.string().max(20).nullable().optional(),
    width: z.number().nullable().optional(),
    borders: cellBorders.nullable().optional(),
  })
  .describe("Cell formatting: shading, vertical_align, width (twips), borders by side.");

export const rowStyle = z
  .strictObject({ height: z.number().nullable().optional(), is_header: onOff.optional(), cant_split: onOff.optional() })
  .describe("Row formatting: height (twips), is_header, cant_split.");

const tabStop = z.strictObject({ position: z.number(), alignment: z.string().max(20).optional(), leader: z.string().max(20).optional() });

/** Paragraph properties inside an element value. */
const paragraphProperties = z.strictObject({
  style: z.string().max(200).optional(),
  alignment: z.string().max(20).optional(),
  keep_next: z.boolean().optional(),
  keep_lines: z.boolean().optional(),
  page_break_before: z.boolean().optional(),
  bidi: z.boolean().optional(),
  tabs: z.array(tabStop).max(64).optional(),
  spacing_before: twips.optional(),
  spacing_after: twips.optional(),
  line_spacing: twips.optional(),
  indent_left: twips.optional(),
  indent_right: twips.optional(),
  indent_first_line: twips.optional(),
  indent_hanging: twips.optional(),
});

const run = z.strictObject({
  text: text.optional(),
  style: runStyle.optional(),
  tab: z.boolean().optional(),
  break: z.enum(["line", "page", "column"]).optional(),
  url: z.string().max(2000).optional(),
  anchor: z.string().max(200).optional(),
});
const runs = z.array(run).max(10_000);

/** `style` of a paragraph is its paragraph style name, or run formatting for its `text`. */
const paragraphFields = {
  text: text.optional(),
  runs: runs.optional(),
  style: z.union([z.string().max(200), runStyle]).optional(),
  properties: paragraphProperties.optional(),
};

const paragraph = z.strictObject({ type: z.literal("paragraph"), ...paragraphFields });
const heading = z.strictObject({ type: z.literal("heading"), level: z.number().int().optional(), ...paragraphFields });

const cellParagraph = z.strictObject({
  type: z.enum(["paragraph", "heading"]).optional(),
  level: z.number().int().optional(),
  ...paragraphFields,
});

const cellFields = {
  text: text.optional(),
  runs: runs.optional(),
  paragraphs: z.array(cellParagraph).max(1000).optional(),
  style: z.union([z.string().max(200), runStyle]).optional(),
  width: z.number().optional(),
  col_span: z.number().int().optional(),
  row_span: z.enum(["restart", "continue"]).optional(),
  borders: cellBorders.optional(),
  shading: color.optional(),
  vertical_align: z.string().max(20).optional(),
};
/** A cell inside a row or table value: its text, or an object. */
const cellValue = z.union([text, z.strictObject(cellFields)]);
const cell = z.strictObject({ type: z.literal("cell"), ...cellFields });
const row = z.strictObject({
  type: z.literal("row"),
  cells: z.array(cellValue).max(63),
  height: z.number().optional(),
  is_header: z.boolean().optional(),
});
const table = z.strictObject({
  type: z.literal("table"),
  headers: z.array(cellValue).max(63).optional(),
  rows: z.array(z.array(cellValue).max(63)).max(2000).optional(),
  columns: z
    .array(z.union([z.number(), z.strictObject({ width: z.number() })]))
    .max(63)
    .optional(),
  table_style: z.string().max(200).optional(),
  width: z.number().optional(),
  width_type: z.enum(["dxa", "pct", "auto"]).optional(),
  table_alignment: z.string().max(20).optional(),
  border_style: z.string().max(30).optional(),
  border_size: z.number().optional(),
});

type ListItem =
  | string
  | { text?: string; runs?: z.infer<typeof runs>; style?: string | z.infer<typeof runStyle>; level?: number; items?: ListItem[] };
const listItem: z.ZodType<ListItem> = z.lazy(() =>
  z.union([
    text,
    z.strictObject({
      text: text.optional(),
      runs: runs.optional(),
      style: z.union([z.string().max(200), runStyle]).optional(),
      level: z.number().int().optional(),
      items: z.array(listItem).max(10_000).optional(),
    }),
  ]),
);
const list = z.strictObject({
  type: z.literal("list"),
  items: z.array(listItem).max(10_000),
  ordered: z.boolean().optional(),
  start: z.number().int().optional(),
});
const image = z.strictObject({
  type: z.literal("image"),
  data: z.string().optional().describe("Base64 PNG, JPEG or GIF."),
  file: z.string().max(255).optional().describe("A picture in your library, instead of data."),
  width: z.number().optional(),
  height: z.number().optional(),
  unit: z.enum(["px", "cm"]).optional(),
  alt: z.string().max(2000).optional(),
  properties: paragraphProperties.optional(),
});
const hyperlink = z.strictObject({
  type: z.literal("hyperlink"),
  text: text.optional(),
  url: z.string().max(2000).optional(),
  anchor: z.string().max(200).optional(),
  style: z.union([z.string().max(200), runStyle]).optional(),
  properties: paragraphProperties.optional(),
});
const pageBreak = z.strictObject({ type: z.literal("page_break") });
const sectionBreak = z.strictObject({ type: z.literal("section_break"), break_type: z.string().max(20).optional() });
const footnote = z.strictObject({
  type: z.literal("footnote"),
  text: text.optional(),
  runs: runs.optional(),
  style: z.union([z.string().max(200), runStyle]).optional(),
});

/** An element value, discriminated by `type`; see ELEMENT_GRAMMAR. */
export const elementValue = z.discriminatedUnion("type", [
  paragraph,
  heading,
  table,
  row,
  cell,
  list,
  image,
  hyperlink,
  pageBreak,
  sectionBreak,
  footnote,
]);
