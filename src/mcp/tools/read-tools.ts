import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type DocxDocument, type QueryResult, queryResultText } from "../../docx/index";
import type { ToolContext } from "../context";
import { runTool, ToolError, toolSuccess } from "../tool-result";
import { charOffset, limit, maxChars, offset, pagedReadFields, whole } from "./paging";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const format = z
  .enum(["json", "text", "summary", "markdown"])
  .optional()
  .describe(
    "json (default): elements with ids, styles, runs and formatting; text: plain text with ids; summary: one line per element; markdown: as export writes it (list numbers, tables).",
  );
const pagingInput = { format, offset, limit: limit(500), max_chars: maxChars, char_offset: charOffset };

const PATH_GUIDE =
  "Paths: /body (summary of top-level blocks), /body/paragraph[0], /body/p[-1] (last), /body/heading[level=2], " +
  "/body/paragraph[text~='budget'] (contains, case-insensitive), /body/paragraph[text='Exact text'], /body/paragraph[style='ListBullet'], " +
  "/body/paragraph[id='1A2B3C4D'] (any id from a result, also of paragraphs in cells and text boxes; /body/*[id='…'] for any element), /body/table[0]/row[1]/cell[2]/paragraph[0], /body/paragraph[0]/run[1], " +
  "/body/paragraph[0]/hyperlink[0]/run[0], /body/paragraph[3]/textbox[0]/paragraph[1] (a paragraph in a text box the paragraph anchors), /body/section[0], /header[type=default], /footer[type=first], /footnote[0], /comment[0], /metadata, /styles (paged by style). " +
  "[*] selects all. Results are paged: total, offset, next_offset; an item larger than max_chars continues with char_offset=next_char_offset.";

/** The heading read: of `matched` headings the text or path matched, the first; `others` are the rest's paths (at most 20). */
const headingMatch = z.object({
  path: z.string(),
  id: z.string().nullable(),
  level: whole,
  text: z.string(),
  matched: whole,
  others: z.array(z.string()),
});

/** The text a model reads: a JSON result as compact JSON, a text one as its text and how to continue. */
const readSuccess = (result: QueryResult) => toolSuccess({ ...result }, result.format === "json" ? undefined : queryResultText(result));

/** Read tools: query, count_elements, read_section, read_heading_content. */
export function registerReadTools(server: McpServer, ctx: ToolContext): void {
  const read = <T>(id: string, reader: (doc: DocxDocument) => T) => ctx.sessions.history.read(id, reader);

  server.registerTool(
    "query",
    {
      title: "Read part of a document",
      description: `Read any part of a document by typed path, as JSON, text, a summary or markdown. Start with /body (format summary) or count_elements, then read what you need by index or id. ${PATH_GUIDE}`,
      inputSchema: z.object({
        doc_id: docId,
        path: z.string().min(1).max(1000).describe("Typed path, e.g. /body/heading[level=1] or /body/table[0]."),
        ...pagingInput,
      }),
      outputSchema: z.object(pagedReadFields),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, path, format: f, offset: o, limit: l, max_chars, char_offset }) =>
      runTool(ctx, "query", "read", async () => {
        const options = { format: f, offset: o, limit: l, maxChars: max_chars, charOffset: char_offset };
        return readSuccess(await read(doc_id, (doc) => doc.query(path, options)));
      }),
  );

  server.registerTool(
    "count_elements",
    {
      title: "Count elements",
      description:
        "Count what a typed path selects without reading it, to plan paging. Examples: /body/paragraph[*], /body/heading[level=2], /body/table[0]/row[*], /body/paragraph[text~='invoice']. /body counts top-level blocks.",
      inputSchema: z.object({
        doc_id: docId,
        path: z.string().min(1).max(1000).describe("Typed path with a selector, e.g. /body/paragraph[*]."),
      }),
      outputSchema: z.object({ path: z.string(), count: whole }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, path }) =>
      runTool(ctx, "count_elements", "read", async () => {
        const count = await read(doc_id, (doc) => doc.count(path));
        return toolSuccess({ path, count }, `${path}: ${count}`);
      }),
  );

  server.registerTool(
    "read_section",
    {
      title: "Read a section",
      description:
        "Read the content of one document section (page layout section, delimited by section breaks), paged. Omit section_index to list the sections.",
      inputSchema: z.object({
        doc_id: docId,
        section_index: z.number().int().min(-1).optional().describe("0-based section index; omit or -1 to list sections."),
        ...pagingInput,
      }),
      outputSchema: z.object({ ...pagedReadFields, section: whole.optional() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, section_index, format: f, offset: o, limit: l, max_chars, char_offset }) =>
      runTool(ctx, "read_section", "read", async () => {
        const options = { format: f, offset: o, limit: l, maxChars: max_chars, charOffset: char_offset };
        const result = await read(doc_id, (doc) =>
          section_index === undefined || section_index === -1
            ? doc.query("/body/section[*]", options)
            : doc.readSection(section_index, options),
        );
        return readSuccess(result);
      }),
  );

  server.registerTool(
    "read_heading_content",
    {
      title: "Read under a heading",
      description:
        "Read a heading and everything under it up to the next heading of the same or a higher level, paged. Choose the heading by heading_text (exact text first, else contains; case-insensitive) or heading_index (0-based, among headings of heading_level if given); give neither to list the headings. " +
        "When several headings match heading_text, the first is read and `heading` says how many matched and where the others are.",
      inputSchema: z.object({
        doc_id: docId,
        heading_text: z.string().min(1).max(500).optional().describe("Text the heading contains."),
        heading_index: z.number().int().min(0).optional().describe("0-based index among the headings (of heading_level, if given)."),
        heading_level: z.number().int().min(1).max(9).optional().describe("Only headings of this level (1-9)."),
        ...pagingInput,
      }),
      outputSchema: z.object({ ...pagedReadFields, heading: headingMatch.optional() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, heading_text, heading_index, heading_level, format: f, offset: o, limit: l, max_chars, char_offset }) =>
      runTool(ctx, "read_heading_content", "read", async () => {
        const options = { format: f, offset: o, limit: l, maxChars: max_chars, charOffset: char_offset };
        const headings = heading_level ? `/body/heading[level=${heading_level}]` : "/body/heading[*]";
        const result = await read(doc_id, (doc) => {
          if (heading_text === undefined && heading_index === undefined) return doc.query(headings, { ...options, format: f ?? "summary" });
          if (heading_text !== undefined) return doc.readHeadingContent(heading_text, options);
          const total = doc.count(headings);
          if (heading_index! >= total) {
            throw new ToolError({
              kind: "path_not_found",
              path: headings,
              message: `heading_index ${heading_index} is out of range: the document has ${total} heading${total === 1 ? "" : "s"}${heading_level ? ` of level ${heading_level}` : ""}.`,
            });
          }
          return doc.readHeadingContent(`${headings}[${heading_index}]`, options);
        });
        return readSuccess(result);
      }),
  );
}
