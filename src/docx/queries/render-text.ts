/** The `text` and `summary` renderings of nodes (markdown is the export's writer, see export/query-markdown.ts). Summaries of top-level blocks use scan facts only, so they never parse a block. */
import { blockText, type DocNode, elementOf, nodeHeadingLevel, nodeStyleId, nodeText, PREVIEW_CHARS, tableGrid } from "../model/index.js";
import { displayText } from "./inline-display.js";
import type { RenderContext } from "./render-context.js";

const PREVIEW = 100;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW ? flat.slice(0, PREVIEW - 1) + "…" : flat;
}

export function summaryLine(ctx: RenderContext, node: DocNode): string {
  const doc = ctx.doc;
  const level = nodeHeadingLevel(doc, node);
  const style = nodeStyleId(doc, node);
  let label: string = node.kind;
  if (node.kind === "paragraph" && level !== null) label = level === 0 ? "title" : `heading${level}`;
  if (node.kind === "paragraph" && node.list && node.index !== undefined && node.list.blocks[node.index].facts.numbered)
    label = "list-item";
  const facts: string[] = [];
  if (node.kind === "table" && node.list && node.index !== undefined) facts.push(`${node.list.blocks[node.index].facts.rows} rows`);
  if (style && node.kind !== "style" && !(level !== null && /^(heading\d|title)$/i.test(style))) facts.push(`style=${style}`);
  if (node.id) facts.push(`id=${node.id}`);
  if (node.headerFooter) facts.push(`types=${node.headerFooter.types.join(",")}`);
  if (node.section) facts.push(`blocks ${node.section.firstBlock}-${node.section.lastBlock}`);
  if (node.style) facts.push(`style_id=${node.style.styleId} name="${node.style.name}"`);
  // Top-level blocks summarise from the scan's preview, so a summary never parses a block (a table can be megabytes).
  const scanned = node.list && node.index !== undefined ? node.list.blocks[node.index].facts : null;
  // An image-only paragraph is not an empty one: say what it holds.
  if (scanned?.atoms) facts.push(`contains ${scanned.atoms.join(", ")}`);
  if (scanned?.atoms?.includes("text box")) facts.push(`text box paragraphs at ${node.path}/textbox[N]/paragraph[M]`);
  const text =
    node.kind === "style" || node.kind === "metadata"
      ? ""
      : scanned
        ? preview(scanned.preview + (scanned.preview.length >= PREVIEW_CHARS ? "…" : "")) ||
          (scanned.atoms ? `[${scanned.atoms.join(", ")} only]` : "")
        : preview(nodeText(doc, node));
  return `${node.path} ${label}${facts.length ? ` (${facts.join(", ")})` : ""}${text ? `: ${text}` : ""}`;
}

export function plainText(ctx: RenderContext, node: DocNode): string {
  if (node.kind === "table" && mayHaveMergedCells(node))
    return gridText(ctx, node, (t) => t)
      .map((r) => r.join("\t"))
      .join("\n");
  return displayText(ctx.doc, node);
}

const utf8 = new TextDecoder();

/** Whether a table may place cells off their position in the row; only such a table is parsed to place them on its grid. */
function mayHaveMergedCells(node: DocNode): boolean {
  const bytes = node.list && node.index !== undefined && !node.list.blocks[node.index].tree ? node.list.sourceBytes(node.index) : null;
  if (!bytes) return true;
  const xml = utf8.decode(bytes);
  return ["gridSpan", "vMerge", "gridBefore"].some((name) => xml.includes(name));
}

/**
 * A table's cell texts placed on its grid, as the HTML export places them: a merged cell's text in its first grid
 * column, the columns and rows it covers empty, so values never shift into a neighbour's column.
 */
function gridText(ctx: RenderContext, node: DocNode, cellText: (text: string) => string): string[][] {
  const grid = tableGrid(elementOf(node)!, ctx.w);
  const width = Math.max(1, grid.columns);
  return grid.rows.map((cells) => {
    const row: string[] = new Array(width).fill("");
    for (const c of cells) row[c.column] = cellText(blockText(c.element, ctx.w));
    return row;
  });
}
