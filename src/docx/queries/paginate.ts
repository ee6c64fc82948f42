/**
 * Pages a list of nodes into a result no larger than a character budget, saying how to get the rest: by item
 * (`next_offset`) and, for one item larger than the budget, by character within it (`next_char_offset`).
 */
import { DocxError } from "../errors.js";
import type { DocNode } from "../model/index.js";
import { type Json, nodeJson } from "./element-json.js";
import type { RenderContext } from "./render-context.js";
import { plainText, summaryLine } from "./render-text.js";

export type QueryFormat = "json" | "text" | "summary" | "markdown";
export const QUERY_FORMATS: readonly QueryFormat[] = ["json", "text", "summary", "markdown"];

export interface QueryOptions {
  format?: QueryFormat;
  offset?: number;
  limit?: number;
  /** Character budget of the whole result; about 4 characters per token. */
  maxChars?: number;
  /** Where to start inside the item at `offset`: the `next_char_offset` of a result that cut that item. */
  charOffset?: number;
}

export interface QueryResult {
  path: string;
  format: QueryFormat;
  total: number;
  offset: number;
  returned: number;
  next_offset: number | null;
  /** Set when the item at `next_offset` was cut: call again with offset=next_offset and char_offset=this. */
  next_char_offset: number | null;
  truncated: boolean;
  hint?: string;
  /** For `json`. */
  items?: Json[];
  /** For `text`, `summary` and `markdown`. */
  text?: string;
}

/** Renders one node as markdown carrying its own leading separator (the export's Markdown writer, see export/). */
export type MarkdownChunk = (node: DocNode) => string;

export interface PageSource {
  /** Printed before the first item of the first page (the body summary's header). */
  header?: string;
  /** Fields the caller adds to the result (read_section's section, read_heading_content's heading); counted in the budget. */
  extra?: Record<string, unknown>;
  /** Needed for the markdown format. */
  markdown?: MarkdownChunk;
}

export const DEFAULT_MAX_CHARS = 80_000;
export const DEFAULT_LIMIT = 50;
// Below the tools' 500: the MCP layer keeps some of a caller's budget for the fields it adds (the position).
const MIN_MAX_CHARS = 400;
const CUT_MARK = " …[cut]";
/** The first part of an element of each kind, for a hint on reading a large one piece by piece. */
const PART_OF: Partial<Record<DocNode["kind"], string>> = { paragraph: "run[0]", table: "row[0]", row: "cell[0]", hyperlink: "run[0]" };
/** What the hints of a page take at most, besides the paths they name. */
const HINT_ROOM = 120;

export function checkOptions(options: QueryOptions): Required<QueryOptions> {
  const format = options.format ?? "json";
  if (!QUERY_FORMATS.includes(format)) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "format",
      message: `Unknown format "${format}"; use one of ${QUERY_FORMATS.join(", ")}.`,
    });
  }
  const whole = (field: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min)
      throw new DocxError({ kind: "invalid_argument", field, message: `${field} must be a whole number >= ${min}, got ${value}.` });
    return value;
  };
  const offset = whole("offset", options.offset ?? 0, 0);
  const limit = whole("limit", options.limit ?? DEFAULT_LIMIT, 1);
  const charOffset = whole("char_offset", options.charOffset ?? 0, 0);
  const maxChars = Math.max(MIN_MAX_CHARS, options.maxChars ?? DEFAULT_MAX_CHARS);
  return { format, offset, limit, maxChars, charOffset };
}

/** The text a model reads for a result in a text format: the text, then how to continue. JSON results are their JSON. */
export function queryResultText(result: QueryResult): string {
  if (result.text === undefined) return JSON.stringify(result);
  const paging =
    result.next_offset !== null
      ? `\n[${result.returned} of ${result.total} from offset ${result.offset}; next_offset ${result.next_offset}${result.next_char_offset !== null ? `, next_char_offset ${result.next_char_offset}` : ""}]`
      : "";
  return `${result.text}${paging}${result.hint ? `\n${result.hint}` : ""}`;
}

/** The size a result takes on the wire, whichever of its forms (structured JSON, text content) is larger. */
function resultSize(result: QueryResult): number {
  const json = JSON.stringify(result).length;
  return result.text === undefined ? json : Math.max(json, queryResultText(result).length);
}

/** One rendered item: whole, or a window of its text from `from` (`cut` when text remains after it). */
interface Part {
  value: Json | string;
  size: number;
  from: number;
  shown: number;
  cut: boolean;
  /** Details left out to fit (a JSON item reduced to its identity and text). */
  reduced: boolean;
}

export function paginate(ctx: RenderContext, path: string, nodes: DocNode[], options: QueryOptions, source: PageSource = {}): QueryResult {
  const { format, offset, limit, maxChars, charOffset } = checkOptions(options);
  const total = nodes.length;
  const renderItem = renderer(ctx, format, source.markdown);
  const header = source.header && offset === 0 && charOffset === 0 ? source.header : undefined;
  const rendered: (Json | string)[] = [];
  const parts: Part[] = [];
  const assemble = () => assembleResult(path, format, total, offset, parts, nodes, source.extra, header);
  // Reserve room for the envelope (counts, extra fields, a hint); the result is measured and trimmed after.
  let budget = maxChars - resultSize(assemble()) - HINT_ROOM - 2 * path.length;
  for (let i = offset; i < total && parts.length < limit; i++) {
    const full = renderItem(nodes[i]);
    const from = i === offset ? charOffset : 0;
    if (from > 0) checkCharOffset(full, from, nodes[i].path);
    let part = from > 0 ? window(full, from, Number.POSITIVE_INFINITY) : whole(full);
    if (part.size > budget) {
      if (parts.length > 0) break;
      part = window(full, from, budget);
    }
    rendered.push(full);
    parts.push(part);
    budget -= part.size;
    if (part.cut || part.reduced) break;
  }
  let result = assemble();
  // Estimates aside, the measured result is what must fit: drop trailing items first.
  while (parts.length > 1 && resultSize(result) > maxChars) {
    parts.pop();
    rendered.pop();
    result = assemble();
  }
  if (parts.length === 1 && (parts[0].cut || parts[0].reduced || resultSize(result) > maxChars)) {
    // One window takes the room the envelope leaves; the hint's numbers change with it, so measure a few rounds.
    for (let round = 0; round < 6; round++) {
      const slack = maxChars - resultSize(result);
      if (slack >= 0 && (slack < 24 || !parts[0].cut)) break;
      parts[0] = window(rendered[0], parts[0].from, parts[0].size + slack - (slack < 0 ? 4 : 12));
      result = assemble();
    }
    for (let over = resultSize(result) - maxChars; over > 0 && parts[0].shown > 0; over = resultSize(result) - maxChars) {
      parts[0] = window(rendered[0], parts[0].from, parts[0].size - over - 4);
      result = assemble();
    }
  }
  if (resultSize(result) > maxChars || (parts.length === 1 && parts[0].cut && parts[0].shown === 0)) throw budgetTooSmall(maxChars);
  return result;
}

function assembleResult(
  path: string,
  format: QueryFormat,
  total: number,
  offset: number,
  parts: Part[],
  nodes: DocNode[],
  extra: Record<string, unknown> | undefined,
  header: string | undefined,
): QueryResult {
  const returned = parts.length;
  const last = parts[returned - 1];
  const cutText = last?.cut === true;
  // A cut item is continued, not skipped: the next page starts inside it.
  const end = offset + returned - (cutText ? 1 : 0);
  const next = end < total ? end : null;
  const result: QueryResult = {
    ...extra,
    path,
    format,
    total,
    offset,
    returned,
    next_offset: next,
    next_char_offset: cutText ? last.from + last.shown : null,
    truncated: next !== null || (last?.reduced ?? false),
  };
  const hints: string[] = [];
  if (cutText) {
    hints.push(
      `Item ${end} is cut at character ${last.from + last.shown}; continue with offset=${end}, char_offset=${last.from + last.shown}.`,
    );
  } else if (next !== null) {
    hints.push(`${returned} of ${total} shown; continue with offset=${next} (or narrow the path).`);
  }
  if (last?.reduced) {
    const node = nodes[offset + returned - 1];
    hints.push(
      `Item ${offset + returned - 1} is shown as id, path and text only; query its parts (e.g. ${node.path}/${PART_OF[node.kind] ?? "*"}).`,
    );
  }
  if (typeof extra?.hint === "string") hints.unshift(extra.hint);
  if (hints.length) result.hint = hints.join(" ");
  const values = parts.map((p) => p.value);
  if (format === "json") result.items = values as Json[];
  else {
    const lines = [...(header ? [header] : []), ...(values as string[])];
    // A markdown chunk carries the separator from the chunk before it; the page starts without one.
    result.text = format === "markdown" ? lines.join("").replace(/^\n+/, "") : lines.join("\n");
  }
  return result;
}

function renderer(ctx: RenderContext, format: QueryFormat, markdown: MarkdownChunk | undefined): (node: DocNode) => Json | string {
  if (format === "json") return (node) => nodeJson(ctx, node);
  if (format === "summary") return (node) => summaryLine(ctx, node);
  if (format === "text") return (node) => plainText(ctx, node);
  if (!markdown) throw new Error("paginate: the markdown format needs the export's markdown renderer");
  return markdown;
}

/** The text a character window is taken from: a string item itself, or a JSON item's `text`. */
function textOf(value: Json | string): string {
  return typeof value === "string" ? value : typeof value.text === "string" ? value.text : "";
}

function checkCharOffset(value: Json | string, from: number, path: string): void {
  const length = textOf(value).length;
  if (from >= length) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "char_offset",
      message: `char_offset ${from} is past the end of ${path}, whose text has ${length} characters; use next_char_offset from the previous result.`,
    });
  }
}

/** Characters a string takes inside JSON (quotes and escapes), plus one for its separator. */
function escaped(text: string): number {
  return JSON.stringify(text).length - 1;
}

function whole(value: Json | string): Part {
  const size = typeof value === "string" ? escaped(value) : JSON.stringify(value).length + 1;
  return { value, size, from: 0, shown: textOf(value).length, cut: false, reduced: false };
}

/**
 * The item from character `from` in at most `room` characters: a string cut to fit, or a JSON item reduced to its
 * identity and a window of its text. The longest window that fits is found by bisection, since escapes vary.
 */
function window(value: Json | string, from: number, room: number): Part {
  const text = textOf(value);
  const build = (shown: number): Json | string => {
    const slice = text.slice(from, codePointEnd(text, from + shown));
    const cut = from + shown < text.length;
    if (typeof value === "string") return cut ? slice + CUT_MARK : slice;
    const item: Json = { type: value.type, id: value.id, path: value.path };
    if (typeof value.text !== "string") return { ...item, truncated: true };
    return { ...item, text: slice, text_offset: from, text_length: text.length, truncated: true };
  };
  const sizeOf = (v: Json | string) => (typeof v === "string" ? escaped(v) : JSON.stringify(v).length + 1);
  let lo = 0;
  let hi = text.length - from;
  if (sizeOf(build(hi)) > room) {
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (sizeOf(build(mid)) <= room) lo = mid;
      else hi = mid - 1;
    }
    hi = lo;
  }
  const shown = codePointEnd(text, from + hi) - from;
  const v = build(shown);
  const cut = from + shown < text.length;
  return { value: v, size: sizeOf(v), from, shown, cut, reduced: typeof value !== "string" && !cut };
}

/** Never ends a window between the two halves of a surrogate pair. */
function codePointEnd(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return end > 0 && end < text.length && code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

function budgetTooSmall(maxChars: number): DocxError {
  return new DocxError({
    kind: "invalid_argument",
    field: "max_chars",
    message: `max_chars ${maxChars} is too small for this result's paging fields; use at least 1,000.`,
  });
}
