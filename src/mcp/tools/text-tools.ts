import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { DocxDocument } from "../../docx/index";
import type { ToolContext } from "../context";
import { runTool } from "../tool-result";
import { editSuccess } from "./edit-result";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const requestId = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe("Idempotency key: a retry with the same request_id returns the first result instead of editing twice.");
const dryRun = z.boolean().optional().describe("If true, report what would change without changing the document.");
const matchCase = z.boolean().optional().describe("Match upper/lower case exactly (default true).");
const anyQuotes = z
  .boolean()
  .optional()
  .describe('Let straight quotes and apostrophes match typographic ones, so it\'s finds it’s and "x" finds “x” (default false).');

/** Text tools: replace_text, insert_text. */
export function registerTextTools(server: McpServer, ctx: ToolContext): void {
  /** Runs an edit as one history entry, or previews it (run, then undone, nothing written) when it is a dry run. */
  const edit = async <R>(
    doc_id: string,
    tool: string,
    request: { request_id?: string },
    dry: boolean,
    mutate: (doc: DocxDocument) => { result: R; description: string },
  ) =>
    dry
      ? ctx.sessions.history.preview(doc_id, mutate, { author: ctx.author })
      : ctx.sessions.history.edit(doc_id, { tool, requestId: request.request_id, author: ctx.author, args: request }, mutate);

  server.registerTool(
    "replace_text",
    {
      title: "Find and replace text",
      description:
        "Find and replace text while keeping all formatting. Matches may span formatting runs and hyperlinks (not paragraphs); each untouched character keeps its formatting and the replacement takes the formatting of the first character it replaces; across adjacent hyperlinks each link keeps its own part. " +
        "A match that would cut through a field (page numbers, dates), an equation, an image or a footnote reference is skipped and listed under skipped with the reason, never applied. " +
        "path is the scope: /body (default), /body/paragraph[id='1A2B3C4D'], /body/table[0], /body/table[0]/row[1]/cell[2], /body/paragraph[3]/textbox[0]/paragraph[1] (one text-box paragraph), /header[0], /footer[type=default], /footnote[0]. A paragraph's search includes the text boxes it anchors. " +
        "max_count: 1 (default) replaces the first match only, N up to N in document order, 0 only counts; one call replaces at most 10,000 (more is refused, nothing changed: narrow the path). An empty replace deletes the matches. " +
        "Returns matches_found, replacements_made, the ids and paths of the changed paragraphs, and short context snippets of the first replaced and skipped matches. When the document tracks changes, the edit is written as tracked deletions and insertions.",
      inputSchema: {
        doc_id: docId,
        path: z
          .string()
          .min(1)
          .max(1000)
          .optional()
          .describe("Where to search: a paragraph, table, cell, /body (default), a header, footer or note."),
        find: z.string().min(1).max(10_000).describe("Text to find (case-sensitive unless match_case is false)."),
        replace: z.string().max(100_000).describe("Replacement text; \\t and \\n become a tab and a line break. Empty deletes the match."),
        max_count: z.number().int().min(0).max(1_000_000).optional().describe("Maximum number of replacements (default 1; 0 only counts)."),
        match_case: matchCase,
        any_quotes: anyQuotes,
        dry_run: dryRun,
        request_id: requestId,
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    async (args) => {
      const { doc_id, path = "/body", find, replace, max_count = 1, match_case = true, any_quotes = false, dry_run = false } = args;
      return runTool(ctx, "replace_text", "write", async () => {
        const outcome = await edit(doc_id, "replace_text", args, dry_run, (doc) => {
          const r = doc.replaceText(path, { find, replace, maxCount: max_count, matchCase: match_case, anyQuotes: any_quotes });
          return {
            result: r,
            description: `replace "${find.slice(0, 40)}" with "${replace.slice(0, 40)}" in ${path}: ${r.replacementsMade} of ${r.matchesFound}`,
          };
        });
        const r = outcome.result;
        const text =
          r.matchesFound === 0
            ? `No match for "${find}" in ${path}${match_case ? " (matching case)" : ""}: nothing changed.`
            : `${dry_run ? "Would replace" : "Replaced"} ${r.replacementsMade} of ${r.matchesFound} match(es) in ${r.paragraphs.length} paragraph(s).` +
              (r.skippedCount
                ? ` Skipped ${r.skippedCount} that would cut through a field, equation, image or note reference, e.g. ${r.skipped[0].path}: ${r.skipped[0].reason}.`
                : "");
        return editSuccess(
          ctx,
          doc_id,
          {
            doc_id,
            position: outcome.position,
            dry_run,
            path,
            matches_found: r.matchesFound,
            replacements_made: r.replacementsMade,
            paragraphs: r.paragraphs,
            examples: r.examples,
            ...(r.skippedCount ? { skipped_count: r.skippedCount, skipped: r.skipped } : {}),
          },
          text,
        );
      });
    },
  );

  server.registerTool(
    "insert_text",
    {
      title: "Insert text into a paragraph",
      description:
        "Insert text into one paragraph without disturbing its formatting: at a character offset of its text (0 = start), or right after / right before the first occurrence of some text. " +
        "The inserted text takes the formatting of the neighbouring character (the one before; for `before`, the first matched character). Give exactly one of offset, after, before. " +
        "Tracked as an insertion when the document tracks changes.",
      inputSchema: {
        doc_id: docId,
        path: z
          .string()
          .min(1)
          .max(1000)
          .describe(
            "Path selecting exactly one paragraph, e.g. /body/paragraph[id='1A2B3C4D'] or, inside a text box, /body/paragraph[3]/textbox[0]/paragraph[1].",
          ),
        text: z.string().min(1).max(100_000).describe("Text to insert; \\t and \\n become a tab and a line break."),
        offset: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("Character offset in the paragraph's text (as query returns it); an emoji counts as one character."),
        after: z.string().min(1).max(10_000).optional().describe("Insert right after the first occurrence of this text."),
        before: z.string().min(1).max(10_000).optional().describe("Insert right before the first occurrence of this text."),
        match_case: matchCase,
        any_quotes: anyQuotes,
        dry_run: dryRun,
        request_id: requestId,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async (args) => {
      const { doc_id, path, text, offset, after, before, match_case = true, any_quotes = false, dry_run = false } = args;
      return runTool(ctx, "insert_text", "write", async () => {
        const outcome = await edit(doc_id, "insert_text", args, dry_run, (doc) => {
          const r = doc.insertText(path, { text, offset, after, before, matchCase: match_case, anyQuotes: any_quotes });
          return { result: r, description: `insert "${text.slice(0, 40)}" into ${r.path} at ${r.offset}` };
        });
        const r = outcome.result;
        return editSuccess(
          ctx,
          doc_id,
          { doc_id, position: outcome.position, dry_run, ...r },
          `${dry_run ? "Would insert" : "Inserted"} ${text.length} character(s) into ${r.path} at offset ${r.offset}. Paragraph text: ${r.text}`,
        );
      });
    },
  );
}
