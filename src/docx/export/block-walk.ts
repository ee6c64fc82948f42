/** Renders body blocks (paragraphs, tables, content controls) through a format writer, keeping list counters in order. */
import { blockHeadingLevel, tableGrid, type WordDocument } from "../model/index.js";
import { childElements, firstChild, type XmlElement } from "../xml/index.js";
import type { ExportState } from "./export-state.js";
import type { CellRenderer, FormatWriter, NoteRenderer, ParagraphBlock } from "./format-writer.js";
import { htmlTable } from "./html-writer.js";
import { inlinePieces } from "./inline-content.js";
import { type InlineSyntax, renderInline } from "./inline-markup.js";

export class BlockWalk {
  private readonly w: string;

  constructor(
    private readonly doc: WordDocument,
    private readonly state: ExportState,
    private readonly writer: FormatWriter,
  ) {
    this.w = doc.prefixes.w;
  }

  /** A body-level block: paragraph, table, or the blocks inside a content control or custom XML element. */
  block(el: XmlElement, part: string): string {
    const w = this.w;
    if (el.name === w + "p") return this.writer.paragraph(this.paragraph(el, part, this.writer.syntax));
    if (el.name === w + "tbl") return this.writer.table(tableGrid(el, w), this.cells(part));
    const holder = el.name === w + "sdt" ? firstChild(el, w + "sdtContent") : el.name === w + "customXml" ? el : undefined;
    return holder
      ? childElements(holder)
          .map((c) => this.block(c, part))
          .join("")
      : "";
  }

  /** Heading level, list label and rendered content; a numbered heading keeps its number in front of its text. */
  paragraph(el: XmlElement, part: string, syntax: InlineSyntax): ParagraphBlock {
    const heading = blockHeadingLevel(this.doc, { kind: "paragraph", path: "", id: null, element: el });
    const ref = this.state.numbering.reference(el);
    const list = ref ? this.state.numbering.next(ref.numId, ref.level) : null;
    const content = renderInline(inlinePieces(this.state, el, part), syntax, this.state);
    if (heading !== null && list) return { heading, list: null, content: list.label ? `${syntax.text(list.label)} ${content}` : content };
    // A numbered level that shows nothing (numFmt none, or an empty lvlText) is a plain paragraph to the reader.
    return { heading, list: list?.ordered && list.label === "" ? null : list, content };
  }

  /** Cell content: in HTML, paragraphs as <p> (a lone paragraph bare) and nested tables; otherwise lines joined by <br>. */
  private cells(part: string): CellRenderer {
    const render: CellRenderer = (cell, syntax, html) => {
      const parts: { text: string; table: boolean }[] = [];
      const visit = (holder: XmlElement) => {
        for (const c of childElements(holder)) {
          if (c.name === this.w + "p") {
            const p = this.paragraph(c, part, syntax);
            parts.push({ text: p.list?.label ? `${syntax.text(p.list.label)} ${p.content}` : p.content, table: false });
          } else if (c.name === this.w + "tbl" && html) parts.push({ text: htmlTable(tableGrid(c, this.w), render, syntax), table: true });
          else if (c.name === this.w + "sdt") {
            const content = firstChild(c, this.w + "sdtContent");
            if (content) visit(content);
          } else if (c.name === this.w + "customXml") visit(c);
        }
      };
      visit(cell.element);
      if (!html)
        return parts
          .map((p) => p.text.trim())
          .filter(Boolean)
          .join("<br>");
      if (parts.length === 1 && !parts[0].table) return parts[0].text;
      return parts.map((p) => (p.table ? p.text : `<p>${p.text}</p>`)).join("");
    };
    return render;
  }

  /** A note's paragraphs; tables inside notes are flattened to their paragraphs. */
  readonly notes: NoteRenderer = (kind, id, syntax) => {
    const note = this.state.note(kind, id);
    if (!note) return [];
    const out: string[] = [];
    const visit = (el: XmlElement) => {
      if (el.name === this.w + "p") {
        const text = this.paragraph(el, note.blocks.part, syntax).content.trim();
        if (text) out.push(text);
      } else for (const c of childElements(el)) visit(c);
    };
    for (let i = 0; i < note.blocks.length; i++) visit(note.blocks.element(i));
    return out;
  };
}
