/**
 * Renders inline pieces in one output syntax. Pieces are grouped by link, then tracked change, then open comment
 * ranges, so every wrapper closes before the next one opens and the output stays well nested; adjacent text with the
 * same marks is merged, so a word split over several runs comes out as one word.
 */
import type { CommentInfo, ExportState } from "./export-state.js";
import type { Marks, Piece, PieceContext, Revision } from "./inline-content.js";

export interface InlineSyntax {
  text(text: string): string;
  marks(inner: string, marks: Marks): string;
  link(inner: string, href: string): string;
  revision(inner: string, revision: Revision): string;
  commentRange(inner: string, ids: string[]): string;
  lineBreak(): string;
  note(kind: "footnote" | "endnote", number: number): string;
  comment(id: string, info: CommentInfo): string;
  image(alt: string, src: string | null): string;
  anchor(name: string): string;
}

type Level = (ctx: PieceContext) => string;
const LEVELS: Level[] = [
  (c) => c.link ?? "",
  (c) => (c.revision ? `${c.revision.type}\u0000${c.revision.author}\u0000${c.revision.date ?? ""}` : ""),
  (c) => c.comments,
];

export function renderInline(pieces: Piece[], syntax: InlineSyntax, state: ExportState): string {
  return group(pieces, 0, syntax, state);
}

function group(pieces: Piece[], depth: number, syntax: InlineSyntax, state: ExportState): string {
  if (depth === LEVELS.length) return leaves(pieces, syntax, state);
  const key = LEVELS[depth];
  let out = "";
  for (let i = 0; i < pieces.length; ) {
    const k = key(pieces[i].ctx);
    let j = i + 1;
    while (j < pieces.length && key(pieces[j].ctx) === k) j++;
    const inner = group(pieces.slice(i, j), depth + 1, syntax, state);
    const ctx = pieces[i].ctx;
    if (!k || !inner) out += inner;
    else if (depth === 0) out += syntax.link(inner, ctx.link!);
    else if (depth === 1) out += syntax.revision(inner, ctx.revision!);
    else out += syntax.commentRange(inner, ctx.comments.split(" "));
    i = j;
  }
  return out;
}

const marksKey = (m: Marks) =>
  `${m.bold ? "b" : ""}${m.italic ? "i" : ""}${m.underline ? "u" : ""}${m.strike ? "s" : ""}${m.sup ? "^" : ""}${m.sub ? "_" : ""}`;

function leaves(pieces: Piece[], syntax: InlineSyntax, state: ExportState): string {
  let out = "";
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    switch (piece.kind) {
      case "text": {
        let text = piece.text;
        const key = marksKey(piece.marks);
        while (i + 1 < pieces.length && pieces[i + 1].kind === "text" && marksKey((pieces[i + 1] as { marks: Marks }).marks) === key) {
          text += (pieces[++i] as { text: string }).text;
        }
        out += key ? syntax.marks(syntax.text(text), piece.marks) : syntax.text(text);
        break;
      }
      case "break":
        out += syntax.lineBreak();
        break;
      case "note":
        out += syntax.note(piece.note, piece.number);
        break;
      case "comment":
        out += syntax.comment(piece.id, state.comment(piece.id));
        break;
      case "image":
        out += syntax.image(piece.alt, piece.src);
        break;
      case "anchor":
        out += syntax.anchor(piece.name);
        break;
    }
  }
  return out;
}
