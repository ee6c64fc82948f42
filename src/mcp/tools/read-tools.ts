import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { DEFAULT_MAX_CHARS, type DocxDocument, type QueryFormat, type QueryResult, queryResultText } from "../../docx/index";
import type { ToolContext } from "../context";
import { GRAMMAR_URI } from "../resources";
import { docId } from "../shared-params";
import { runTool, ToolError, toolSuccess } from "../tool-result";
import { charOffset, limit, maxChars, offset, pagedReadFields, whole } from "./paging";

const format = z
  .enum(["json", "text", "summary", "markdown"])
  .optional()
  .describe("json (default): elements with ids and formatting; summary: a line per element.");
const pagingInput = { format, offset, limit: limit(500), max_chars: maxChars, char_offset: charOffset };

/** Room left in max_chars for the position every read adds to the page the engine fits into the budget. */
const POSITION_ROOM = 32;
const pageOptions = (o: { format?: QueryFormat; offset?: number; limit?: number; max_chars?: number; char_offset?: number }) => ({
  format: o.format,
  offset: o.offset,
  limit: o.limit,
  maxChars: (o.max_chars ?? DEFAULT_MAX_CHARS) - POSITION_ROOM,
  charOffset: o.char_offset,
});

const PATH_GUIDE =
  "Paths: /body, /body/paragraph[0], /body/p[-1] (last), /body/heading[level=2], /body/paragraph[text~='budget'] (contains), [text='Exact'], [style='Quote'], " +
  "/body/*[id='1A2B3C4D'] (any id a result gave), /body/table[0]/row[1]/cell[2]/paragraph[0], /body/paragraph[0]/run[1], /header[type=default], /footnote[0], /comment[0], /metadata, /styles; [*] selects all. " +
  `Full syntax: ${GRAMMAR_URI}.`;

/** The heading read: of `matched` headings the text or path matched, the first; `others` are the rest's paths (at most 20). */
const headingMatch = z.object({ path: z.string(), matched: whole, others: z.array(z.string()) });

/**
 * The text a model reads: a JSON result as compact JSON, a text one as its text and how to continue. Every read states
 * the history position it saw, which an edit can pass back as expected_position.
 */
const readSuccess = ({ value, position }: { value: QueryResult; position: number }) =>
  toolSuccess({ ...value, position }, value.format === "json" ? undefined : `${queryResultText(value)}\n[position ${position}]`);

/** Read tools: query, count_elements, read_section, read_heading_content. */
export function registerReadTools(server: McpServer, ctx: ToolContext): void {
  /** Reads the session's document and the history position it was read at. */
  const read = async <T>(id: string, reader: (doc: DocxDocument) => T) => {
    let position = 0;
    const value = await ctx.sessions.history.read(id, (doc, head) => {
      position = head.position;
      return reader(doc);
    });
    return { value, position };
  };

  server.registerTool(
    "query",
    {
      title: "Read part of a document",
      description: `Read any part of a document by typed path, as json, text, summary or markdown, paged; start with /body and format summary. ${PATH_GUIDE}`,
      inputSchema: z.object({
        doc_id: docId,
        path: z.string().min(1).max(1000),
        ...pagingInput,
      }),
      outputSchema: z.object(pagedReadFields),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, path, format: f, offset: o, limit: l, max_chars, char_offset }) =>
      runTool(ctx, "query", "read", async () => {
        const options = pageOptions({ format: f, offset: o, limit: l, max_chars, char_offset });
        return readSuccess(await read(doc_id, (doc) => doc.query(path, options)));
      }),
  );

  server.registerTool(
    "count_elements",
    {
      title: "Count elements",
      description: "Count what a typed path selects, e.g. /body/paragraph[*] or /body/heading[level=2], without reading it.",
      inputSchema: z.object({ doc_id: docId, path: z.string().min(1).max(1000) }),
      outputSchema: z.object({ path: z.string(), count: whole, position: whole }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, path }) =>
      runTool(ctx, "count_elements", "read", async () => {
        const { value: count, position } = await read(doc_id, (doc) => doc.count(path));
        return toolSuccess({ path, count, position }, `${path}: ${count} (position ${position})`);
      }),
  );

  server.registerTool(
    "read_section",
    {
      title: "Read a section",
      description: "Read one section (as delimited by section breaks), paged; omit section_index to list the sections.",
      inputSchema: z.object({
        doc_id: docId,
        section_index: z.number().int().min(-1).optional().describe("0-based; -1 lists the sections."),
        ...pagingInput,
      }),
      outputSchema: z.object(pagedReadFields),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, section_index, format: f, offset: o, limit: l, max_chars, char_offset }) =>
      runTool(ctx, "read_section", "read", async () => {
        const options = pageOptions({ format: f, offset: o, limit: l, max_chars, char_offset });
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
        "Read a heading and what follows up to the next heading of its level or higher, paged; choose it by heading_text (exact, else contains) or heading_index, or give neither to list headings. Of several matches the first is read; `heading` says how many matched.",
      inputSchema: z.object({
        doc_id: docId,
        heading_text: z.string().min(1).max(500).optional(),
        heading_index: z.number().int().min(0).optional().describe("0-based, among headings of heading_level if given."),
        heading_level: z.number().int().min(1).max(9).optional(),
        ...pagingInput,
      }),
      outputSchema: z.object({ ...pagedReadFields, heading: headingMatch.optional() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, heading_text, heading_index, heading_level, format: f, offset: o, limit: l, max_chars, char_offset }) =>
      runTool(ctx, "read_heading_content", "read", async () => {
        const options = pageOptions({ format: f, offset: o, limit: l, max_chars, char_offset });
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
