/** Parses the path language into segments; every syntax error names the bad segment. */
import { DocxError } from "../errors.js";
import { ALIASES, FILTER_KEYS, type FilterOp, type ParsedPath, type Predicate, type Segment } from "./path-syntax.js";

function invalid(path: string, segment: string, message: string, allowed?: string[]): DocxError {
  const sentence = /[.!?)]$/.test(message) ? message : `${message}.`;
  return new DocxError({ kind: "invalid_path", path, segment, allowed, message: `Invalid path ${path}: ${sentence}` });
}

/** Splits on '/' outside brackets and quotes; inside quotes a backslash escapes the next character (it\'s). */
function splitSegments(path: string): string[] {
  const out: string[] = [];
  let current = "";
  let depth = 0;
  let quote: string | null = null;
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      if (c === "\\" && i + 1 < path.length) {
        current += c + path[++i];
        continue;
      }
      if (c === quote) quote = null;
      current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      current += c;
    } else if (c === "[") {
      depth++;
      current += c;
    } else if (c === "]") {
      depth--;
      current += c;
    } else if (c === "/" && depth === 0) {
      out.push(current);
      current = "";
    } else current += c;
  }
  if (quote) throw invalid(path, current, `unterminated quote in segment "${current}"`);
  if (depth !== 0) throw invalid(path, current, `unbalanced brackets in segment "${current}"`);
  out.push(current);
  return out;
}

function parsePredicate(path: string, segment: string, body: string): Predicate {
  const trimmed = body.trim();
  if (trimmed === "*") return { type: "all" };
  if (/^-?\d+$/.test(trimmed)) return { type: "index", index: Number(trimmed) };
  const m = /^([A-Za-z_]+)\s*(~=|!=|=)\s*([\s\S]*)$/.exec(trimmed);
  if (!m)
    throw invalid(path, segment, `"[${body}]" in "${segment}" is neither an index like [0] or [-1], [*], nor a filter like [text~='word']`);
  const key = m[1].toLowerCase();
  if (!(FILTER_KEYS as readonly string[]).includes(key)) {
    throw invalid(path, segment, `unknown filter "${m[1]}" in "${segment}"; filters are ${FILTER_KEYS.join(", ")}`, [...FILTER_KEYS]);
  }
  let value = m[3].trim();
  const q = value[0];
  if (q === "'" || q === '"') {
    if (value.length < 2 || value[value.length - 1] !== q) throw invalid(path, segment, `unterminated quote in "${segment}"`);
    value = value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return { type: "filter", key, op: m[2] as FilterOp, value };
}

function parseSegment(path: string, text: string): Segment {
  const m = /^([A-Za-z_*][A-Za-z0-9_-]*|-?\d+)?([\s\S]*)$/.exec(text)!;
  const written = m[1] ?? "";
  if (written === "")
    throw invalid(
      path,
      text,
      text === "" ? "empty segment (two slashes or a trailing slash)" : `segment "${text}" has no name before its brackets`,
    );
  let rest = m[2];
  const predicates: Predicate[] = [];
  while (rest.length > 0) {
    if (rest[0] !== "[") throw invalid(path, text, `unexpected "${rest}" in segment "${text}"`);
    let quote: string | null = null;
    let end = -1;
    for (let i = 1; i < rest.length; i++) {
      const c = rest[i];
      if (quote) {
        if (c === "\\") i++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === "]") {
        end = i;
        break;
      }
    }
    if (end < 0) throw invalid(path, text, `missing "]" in segment "${text}"`);
    predicates.push(parsePredicate(path, text, rest.slice(1, end)));
    rest = rest.slice(end + 1);
  }
  const lower = written.toLowerCase();
  return { written, name: ALIASES[lower] ?? lower, predicates, text };
}

export function parsePath(path: string): ParsedPath {
  const source = path.trim();
  if (!source.startsWith("/")) throw invalid(source, source, 'a path starts with "/", e.g. /body/paragraph[0]');
  if (source === "/")
    throw invalid(
      source,
      "",
      "the path names nothing; start with /body, /header, /footer, /footnote, /endnote, /comment, /metadata or /styles",
    );
  const segments = splitSegments(source).map((s) => parseSegment(source, s));
  // `/body/children/3` is written as a separate numeric segment: fold it into an index on the previous one.
  const folded: Segment[] = [];
  for (const s of segments) {
    if (/^-?\d+$/.test(s.written) && folded.length > 0) {
      const prev = folded[folded.length - 1];
      prev.predicates.push({ type: "index", index: Number(s.written) });
      prev.text += "/" + s.text;
      continue;
    }
    if (/^-?\d+$/.test(s.written)) throw invalid(source, s.text, `segment "${s.text}" is a number without a selector before it`);
    folded.push(s);
  }
  return { source, segments: folded };
}
