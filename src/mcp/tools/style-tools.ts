import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { DocxDocument, StyleOptions, StyleOutcome } from "../../docx/index";
import type { ToolContext } from "../context";
import { runTool, ToolError } from "../tool-result";
import { editSuccess } from "./edit-result";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const path = z
  .string()
  .min(1)
  .max(1000)
  .optional()
  .describe(
    "Typed path of what to style, e.g. /body/paragraph[3], /body/paragraph[id='1A2B3C4D'], /body/paragraph[*], /body/table[0]/row[*]/cell[0]. Omit to style the whole body.",
  );
const dryRun = z.boolean().optional().describe("Validate and report what would change without changing the document.");
const requestId = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe("Idempotency key: retrying with the same request_id returns the first result instead of styling twice.");
/** docx-mcp took style objects as JSON text; both that and a plain object are accepted. */
const styleObject = (what: string) =>
  z
    .union([z.record(z.string(), z.unknown()), z.string()])
    .describe(`${what} Set a property to apply it, null to remove it; properties not given are left as they are.`);
const optionalStyle = (what: string) => styleObject(what).optional();

const RUN_PROPERTIES =
  "bold, italic, strike (true, false = explicitly off, null = inherit); underline (true or a type: single, double, thick, dotted, dash, wave, words, ...); " +
  'font_size (points, e.g. 11 or 10.5); font_name (e.g. "Arial", all scripts); color (hex "FF0000" or "auto"); ' +
  "highlight (yellow, green, cyan, magenta, blue, red, dark_blue, dark_cyan, dark_green, dark_magenta, dark_red, dark_yellow, dark_gray, light_gray, black, white, none); " +
  "vertical_align (superscript, subscript, baseline); rtl (right-to-left text, true/false).";
const PARAGRAPH_PROPERTIES =
  "alignment (left, center, right, justify); style (paragraph style id or name, must exist in the document); " +
  "spacing_before, spacing_after (twips: 1/20 pt, 240 = 12 pt); line_spacing (exact line height in twips); line_spacing_multiple (1 = single, 1.5, 2 = double); " +
  "indent_left, indent_right, indent_first_line, indent_hanging (twips: 720 = 0.5 in); shading (hex fill); keep_with_next, keep_lines, page_break_before (true/false); bidi (right-to-left paragraph, true/false).";
const TABLE_PROPERTIES =
  "style: border_style (single, double, dashed, dotted, thick, none, ...), border_size (eighths of a point, 2-96, default 4), border_color (hex), " +
  "width (twips, or percent with width_type pct), width_type (dxa, pct, auto), table_style (table style id or name), table_alignment (left, center, right). " +
  "cell_style: shading (hex fill), vertical_align (top, center, bottom), width (twips), borders ({top, bottom, left, right}: border style or null). " +
  "row_style: height (twips, at least), is_header (repeat as header row), cant_split (true/false).";

/** The style object as given, or parsed from JSON text (docx-mcp's form). */
function styleArg(value: unknown, field: string): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new ToolError({
      kind: "invalid_argument",
      field,
      message: `${field} must be a JSON object like {"bold": true}; the text given is not valid JSON.`,
    });
  }
}

const summary = (outcome: StyleOutcome, noun: string) =>
  `${outcome.dry_run ? "Would style" : "Styled"} ${outcome.styled} ${noun} in ${outcome.elements_total} element(s); ${outcome.changed} ${outcome.dry_run ? "would change" : "changed"}${outcome.tracked ? " (as tracked changes)" : ""}.`;

/** Style tools: style_element (runs), style_paragraph, style_table. All merge: only the given properties change. */
export function registerStyleTools(server: McpServer, ctx: ToolContext): void {
  type Specs = { style?: unknown; cell_style?: unknown; row_style?: unknown };
  const register = (
    name: string,
    title: string,
    noun: string,
    description: string,
    schema: Record<string, z.ZodType>,
    apply: (doc: DocxDocument, specs: Specs, options: StyleOptions) => StyleOutcome,
  ) =>
    server.registerTool(
      name,
      {
        title,
        description,
        inputSchema: { doc_id: docId, ...schema, path, dry_run: dryRun, request_id: requestId },
        annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
      },
      async (args: Record<string, unknown>) =>
        runTool(ctx, name, "write", async () => {
          const docIdArg = args.doc_id as string;
          const options = { path: args.path as string | undefined };
          const specs: Specs = {};
          for (const key of ["style", "cell_style", "row_style"] as const)
            if (args[key] !== undefined) specs[key] = styleArg(args[key], key);
          if (args.dry_run) {
            const outcome = await ctx.sessions.history.read(docIdArg, (doc) => apply(doc, specs, { ...options, dryRun: true }));
            return editSuccess(ctx, docIdArg, { doc_id: docIdArg, ...outcome }, summary(outcome, noun));
          }
          const { result, position, changed } = await ctx.sessions.history.edit(
            docIdArg,
            { tool: name, requestId: args.request_id as string | undefined, author: ctx.author, args },
            (doc) => {
              const outcome = apply(doc, specs, options);
              return {
                result: outcome,
                description: `${summary(outcome, noun)}${options.path ? ` Path: ${options.path}` : " Whole document."}`,
              };
            },
          );
          return editSuccess(ctx, docIdArg, { doc_id: docIdArg, position, document_changed: changed, ...result }, summary(result, noun));
        }),
    );

  register(
    "style_element",
    "Format text (runs)",
    "run(s)",
    `Apply character formatting to every run inside the selected elements (a run, a paragraph, a table, a row, a cell, [*] for many), or the whole document when path is omitted. Merge semantics: only the given properties change. Properties: ${RUN_PROPERTIES} When the document tracks changes, the old formatting is kept as a tracked formatting change.`,
    { style: styleObject("Run properties to merge, as a JSON object.") },
    (doc, specs, options) => doc.styleElement(specs.style, options),
  );

  register(
    "style_paragraph",
    "Format paragraphs",
    "paragraph(s)",
    `Apply paragraph formatting to the selected paragraphs (or every paragraph inside selected tables/cells), or to all paragraphs when path is omitted. Merge semantics: only the given properties change. Properties: ${PARAGRAPH_PROPERTIES}`,
    { style: styleObject("Paragraph properties to merge, as a JSON object.") },
    (doc, specs, options) => doc.styleParagraph(specs.style, options),
  );

  register(
    "style_table",
    "Format tables",
    "table part(s)",
    `Apply table, row and cell formatting. A selected table gets style on itself, row_style on its rows and cell_style on its cells; a selected row gets row_style and cell_style; selected cells get cell_style. Omit path for every table. At least one of style, cell_style, row_style. ${TABLE_PROPERTIES}`,
    {
      style: optionalStyle("Table properties to merge."),
      cell_style: optionalStyle("Cell properties to merge into every selected cell."),
      row_style: optionalStyle("Row properties to merge into every selected row."),
    },
    (doc, specs, options) => doc.styleTable(specs, options),
  );
}
