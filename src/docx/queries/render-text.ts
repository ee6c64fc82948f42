/** The `text`, `summary` and `markdown` renderings of nodes. Summaries of top-level blocks use scan facts only, so they never parse a block. */
import {
  blockText,
  type DocNode,
  elementOf,
  nodeHeadingLevel,
  nodeStyleId,
  nodeText,
  PREVIEW_CHARS,
  partOf,
  tableGrid,
} from "../model/index.js";
import { getAttribute, type XmlElement } from "../xml/index.js";
import { runFormatting } from "./formatting.js";
import { displayInline, displayText } from "./inline-display.js";
import { mathLinear } from "./math-linear.js";
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

export function markdown(ctx: RenderContext, node: DocNode): string {
  const doc = ctx.doc;
  if (node.kind === "table") return tableMarkdown(ctx, node);
  if (node.kind !== "paragraph") return nodeText(doc, node);
  const el = elementOf(node)!;
  const full: DocNode = { ...node, element: el };
  const level = nodeHeadingLevel(doc, full);
  const body = inlineMarkdown(ctx, full, el);
  if (level !== null) return `${"#".repeat(Math.max(1, level))} ${body}`;
  const pPr = el.children.find((c): c is XmlElement => c.type === "element" && c.name === ctx.w + "pPr");
  const numbered = pPr?.children.some((c) => c.type === "element" && c.name === ctx.w + "numPr");
  // A level with numFmt none shows no number or bullet (LibreOffice uses it for unnumbered outline levels).
  return numbered && ctx.numbering.formatOf(el) !== "none" ? `- ${body}` : body;
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]])/g, "\\$1");
}

/** Runs with bold/italic/strike marks and hyperlinks as [text](url); deleted runs are left out. */
function inlineMarkdown(ctx: RenderContext, paragraph: DocNode, el: XmlElement): string {
  const w = ctx.w;
  const out: string[] = [];
  const walk = (parent: XmlElement) => {
    for (const c of parent.children) {
      if (c.type !== "element") continue;
      if (c.name === w + "r") {
        const text = displayInline(c, w, escapeMarkdown);
        if (!text.trim()) {
          out.push(text);
          continue;
        }
        const f = runFormatting(c, w);
        const lead = text.match(/^\s*/)![0];
        const trail = text.match(/\s*$/)![0];
        let core = text.trim();
        if (f.bold) core = `**${core}**`;
        if (f.italic) core = `*${core}*`;
        if (f.strike) core = `~~${core}~~`;
        out.push(lead + core + trail);
      } else if (c.name === w + "hyperlink") {
        const rel = ctx.relationship(partOf(paragraph), getAttribute(c, ctx.doc.prefixes.r + "id"));
        const anchor = getAttribute(c, w + "anchor");
        const text = escapeMarkdown(nodeText(ctx.doc, { kind: "hyperlink", path: "", id: null, element: c }));
        out.push(rel ? `[${text}](${rel.target})` : anchor ? `[${text}](#${anchor})` : text);
      } else if (c.name === w + "del" || c.name === w + "moveFrom" || c.name === w + "pPr") {
      } else if (/(^|:)oMath(Para)?$/.test(c.name)) out.push(`[math: ${mathLinear(c).trim()}]`);
      else walk(c);
    }
  };
  walk(el);
  return out.join("");
}

function tableMarkdown(ctx: RenderContext, node: DocNode): string {
  const rows = gridText(ctx, node, (t) => t.replace(/\s*\n\s*/g, "<br>").replace(/\|/g, "\\|"));
  if (rows.length === 0) return "";
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(rows[0]), line(rows[0].map(() => "---")), ...rows.slice(1).map(line)].join("\n");
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
