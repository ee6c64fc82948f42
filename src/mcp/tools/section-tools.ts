import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { ALIGNMENTS, type DocxDocument, HEADER_FOOTER_TYPES, MARGIN_NAMES } from "../../docx/index";
import type { ToolContext } from "../context";
import { runTool, ToolError, toolSuccess } from "../tool-result";
import { editSuccess } from "./edit-result";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const sectionIndex = z.number().int().min(0).optional();
const length = z
  .union([z.string().max(20), z.number().min(0)])
  .describe('A length: "2.5cm", "1in", "20mm", "72pt", or a number of twips (1/1440 inch).');
const dryRun = z.boolean().optional().describe("If true, check and report what would change without changing the document.");
const requestId = z.string().min(1).max(128).optional().describe("Idempotency key: a retry with the same request_id is not applied twice.");
const EDIT = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** Section tools: get_page_setup, set_page_setup, set_header, set_footer. */
export function registerSectionTools(server: McpServer, ctx: ToolContext): void {
  /** Runs an edit as one history entry, or with dry_run only previews it. */
  const change = async <R>(
    tool: string,
    doc_id: string,
    dry_run: boolean | undefined,
    request: { request_id?: string },
    mutate: (doc: DocxDocument) => { result: R; description: string },
  ) => {
    const history = ctx.sessions.history;
    if (dry_run) {
      const preview = await history.preview(doc_id, mutate, { author: ctx.author });
      return editSuccess(
        ctx,
        doc_id,
        { doc_id, dry_run: true, position: preview.position, would_change: preview.changed, ...preview.result },
        `Dry run: ${preview.description}. Nothing was changed.`,
      );
    }
    const outcome = await history.edit(doc_id, { tool, requestId: request.request_id, author: ctx.author, args: request }, mutate);
    return editSuccess(ctx, doc_id, { doc_id, position: outcome.position, changed: outcome.changed, ...outcome.result });
  };

  server.registerTool(
    "get_page_setup",
    {
      title: "Page setup, headers and footers",
      description:
        "List each section's page size (twips and cm), orientation, margins (twips) and first-page setting, and for headers and footers of each type (default, first, even) the part shown, its text, and whether it is inherited from an earlier section.",
      inputSchema: { doc_id: docId, section_index: sectionIndex.describe("Only this section (0-based); omit for all.") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, section_index }) =>
      runTool(ctx, "get_page_setup", "read", async () => {
        const sections = await ctx.sessions.history.read(doc_id, (doc) => doc.sectionLayouts());
        const chosen = section_index === undefined ? sections : sections.filter((s) => s.section === section_index);
        if (section_index !== undefined && chosen.length === 0) {
          throw new ToolError({
            kind: "invalid_argument",
            field: "section_index",
            message: `Section ${section_index} does not exist: the document has ${sections.length} section${sections.length === 1 ? "" : "s"} (0-${sections.length - 1}).`,
          });
        }
        return toolSuccess({ doc_id, total: sections.length, sections: chosen });
      }),
  );

  server.registerTool(
    "set_page_setup",
    {
      title: "Set page size, orientation and margins",
      description:
        "Change the paper size (A4, Letter, ... or width/height), orientation (landscape swaps width and height) and margins of one section, or of every section when section_index is omitted. Lengths accept cm, mm, in, pt or twips.",
      inputSchema: {
        doc_id: docId,
        section_index: sectionIndex.describe("Section to change (0-based); omit to change every section."),
        page_size: z.string().max(20).optional().describe("A3, A4, A5, Letter, Legal or Tabloid."),
        width: length.optional(),
        height: length.optional(),
        orientation: z.enum(["portrait", "landscape"]).optional(),
        margins: z
          .object(Object.fromEntries(MARGIN_NAMES.map((m) => [m, length.optional()])))
          .strict()
          .optional()
          .describe(`Margins to set: ${MARGIN_NAMES.join(", ")}.`),
        dry_run: dryRun,
        request_id: requestId,
      },
      annotations: EDIT,
    },
    async (args) => {
      const { doc_id, section_index, page_size, width, height, orientation, margins, dry_run } = args;
      return runTool(ctx, "set_page_setup", "write", async () =>
        change("set_page_setup", doc_id, dry_run, args, (doc) => {
          const sections = doc.setPageSetup(section_index, {
            size: page_size,
            width,
            height,
            orientation,
            margins: margins as Record<string, string | number> | undefined,
          });
          const which = section_index === undefined ? "every section" : `section ${section_index}`;
          return {
            result: { sections },
            description: `page setup of ${which}${page_size ? `: ${page_size}` : ""}${orientation ? ` ${orientation}` : ""}${margins ? ", margins" : ""}`,
          };
        }),
      );
    },
  );

  for (const kind of ["header", "footer"] as const) {
    server.registerTool(
      `set_${kind}`,
      {
        title: `Set a section's ${kind}`,
        description:
          `Set the text of a section's ${kind}: each line of text is a paragraph; {PAGE}, {NUMPAGES} and {SECTIONPAGES} become page number fields (e.g. "Page {PAGE} of {NUMPAGES}"). ` +
          `type "first" is the first page's ${kind} (turns on a different first page), "even" the even pages' (turns on different odd and even pages). ` +
          `A section without its own ${kind} of that type gets a new one; later sections without their own keep showing it (see get_page_setup). ` +
          `When the document tracks changes, the old text stays as a tracked deletion and the new text is a tracked insertion.`,
        inputSchema: {
          doc_id: docId,
          text: z.string().max(10_000).describe("The text; newlines separate paragraphs."),
          type: z.enum(HEADER_FOOTER_TYPES).optional().describe("default (all pages, the default), first or even."),
          section_index: sectionIndex.describe("Section (0-based, default 0)."),
          alignment: z.enum(ALIGNMENTS).optional().describe("left, center or right; omit to keep the existing paragraph's properties."),
          dry_run: dryRun,
          request_id: requestId,
        },
        annotations: EDIT,
      },
      async (args) => {
        const { doc_id, text, type = "default", section_index = 0, alignment, dry_run } = args;
        return runTool(ctx, `set_${kind}`, "write", async () =>
          change(`set_${kind}`, doc_id, dry_run, args, (doc) => {
            const result = doc.setHeaderFooter({ kind, type, section: section_index, lines: text.split(/\r?\n/), alignment });
            return {
              result: { ...result },
              description: `${type} ${kind} of section ${section_index}${result.created ? " (new)" : ""}: ${text.slice(0, 60)}`,
            };
          }),
        );
      },
    );
  }
}
