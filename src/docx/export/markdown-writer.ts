/**
 * Markdown output (CommonMark + GFM tables and footnotes): headings, nested lists carrying Word's computed labels,
 * pipe tables (HTML tables when cells are merged or nested), links, `[^n]` notes defined at the end, comments in
 * CriticMarkup (`{==range==}{>>author: text<<}`) and tracked changes as <ins>/<del> tags with author and date.
 */

import type { TableGrid } from "../model/index.js";
import { childElements, type XmlElement } from "../xml/index.js";
import type { ExportState } from "./export-state.js";
import { type CellRenderer, type FormatWriter, type NoteRenderer, type ParagraphBlock, revisionAttributes } from "./format-writer.js";
import { htmlSyntax, htmlTable } from "./html-writer.js";
import type { InlineSyntax } from "./inline-markup.js";

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<~]/g, "\\$&").replace(/[\t\r\n]/g, " ");
}

/** Emphasis markers must touch the text, so surrounding spaces are moved outside them. */
function wrapTrimmed(inner: string, open: string, close = open): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${open}${m[2]}${close}${m[3]}` : inner;
}

export function markdownSyntax(): InlineSyntax {
  return {
    text: escapeMarkdown,
    marks: (inner, m) => {
      let out = inner;
      if (m.bold) out = wrapTrimmed(out, "**");
      if (m.italic) out = wrapTrimmed(out, "*");
      if (m.strike) out = wrapTrimmed(out, "~~");
      if (m.underline) out = wrapTrimmed(out, "<u>", "</u>");
      if (m.sup) out = wrapTrimmed(out, "<sup>", "</sup>");
      if (m.sub) out = wrapTrimmed(out, "<sub>", "</sub>");
      return out;
    },
    link: (inner, href) => `[${inner}](${/[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href})`,
    revision: (inner, r) => `<${r.type}${revisionAttributes(r.author, r.date)}>${inner}</${r.type}>`,
    commentRange: (inner) => `{==${inner}==}`,
    lineBreak: () => "<br>",
    note: (kind, n) => (kind === "footnote" ? `[^${n}]` : `[^en${n}]`),
    comment: (_id, c) => `{>>${escapeMarkdown(c.author ? `${c.author}: ${c.text}` : c.text)}<<}`,
    image: (alt, src) => `![${escapeMarkdown(alt)}](${src ? encodeURI(src) : ""})`,
    anchor: () => "",
  };
}

/** Text that would start a heading, quote or list when it begins a line is escaped. */
function guardLineStart(text: string): string {
  return text
    .replace(/^\s+/, "")
    .replace(/^(#|>|[-+*](?=\s)|=+\s*$)/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

export class MarkdownWriter implements FormatWriter {
  readonly syntax = markdownSyntax();
  private written = false;
  private inList = false;
  /** Marker widths of the open list levels, so nested items are indented under their parent's text. */
  private readonly listIndents: number[] = [];

  constructor(private readonly state: ExportState) {}

  start(): string {
    return "";
  }

  private block(text: string, listItem: boolean): string {
    if (!listItem) this.listIndents.length = 0;
    const sep = !this.written ? "" : listItem && this.inList ? "\n" : "\n\n";
    this.written = true;
    this.inList = listItem;
    return sep + text;
  }

  paragraph(p: ParagraphBlock): string {
    const content = p.content.trim();
    if (p.list) return this.listItem(p, content);
    if (!content) return "";
    if (p.heading !== null) return this.block(`${"#".repeat(Math.min(Math.max(p.heading, 1), 6))} ${content.replace(/<br>/g, " ")}`, false);
    return this.block(guardLineStart(content), false);
  }

  private listItem(p: ParagraphBlock, content: string): string {
    const list = p.list!;
    const depth = Math.min(list.level, this.inList ? this.listIndents.length : 0);
    this.listIndents.length = depth;
    const simple = list.ordered && /^\d{1,9}[.)]$/.test(list.label);
    const marker = simple ? list.label : "-";
    const label = !list.ordered || simple || !list.label ? "" : `${escapeMarkdown(list.label).replace(/^(\d+)([.)])/, "$1\\$2")} `;
    const indent = " ".repeat(this.listIndents.reduce((a, b) => a + b, 0));
    this.listIndents.push(marker.length + 1);
    return this.block(`${indent}${marker} ${label}${content}`, true);
  }

  table(grid: TableGrid, cell: CellRenderer): string {
    if (grid.rows.length === 0) return "";
    if (grid.merged || grid.rows.some((r) => r.some((c) => hasNestedTable(c.element)))) {
      return this.block(htmlTable(grid, cell, htmlSyntax(this.state)), false);
    }
    const width = Math.max(1, grid.columns);
    const line = (cells: string[]) => `| ${[...cells, ...Array(Math.max(0, width - cells.length)).fill("")].join(" | ")} |`;
    const rows = grid.rows.map((r) => r.map((c) => cell(c, this.syntax, false).replace(/\|/g, "\\|")));
    return this.block([line(rows[0]), line(Array(width).fill("---")), ...rows.slice(1).map(line)].join("\n"), false);
  }

  end(notes: NoteRenderer): string {
    let out = "";
    for (const kind of ["footnote", "endnote"] as const) {
      const ids = kind === "footnote" ? this.state.footnotes : this.state.endnotes;
      // Notes may reference further notes, which are appended while this loop runs.
      for (let i = 0; i < ids.length; i++) {
        const label = kind === "footnote" ? `${i + 1}` : `en${i + 1}`;
        out += this.block(`[^${label}]: ${notes(kind, ids[i], this.syntax).join("\n\n    ")}`, false);
      }
    }
    return this.written ? `${out}\n` : out;
  }
}

function hasNestedTable(el: XmlElement): boolean {
  return childElements(el).some((c) => /(^|:)tbl$/.test(c.name) || hasNestedTable(c));
}
