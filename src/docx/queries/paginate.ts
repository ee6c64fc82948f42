/** Pages a list of nodes into a result no larger than a character budget, saying how to get the rest. */
import { DocxError } from "../errors.js";
import type { DocNode } from "../model/index.js";
import { type Json, nodeJson } from "./element-json.js";
import type { RenderContext } from "./render-context.js";
import { markdown, plainText, summaryLine } from "./render-text.js";

export type QueryFormat = "json" | "text" | "summary" | "markdown";
export const QUERY_FORMATS: readonly QueryFormat[] = ["json", "text", "summary", "markdown"];

export interface QueryOptions {
  format?: QueryFormat;
  offset?: number;
  limit?: number;
  /** Character budget of the whole result; about 4 characters per token. */
  maxChars?: number;
}

export interface QueryResult {
  path: string;
  format: QueryFormat;
  total: number;
  offset: number;
  returned: number;
  next_offset: number | null;
  truncated: boolean;
  hint?: string;
  /** For `json`. */
  items?: Json[];
  /** For `text`, `summary` and `markdown`. */
  text?: string;
}

export const DEFAULT_MAX_CHARS = 80_000;
const MIN_MAX_CHARS = 500;

export function checkOptions(options: QueryOptions): Required<QueryOptions> {
  const format = options.format ?? "json";
  if (!QUERY_FORMATS.includes(format)) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "format",
      message: `Unknown format "${format}"; use one of ${QUERY_FORMATS.join(", ")}.`,
    });
  }
  const offset = options.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new DocxError({ kind: "invalid_argument", field: "offset", message: `offset must be a whole number >= 0, got ${offset}.` });
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(limit) || limit < 1)
    throw new DocxError({ kind: "invalid_argument", field: "limit", message: `limit must be a whole number >= 1, got ${limit}.` });
  const maxChars = Math.max(MIN_MAX_CHARS, options.maxChars ?? DEFAULT_MAX_CHARS);
  return { format, offset, limit, maxChars };
}

export function paginate(ctx: RenderContext, path: string, nodes: DocNode[], options: QueryOptions, header?: string): QueryResult {
  const { format, offset, limit, maxChars } = checkOptions(options);
  const total = nodes.length;
  const items: Json[] = [];
  const lines: string[] = [];
  // Reserve room for the envelope (path, counts, hint) so the whole result stays within budget.
  let budget = maxChars - 400 - path.length;
  if (header && offset === 0) {
    lines.push(header);
    budget -= header.length + 1;
  }
  let cut = false;
  let i = offset;
  for (; i < total && i - offset < limit; i++) {
    const node = nodes[i];
    if (format === "json") {
      let item = nodeJson(ctx, node);
      let size = JSON.stringify(item).length + 1;
      if (size > budget) {
        if (items.length > 0) break;
        item = shrink(item, budget);
        size = JSON.stringify(item).length;
        cut = true;
      }
      items.push(item);
      budget -= size;
    } else {
      let line = format === "summary" ? summaryLine(ctx, node) : format === "markdown" ? markdown(ctx, node) : plainText(ctx, node);
      const size = line.length + (format === "markdown" ? 2 : 1);
      if (size > budget) {
        if (lines.length > (header && offset === 0 ? 1 : 0)) break;
        line = line.slice(0, Math.max(0, budget - 40)) + " …[truncated]";
        cut = true;
      }
      lines.push(line);
      budget -= size;
    }
    if (cut) {
      i++;
      break;
    }
  }
  const returned = i - offset;
  const next = i < total ? i : null;
  const result: QueryResult = { path, format, total, offset, returned, next_offset: next, truncated: next !== null || cut };
  if (next !== null)
    result.hint = `Showing ${returned} of ${total} from offset ${offset}; call again with offset=${next} for more (or narrow the path, e.g. with [text~='...'] or an index).`;
  if (cut)
    result.hint = `${result.hint ? result.hint + " " : ""}Item ${i - 1} was too large and is cut; query its parts (e.g. ${nodes[i - 1].path}/row[0] or /run[0]) to read the rest.`;
  if (format === "json") result.items = items;
  else result.text = lines.join(format === "markdown" ? "\n\n" : "\n");
  return result;
}

/** Cuts one oversized JSON item down to its identity and the start of its text. */
function shrink(item: Json, budget: number): Json {
  const text = typeof item.text === "string" ? item.text : "";
  const base: Json = { type: item.type, id: item.id, path: item.path, truncated: true };
  // Escapes can make the JSON longer than the text, so cut until it fits.
  let room = Math.max(0, budget - JSON.stringify(base).length - 20);
  base.text = text.slice(0, room);
  while (room > 0 && JSON.stringify(base).length > budget) {
    room = Math.floor(room / 2);
    base.text = text.slice(0, room);
  }
  return base;
}
