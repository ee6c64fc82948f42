/**
 * The paged reads behind DocxDocument: query, count, a section, the content under a heading. Every result keeps to
 * its character budget (queries/paginate.ts) and markdown is the export's writer (export/query-markdown.ts).
 */
import { DocxError } from "./errors.js";
import { queryMarkdown } from "./export/index.js";
import { blockNodes, type DocNode, nodeHeadingLevel, nodeText, type WordDocument } from "./model/index.js";
import { resolvePath } from "./paths/index.js";
import { type PageSource, paginate, type QueryOptions, type QueryResult, RenderContext } from "./queries/index.js";

/** Which heading a lookup by text took, when several matched. */
export interface HeadingMatch {
  path: string;
  id: string | null;
  level: number;
  /** The heading's text, cut to 200 characters. */
  text: string;
  /** How many headings the text matched (exact matches are preferred over containing ones). */
  matched: number;
  /** The paths of the other matches (at most 20), to read one of them instead. */
  others: string[];
}

export type HeadingContent = QueryResult & { heading: HeadingMatch };
export type SectionContent = QueryResult & { section: number };

const BODY: DocNode = { kind: "body", path: "/body", id: null };

function page(doc: WordDocument, path: string, nodes: DocNode[], options: QueryOptions, source: PageSource = {}): QueryResult {
  const markdown = options.format === "markdown" ? queryMarkdown(doc) : undefined;
  return paginate(new RenderContext(doc), path, nodes, options, { ...source, markdown });
}

/** Containers a path names as one node but a reader wants listed: the body's blocks, the style sheet's styles. */
function listed(doc: WordDocument, nodes: DocNode[]): DocNode[] | null {
  if (nodes.length !== 1) return null;
  if (nodes[0].kind === "body") return blockNodes(doc, nodes[0]);
  if (nodes[0].kind === "styles") return resolvePath(doc, "/styles/style[*]").nodes;
  return null;
}

export function queryDocument(doc: WordDocument, path: string, options: QueryOptions): QueryResult {
  const { parsed, nodes } = resolvePath(doc, path);
  const items = listed(doc, nodes);
  if (items && nodes[0].kind === "body")
    return page(doc, parsed.source, items, options, { header: options.format === "summary" ? bodyHeader(doc, items) : undefined });
  return page(doc, parsed.source, items ?? nodes, options);
}

export function countSelected(doc: WordDocument, path: string): number {
  const { nodes } = resolvePath(doc, path);
  if (nodes.length === 1 && nodes[0].kind === "body") return doc.body.length;
  return (listed(doc, nodes) ?? nodes).length;
}

export function readSection(doc: WordDocument, index: number, options: QueryOptions): SectionContent {
  const sections = doc.sections();
  if (!Number.isInteger(index) || index < 0 || index >= sections.length) {
    throw new DocxError({
      kind: "path_not_found",
      path: `/body/section[${index}]`,
      message: `Section ${index} not found: the document has ${sections.length} section${sections.length === 1 ? "" : "s"} (0-${sections.length - 1}).`,
    });
  }
  // The section's own w:sectPr is its properties (see /body/section[N]), not content.
  const { nodes } = resolvePath(doc, `/body/section[${index}]/*`);
  const content = nodes.filter((n) => n.kind !== "sectPr");
  return page(doc, `/body/section[${index}]`, content, options, { extra: { section: index } }) as SectionContent;
}

/**
 * A heading and everything under it up to the next heading of the same or a higher level, paged. `heading` is a
 * path (/body/heading[3], /body/paragraph[id='...']) or text the heading contains; when several headings match,
 * the first is taken and the result says how many matched and where the others are.
 */
export function readHeadingContent(doc: WordDocument, heading: string, options: QueryOptions): HeadingContent {
  const blocks = blockNodes(doc, BODY);
  const matches = heading.startsWith("/") ? headingsAtPath(doc, heading) : headingsWithText(doc, blocks, heading);
  const start = matches[0].index!;
  const level = nodeHeadingLevel(doc, blocks[start])!;
  let end = start + 1;
  while (end < blocks.length) {
    const l = nodeHeadingLevel(doc, blocks[end]);
    if (l !== null && l <= level) break;
    end++;
  }
  const content = blocks.slice(start, end).filter((n) => n.kind !== "sectPr");
  const text = nodeText(doc, blocks[start]);
  const match: HeadingMatch = {
    path: blocks[start].path,
    id: blocks[start].id,
    level,
    text: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    matched: matches.length,
    others: matches.slice(1, 21).map((m) => m.path),
  };
  const hint =
    matches.length > 1
      ? `${matches.length} headings match "${heading.slice(0, 80)}"; this is the first (${match.path}). Read another with heading_index, or a path such as ${match.others[0]}.`
      : undefined;
  return page(doc, blocks[start].path, content, options, { extra: { heading: match, ...(hint ? { hint } : {}) } }) as HeadingContent;
}

function headingsAtPath(doc: WordDocument, path: string): DocNode[] {
  const found = resolvePath(doc, path).nodes.filter((n) => n.list === doc.body && nodeHeadingLevel(doc, n) !== null);
  if (found.length === 0) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "heading",
      message: `${path} does not select a heading in the body; try /body/heading[0] or /body/heading[text~='...'].`,
    });
  }
  return found;
}

/** Headings whose text is `wanted` (any case, trimmed) first, then those that contain it, each in document order. */
function headingsWithText(doc: WordDocument, blocks: DocNode[], wanted: string): DocNode[] {
  const needle = wanted.trim().toLowerCase();
  const headings = blocks.filter((b) => (nodeHeadingLevel(doc, b) ?? -1) >= 0);
  const texts = new Map(headings.map((h) => [h, nodeText(doc, h).toLowerCase()]));
  const exact = headings.filter((h) => texts.get(h)!.trim() === needle);
  const containing = headings.filter((h) => texts.get(h)!.trim() !== needle && texts.get(h)!.includes(needle));
  if (exact.length + containing.length === 0) {
    throw new DocxError({
      kind: "path_not_found",
      path: wanted,
      message: `No heading contains "${wanted}"; the document has ${headings.length} headings (list them with /body/heading and format "summary").`,
    });
  }
  return [...exact, ...containing];
}

function bodyHeader(doc: WordDocument, blocks: DocNode[]): string {
  let paragraphs = 0,
    tables = 0,
    headings = 0;
  for (const b of blocks) {
    if (b.kind === "paragraph") {
      paragraphs++;
      if ((nodeHeadingLevel(doc, b) ?? 0) >= 1) headings++;
    } else if (b.kind === "table") tables++;
  }
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  return `Body: ${n(blocks.length, "block")}: ${n(paragraphs, "paragraph")} (${n(headings, "heading")}), ${n(tables, "table")}, ${n(doc.sections().length, "section")}.`;
}
