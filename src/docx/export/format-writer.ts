/** What the document walk (document-export.ts) hands to an output format, and what the formats give back. */

import type { GridCell, ListLabel, TableGrid } from "../model/index.js";
import type { InlineSyntax } from "./inline-markup.js";

export interface ParagraphBlock {
  /** 1-9 for headings, 0 for a title, null for body text. */
  heading: number | null;
  list: ListLabel | null;
  /** The inline content already rendered in the format's syntax. */
  content: string;
}

/** Renders one table cell's content in `syntax`; `html` asks for block markup (paragraphs as <p>, nested tables). */
export type CellRenderer = (cell: GridCell, syntax: InlineSyntax, html: boolean) => string;

/** The paragraphs of one footnote, endnote, rendered in `syntax`. */
export type NoteRenderer = (kind: "footnote" | "endnote", id: string, syntax: InlineSyntax) => string[];

export interface FormatWriter {
  readonly syntax: InlineSyntax;
  start(title: string | null): string;
  paragraph(block: ParagraphBlock): string;
  table(grid: TableGrid, cell: CellRenderer): string;
  /** Closes open lists and writes the notes and comments met on the way. */
  end(notes: NoteRenderer): string;
}

export const ESCAPE_HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPE_HTML[c]);
}

/** Attributes that tell a tracked change's author and date, for <ins>/<del> in either format. */
export function revisionAttributes(author: string, date: string | null): string {
  return `${author ? ` data-author="${escapeHtml(author)}"` : ""}${date ? ` datetime="${escapeHtml(date)}"` : ""}`;
}
