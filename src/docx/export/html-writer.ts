/**
 * HTML output: headings, nested <ol>/<ul> lists with Word's computed labels, tables with colspan/rowspan, links,
 * footnote and endnote references with their notes at the end, comments as <mark> around their range with a
 * numbered reference, and tracked changes as <ins>/<del> with author and date.
 */

import type { TableGrid } from "../model/index.js";
import type { ExportState } from "./export-state.js";
import {
  type CellRenderer,
  escapeHtml,
  type FormatWriter,
  type NoteRenderer,
  type ParagraphBlock,
  revisionAttributes,
} from "./format-writer.js";
import type { InlineSyntax } from "./inline-markup.js";

const STYLE =
  "body{font-family:Calibri,Arial,sans-serif;max-width:50em;margin:0 auto;padding:1em}" +
  "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}" +
  "ol.docx-list,ul.docx-list{list-style:none;padding-left:1.5em}.list-label{margin-right:.4em}" +
  "ins{background:#e6ffe6}del{background:#ffe6e6}mark.comment{background:#fff3b0}";

/** Link schemes a browser follows without running anything: anything else (javascript:, data:, vbscript:, …) is dropped. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel", "ftp"]);

/**
 * The href an exported link may carry: in-page anchors, relative references and safe schemes. The scheme is read
 * the way browsers read it (after dropping ASCII whitespace and control characters), so "java\tscript:" is caught.
 */
export function safeHref(href: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these inside a scheme, so must we
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (scheme === undefined) return compact.startsWith("//") ? null : href; // "//host" would load from another site
  return SAFE_SCHEMES.has(scheme.toLowerCase()) ? href : null;
}

/** Also inside the file, so it holds wherever the export is opened from: inline styles only, no scripts, no fetches. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function htmlSyntax(_state: ExportState): InlineSyntax {
  return {
    text: (text) => escapeHtml(text),
    marks: (inner, m) => {
      let out = inner;
      if (m.bold) out = `<strong>${out}</strong>`;
      if (m.italic) out = `<em>${out}</em>`;
      if (m.underline) out = `<u>${out}</u>`;
      if (m.strike) out = `<s>${out}</s>`;
      if (m.sup) out = `<sup>${out}</sup>`;
      if (m.sub) out = `<sub>${out}</sub>`;
      return out;
    },
    link: (inner, href) => {
      const safe = safeHref(href);
      return safe === null ? `<a data-blocked-href="${escapeHtml(href)}">${inner}</a>` : `<a href="${escapeHtml(safe)}">${inner}</a>`;
    },
    revision: (inner, r) => `<${r.type}${revisionAttributes(r.author, r.date)}>${inner}</${r.type}>`,
    commentRange: (inner, ids) => `<mark class="comment" data-comments="${escapeHtml(ids.join(" "))}">${inner}</mark>`,
    lineBreak: () => "<br>",
    note: (kind, n) => {
      const p = kind === "footnote" ? "fn" : "en";
      return `<sup class="${kind}-ref"><a href="#${p}-${n}" id="${p}ref-${n}">${kind === "footnote" ? n : `e${n}`}</a></sup>`;
    },
    comment: (id, c) =>
      `<sup class="comment-ref"><a href="#comment-${escapeHtml(id)}" title="${escapeHtml(`${c.author}: ${c.text}`)}">[${escapeHtml(c.author || "comment")} ${c.number}]</a></sup>`,
    // No src: an export never makes the reader's browser fetch anything (a remote picture would report the read).
    image: (alt, src) => `<img alt="${escapeHtml(alt)}"${src ? ` data-source="${escapeHtml(src)}"` : ""}>`,
    anchor: (name) => `<a id="${escapeHtml(name)}"></a>`,
  };
}

/** A table with merged cells as colspan/rowspan; rows marked as header rows (w:tblHeader) are not told apart. */
export function htmlTable(grid: TableGrid, cell: CellRenderer, syntax: InlineSyntax): string {
  const rows = grid.rows.map((row) => {
    const cells = row.map((c) => {
      const span = `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ""}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ""}`;
      return `<td${span}>${cell(c, syntax, true)}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table>\n${rows.join("\n")}\n</table>`;
}

export class HtmlWriter implements FormatWriter {
  readonly syntax: InlineSyntax;
  /** Open lists, outermost first; every list but the innermost sits inside an open <li>. */
  private readonly lists: ("ol" | "ul")[] = [];
  private listId: string | null = null;

  constructor(private readonly state: ExportState) {
    this.syntax = htmlSyntax(state);
  }

  start(title: string | null): string {
    return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">\n<title>${escapeHtml(title ?? "Document")}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`;
  }

  paragraph(block: ParagraphBlock): string {
    if (block.list) return this.listItem(block);
    const close = this.closeLists();
    if (block.heading !== null && block.content.trim()) {
      const level = Math.min(Math.max(block.heading, 1), 6);
      return `${close}<h${level}${block.heading === 0 ? ' class="title"' : ""}>${block.content}</h${level}>\n`;
    }
    return block.content.trim() ? `${close}<p>${block.content}</p>\n` : close;
  }

  private listItem(block: ParagraphBlock): string {
    const list = block.list!;
    const tag = list.ordered ? "ol" : "ul";
    let out = list.list !== this.listId && list.level === 0 ? this.closeLists() : "";
    this.listId = list.list;
    const depth = Math.min(list.level, this.lists.length);
    while (this.lists.length > depth + 1) out += `</li></${this.lists.pop()}>\n`;
    if (this.lists.length === depth + 1) {
      out += "</li>\n";
      if (this.lists[depth] !== tag) out += `</${this.lists.pop()}>\n`;
    }
    if (this.lists.length === depth) {
      out += `<${tag} class="docx-list">\n`;
      this.lists.push(tag);
    }
    const label = list.label ? `<span class="list-label">${escapeHtml(list.label)}</span>` : "";
    return `${out}<li>${label}${block.content}`;
  }

  private closeLists(): string {
    let out = "";
    this.listId = null;
    while (this.lists.length) out += `</li></${this.lists.pop()}>\n`;
    return out;
  }

  table(grid: TableGrid, cell: CellRenderer): string {
    return `${this.closeLists()}${htmlTable(grid, cell, this.syntax)}\n`;
  }

  end(notes: NoteRenderer): string {
    let out = this.closeLists();
    for (const kind of ["footnote", "endnote"] as const) {
      const ids = kind === "footnote" ? this.state.footnotes : this.state.endnotes;
      if (ids.length === 0) continue;
      const p = kind === "footnote" ? "fn" : "en";
      out += `<section class="${kind}s">\n<h2>${kind === "footnote" ? "Footnotes" : "Endnotes"}</h2>\n<ol>\n`;
      // Notes may reference further notes, which are appended while this loop runs.
      for (let i = 0; i < ids.length; i++) {
        const body = notes(kind, ids[i], this.syntax);
        out += `<li id="${p}-${i + 1}">${body.join("<br>")} <a href="#${p}ref-${i + 1}">↩</a></li>\n`;
      }
      out += "</ol>\n</section>\n";
    }
    if (this.state.comments.length) {
      out += '<section class="comments">\n<h2>Comments</h2>\n<ol>\n';
      for (const id of this.state.comments) {
        const c = this.state.comment(id);
        out += `<li id="comment-${escapeHtml(id)}"><strong>${escapeHtml(c.author)}</strong>${c.date ? ` <time>${escapeHtml(c.date)}</time>` : ""}: ${escapeHtml(c.text)}</li>\n`;
      }
      out += "</ol>\n</section>\n";
    }
    return `${out}</body>\n</html>\n`;
  }
}
