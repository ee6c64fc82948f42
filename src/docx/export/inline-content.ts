/**
 * A paragraph's inline content (§17.3.2, §17.3.3) as a flat list of pieces, each with the context it sits in: the
 * hyperlink, the tracked change (§17.13.5: w:ins, w:del, w:moveTo, w:moveFrom) and the open comment ranges
 * (§17.13.4). Formats render the pieces (inline-markup.ts); this module knows only WordprocessingML.
 */
import { mathLinear, runFormatting } from "../queries/index.js";
import { childElements, firstChild, getAttribute, localName, type XmlElement } from "../xml/index.js";
import { type ExportState, fieldLink } from "./export-state.js";

export interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  sup?: boolean;
  sub?: boolean;
}

export interface Revision {
  type: "ins" | "del";
  author: string;
  date: string | null;
}

export interface PieceContext {
  link: string | null;
  revision: Revision | null;
  /** Ids of the comment ranges open around the piece, space-separated; "" when none. */
  comments: string;
}

export type Piece = { ctx: PieceContext } & (
  | { kind: "text"; text: string; marks: Marks }
  | { kind: "break" }
  | { kind: "note"; note: "footnote" | "endnote"; number: number }
  | { kind: "comment"; id: string }
  | { kind: "image"; alt: string; src: string | null }
  | { kind: "anchor"; name: string }
);

/** Collects the pieces of one paragraph (or any inline container); `part` is where its relationships live. */
export function inlinePieces(state: ExportState, paragraph: XmlElement, part: string): Piece[] {
  const w = state.w;
  const out: Piece[] = [];
  const ctxOf = (link: string | null, revision: Revision | null): PieceContext => ({
    link: state.fieldLink() ?? link,
    revision,
    comments: state.openCommentKey(),
  });
  const push = (piece: Piece) => {
    if (piece.kind === "text" && state.fieldHidden()) return;
    out.push(piece);
  };

  const run = (r: XmlElement, link: string | null, revision: Revision | null) => {
    const f = runFormatting(r, w);
    const marks: Marks = {};
    if (f.bold) marks.bold = true;
    if (f.italic) marks.italic = true;
    if (f.underline) marks.underline = true;
    if (f.strike) marks.strike = true;
    if (f.vertical_align === "superscript") marks.sup = true;
    if (f.vertical_align === "subscript") marks.sub = true;
    for (const c of childElements(r)) {
      const name = c.name;
      const ctx = ctxOf(link, revision);
      if (name === w + "t" || name === w + "delText") {
        const text = c.children.map((t) => (t.type === "text" || t.type === "cdata" ? t.text : "")).join("");
        if (text) push({ kind: "text", text, marks, ctx });
      } else if (name === w + "tab" || name === w + "ptab") push({ kind: "text", text: "\t", marks, ctx });
      else if (name === w + "br" || name === w + "cr") {
        if (getAttribute(c, w + "type") !== "page" && !state.fieldHidden()) out.push({ kind: "break", ctx });
      } else if (name === w + "noBreakHyphen") push({ kind: "text", text: "\u2011", marks, ctx });
      else if (name === w + "sym") {
        const code = parseInt(getAttribute(c, w + "char") ?? "", 16);
        if (Number.isFinite(code)) push({ kind: "text", text: String.fromCharCode(code >= 0xf000 ? code - 0xf000 : code), marks, ctx });
      } else if (name === w + "footnoteReference" || name === w + "endnoteReference") {
        const note = name === w + "footnoteReference" ? "footnote" : "endnote";
        out.push({ kind: "note", note, number: state.noteNumber(note, getAttribute(c, w + "id") ?? ""), ctx });
      } else if (name === w + "commentReference") {
        const id = getAttribute(c, w + "id") ?? "";
        if (state.commentBubbleDue(id)) out.push({ kind: "comment", id, ctx: { ...ctx, comments: "" } });
      } else if (name === w + "fldChar") {
        state.fieldChar(getAttribute(c, w + "fldCharType") ?? "");
      } else if (name === w + "instrText") {
        state.fieldInstruction(c.children.map((t) => (t.type === "text" ? t.text : "")).join(""));
      } else if (name === w + "drawing" || name === w + "pict") {
        out.push({ kind: "image", ...imageOf(state, c, part), ctx });
      } else if (localName(name) === "AlternateContent") {
        const choice = childElements(c).find((x) => localName(x.name) === "Choice");
        if (choice) run({ ...r, children: choice.children }, link, revision);
      }
    }
  };

  const walk = (el: XmlElement, link: string | null, revision: Revision | null) => {
    for (const c of childElements(el)) {
      const name = c.name;
      if (name === w + "r") run(c, link, revision);
      else if (name === w + "hyperlink") {
        const rel = state.relationship(part, getAttribute(c, state.r + "id"));
        const anchor = getAttribute(c, w + "anchor");
        walk(c, rel ? rel.target + (anchor ? `#${anchor}` : "") : anchor ? `#${anchor}` : link, revision);
      } else if (name === w + "ins" || name === w + "moveTo" || name === w + "del" || name === w + "moveFrom") {
        const type = name === w + "ins" || name === w + "moveTo" ? "ins" : "del";
        walk(c, link, { type, author: getAttribute(c, w + "author") ?? "", date: getAttribute(c, w + "date") ?? null });
      } else if (name === w + "commentRangeStart") state.openComment(getAttribute(c, w + "id") ?? "");
      else if (name === w + "commentRangeEnd") {
        const id = getAttribute(c, w + "id") ?? "";
        state.closeComment(id);
        // The bubble follows the range rather than sitting inside another comment's range.
        if (state.commentBubbleDue(id)) out.push({ kind: "comment", id, ctx: { ...ctxOf(link, revision), comments: "" } });
      } else if (name === w + "bookmarkStart") {
        const bookmark = getAttribute(c, w + "name") ?? "";
        if (bookmark && bookmark !== "_GoBack") out.push({ kind: "anchor", name: bookmark, ctx: ctxOf(link, revision) });
      } else if (name === w + "fldSimple") {
        walk(c, fieldLink(getAttribute(c, w + "instr") ?? "") ?? link, revision);
      } else if (name === w + "sdt") {
        const content = firstChild(c, w + "sdtContent");
        if (content) walk(content, link, revision);
      } else if (localName(name) === "oMath" || localName(name) === "oMathPara") {
        // An equation reads in its linear form rather than leaving a gap in the sentence.
        push({ kind: "text", text: `[math: ${mathLinear(c).trim()}]`, marks: {}, ctx: ctxOf(link, revision) });
      } else if (name === w + "pPr" || name === w + "rPr" || name === w + "sdtPr" || name === w + "sdtEndPr") continue;
      else if (name === w + "smartTag" || name === w + "customXml" || name === w + "dir" || name === w + "bdo" || name === w + "sdtContent")
        walk(c, link, revision);
    }
  };
  walk(paragraph, null, null);
  return out;
}

function imageOf(state: ExportState, el: XmlElement, part: string): { alt: string; src: string | null } {
  let alt = "";
  let embed: string | undefined;
  const visit = (e: XmlElement) => {
    for (const c of childElements(e)) {
      const local = localName(c.name);
      if (local === "docPr" && !alt) alt = getAttribute(c, "descr") || getAttribute(c, "title") || getAttribute(c, "name") || "";
      else if (local === "blip" && !embed) embed = getAttribute(c, state.r + "embed") ?? getAttribute(c, state.r + "link");
      else if (local === "imagedata" && !embed) embed = getAttribute(c, state.r + "id");
      else if (local !== "txbxContent") visit(c);
    }
  };
  visit(el);
  const rel = state.relationship(part, embed);
  return { alt, src: rel ? (rel.partName ?? rel.target) : null };
}
