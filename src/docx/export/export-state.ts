/**
 * What an export remembers while it walks the document in order: relationship lookups, list counters, the notes
 * referenced so far (numbered by first reference), open comment ranges and complex fields (§17.16.2: between
 * w:fldChar begin and separate is the field code, hidden; between separate and end the result, shown).
 */
import type { Note, WordDocument } from "../model/index.js";
import { ListNumbering } from "../model/index.js";
import { RenderContext } from "../queries/index.js";
import { getAttribute } from "../xml/index.js";

export interface CommentInfo {
  /** 1-based number in order of appearance. */
  number: number;
  author: string;
  date: string | null;
  text: string;
}

export class ExportState {
  readonly w: string;
  readonly r: string;
  readonly numbering: ListNumbering;
  /** Note ids in the order they were first referenced; the position + 1 is the note's number. */
  readonly footnotes: string[] = [];
  readonly endnotes: string[] = [];
  /** Comment ids in the order their markup was first met. */
  readonly comments: string[] = [];
  private readonly rels: RenderContext;
  private readonly open = new Set<string>();
  private readonly bubbled = new Set<string>();
  private readonly fields: { code: boolean; instr: string; link: string | null }[] = [];

  constructor(readonly doc: WordDocument) {
    this.w = doc.prefixes.w;
    this.r = doc.prefixes.r;
    this.rels = new RenderContext(doc);
    this.numbering = new ListNumbering(doc);
  }

  relationship(part: string, id: string | undefined) {
    return this.rels.relationship(part, id);
  }

  noteNumber(kind: "footnote" | "endnote", id: string): number {
    const list = kind === "footnote" ? this.footnotes : this.endnotes;
    const at = list.indexOf(id);
    if (at >= 0) return at + 1;
    list.push(id);
    return list.length;
  }

  note(kind: "footnote" | "endnote", id: string): Note | undefined {
    return (kind === "footnote" ? this.doc.footnotes : this.doc.endnotes).find((n) => n.noteId === id);
  }

  openComment(id: string): void {
    this.open.add(id);
    this.seen(id);
  }

  closeComment(id: string): void {
    this.open.delete(id);
  }

  openCommentKey(): string {
    return this.open.size === 0 ? "" : [...this.open].join(" ");
  }

  /** True the first time a comment's bubble (author and text) is due: at its range end, or at its reference. */
  commentBubbleDue(id: string): boolean {
    if (this.bubbled.has(id)) return false;
    this.bubbled.add(id);
    this.seen(id);
    return true;
  }

  private seen(id: string): void {
    if (!this.comments.includes(id)) this.comments.push(id);
  }

  comment(id: string): CommentInfo {
    const note = this.doc.comments.find((c) => c.noteId === id);
    this.seen(id);
    const attr = (name: string) => (note ? (getAttribute(note.element, this.w + name) ?? null) : null);
    const text = note
      ? note.blocks.blocks
          .map((_, i) => note.blocks.text(i))
          .join("\n")
          .trim()
      : "";
    return { number: this.comments.indexOf(id) + 1, author: attr("author") ?? "", date: attr("date"), text };
  }

  fieldChar(type: string): void {
    const top = this.fields[this.fields.length - 1];
    if (type === "begin") this.fields.push({ code: true, instr: "", link: null });
    else if (type === "separate" && top) {
      top.code = false;
      top.link = fieldLink(top.instr);
    } else if (type === "end") this.fields.pop();
  }

  /** Field code text, which may be split over several runs. */
  fieldInstruction(text: string): void {
    const top = this.fields[this.fields.length - 1];
    if (top?.code) top.instr += text;
  }

  /** Inside a field code, text is the code itself and is not shown. */
  fieldHidden(): boolean {
    return this.fields.some((f) => f.code);
  }

  fieldLink(): string | null {
    for (let i = this.fields.length - 1; i >= 0; i--) if (this.fields[i].link) return this.fields[i].link;
    return null;
  }
}

/** A HYPERLINK field's target (§17.16.5.25): the quoted URL, or with \l a bookmark in this document. */
export function fieldLink(instr: string): string | null {
  const m = /^\s*HYPERLINK\s+(\\l\s+)?"([^"]*)"(?:\s+\\l\s+"([^"]*)")?/i.exec(instr);
  if (!m) return null;
  if (m[1]) return `#${m[2]}`;
  return m[3] ? `${m[2]}#${m[3]}` : m[2];
}
