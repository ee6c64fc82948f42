/**
 * Paging of read results, shared by every read and list tool: the parameters (offset, limit, max_chars,
 * char_offset), the paged-result fields of their output schemas, and one page of a listed collection (comments,
 * revisions, sessions) kept within its character budget as its compact JSON text.
 */
import { z } from "zod";
import { DEFAULT_LIMIT, DEFAULT_MAX_CHARS } from "../../docx/index";
import { ToolError } from "../tool-result";

export const offset = z.number().int().min(0).optional();
export const limit = (max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .optional()
    .describe(`Default ${Math.min(max, DEFAULT_LIMIT)}.`);
export const maxChars = z.number().int().min(500).max(150_000).optional().describe(`Characters (default ${DEFAULT_MAX_CHARS}).`);
export const charOffset = z.number().int().min(0).optional().describe("next_char_offset, to continue a cut item.");

/**
 * A whole number in an output schema. Typed as number: zod writes an integer with ±2^53 bounds, 50 characters
 * that every client loads with tools/list for nothing.
 */
export const whole = z.number();

/**
 * What an agent needs of a paged list result to continue it; the other paging fields (offset, limit, count,
 * truncated, hint) are there too. Output schemas name only what helps, since tools/list carries them all.
 */
export const listPageFields = { total: whole, next_offset: whole.nullable() };

/** What the engine's paged reads return (query, read_section, read_heading_content), as far as an agent needs it typed. */
export const pagedReadFields = {
  /** The document's history position when it was read. */
  position: whole,
  total: whole,
  next_offset: whole.nullable(),
  next_char_offset: whole.nullable(),
  /** For json: each element with type, path, id and text, and what its type has (runs, cells, properties). */
  items: z
    .array(z.looseObject({ type: z.string(), path: z.string(), id: z.string().nullable().optional(), text: z.string().optional() }))
    .optional(),
  /** For text, summary and markdown. */
  text: z.string().optional(),
};

export interface ListPageOptions {
  offset?: number;
  limit?: number;
  maxChars?: number;
}

const CUT_MARK = "…[cut]";

/**
 * One page of `all` under `key`, after the `envelope` fields: at most `limit` items, and the whole result's JSON
 * at most `maxChars`. An item too large for the budget on its own has its longest texts cut (marked `truncated`).
 * With `window`, `all` is already the stretch from `window.offset` of a collection of `window.total` items.
 */
export function listPage<T extends object>(
  all: T[],
  key: string,
  options: ListPageOptions,
  envelope: Record<string, unknown> = {},
  window?: { offset: number; total: number },
): Record<string, unknown> {
  const start = window?.offset ?? options.offset ?? 0;
  const total = window?.total ?? all.length;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const from = window ? 0 : start;
  const page = all.slice(from, from + limit).map((item) => ({ ...item }) as Record<string, unknown>);
  const build = () => {
    const next = start + page.length < total ? start + page.length : null;
    const cut = page.some((item) => item.truncated === true);
    const result: Record<string, unknown> = {
      ...envelope,
      total,
      offset: start,
      limit,
      count: page.length,
      next_offset: next,
      truncated: next !== null || cut,
    };
    const hints: string[] = [];
    if (next !== null) hints.push(`${page.length} of ${total} shown; continue with offset=${next}.`);
    if (cut)
      hints.push(`Texts marked truncated are cut to fit max_chars; read them whole with query (e.g. /comment[N]) or a larger max_chars.`);
    if (hints.length) result.hint = hints.join(" ");
    result[key] = page;
    return result;
  };
  let result = build();
  while (page.length > 1 && JSON.stringify(result).length > maxChars) {
    page.pop();
    result = build();
  }
  for (let over = JSON.stringify(result).length - maxChars; over > 0; over = JSON.stringify(result).length - maxChars) {
    if (page.length === 0 || !cutLongestText(page[0], over)) {
      throw new ToolError({
        kind: "invalid_argument",
        field: "max_chars",
        message: `max_chars ${maxChars} is too small for one ${key.replace(/s$/, "")} and the paging fields; use at least 1,000.`,
      });
    }
    result = build();
  }
  return result;
}

/** Cuts the item's longest string field by `over` characters (and a margin); false when nothing is left to cut. */
function cutLongestText(item: Record<string, unknown>, over: number): boolean {
  let longest: string | null = null;
  for (const [field, value] of Object.entries(item))
    if (typeof value === "string" && (longest === null || value.length > (item[longest] as string).length)) longest = field;
  const text = longest === null ? "" : (item[longest!] as string);
  if (text.length <= CUT_MARK.length + 1) return false;
  // JSON escapes make characters cost more than one: cut by at least what is over, plus room for the marks.
  let keep = Math.max(0, text.length - over - CUT_MARK.length - 24);
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--;
  item[longest!] = text.slice(0, keep) + CUT_MARK;
  item.truncated = true;
  return true;
}
