/**
 * Character offsets in a paragraph's visible text (§17.3.3) mapped to the runs that hold them, and runs split at exact
 * offsets so that a range [start, end) becomes a sequence of whole runs. Shared by text replacement, insertion and
 * comment anchoring.
 *
 * The text is what `inlineText` reads: w:t, w:tab as "\t", w:br/w:cr as "\n", w:noBreakHyphen as U+2011, in runs at
 * any depth (hyperlinks, w:ins, smart tags, simple fields, inline content controls); deleted and moved-away runs and
 * text boxes are left out. Only text that is a direct child of a w:r counts here.
 *
 * Between the characters sit atoms a text edit must not move, split or empty: fields (§17.16), math (OMML), drawings,
 * pictures and embedded objects, note references and symbols. Their offsets are listed, and each character inside a
 * field result knows its field, so a match that would cut through one can be refused instead of applied.
 */
import { element, getAttribute, localName, setAttribute, type XmlElement, type XmlNode } from "../xml/index.js";

/** One text-bearing child of a run. */
export interface TextPiece {
  /** The element that holds the run: the paragraph, a hyperlink, a w:ins, a smart tag, ... */
  parent: XmlElement;
  run: XmlElement;
  /** The w:t (any length) or w:tab/w:br/w:cr/w:noBreakHyphen (one character). */
  node: XmlElement;
  start: number;
  end: number;
  /** The instruction's first word (PAGE, NUMPAGES, HYPERLINK, ...) of the innermost field whose result holds this text. */
  field?: string;
}

/** Something other than text inside a paragraph, at a text offset. */
export interface InlineAtom {
  offset: number;
  /** What it is, as a reason an edit may not cross it: "a field", "an equation", "a drawing", "a footnote reference", ... */
  kind: string;
}

export interface ParagraphText {
  text: string;
  pieces: TextPiece[];
  /** In document order, so offsets never decrease. */
  atoms: InlineAtom[];
}

/** A run inside a range, with the element that holds it. */
export interface RangeRun {
  parent: XmlElement;
  run: XmlElement;
}

const SKIPPED = ["txbxContent", "del", "moveFrom", "pPr", "rPr"];
const ONE_CHAR: Record<string, string> = { tab: "\t", br: "\n", cr: "\n", noBreakHyphen: "\u2011" };

/** Run children that are atoms, by local name (w: namespace), with the reason an edit may not cross them. */
const RUN_ATOMS: Record<string, string> = {
  drawing: "a drawing",
  pict: "a picture",
  object: "an embedded object",
  footnoteReference: "a footnote reference",
  endnoteReference: "an endnote reference",
  sym: "a symbol",
  ptab: "an absolute tab",
};

/** The paragraph's visible text and where each character lives. */
export function readParagraphText(p: XmlElement, w: string): ParagraphText {
  const pieces: TextPiece[] = [];
  const atoms: InlineAtom[] = [];
  const out: string[] = [];
  let offset = 0;
  // Open complex fields, innermost last: instruction so far, and whether the result has begun.
  const fields: { instr: string; inResult: boolean }[] = [];
  const fieldNames: string[] = [];
  const currentField = () => fieldNames[fieldNames.length - 1];
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.type !== "element" || SKIPPED.some((s) => c.name === w + s)) continue;
      const local = localName(c.name);
      if (local === "oMath" || local === "oMathPara") {
        atoms.push({ offset, kind: "an equation" });
        continue;
      }
      if (c.name === w + "fldSimple") {
        atoms.push({ offset, kind: "a field" });
        fieldNames.push(fieldKind(getAttribute(c, w + "instr") ?? ""));
        walk(c);
        fieldNames.pop();
        atoms.push({ offset, kind: "a field" });
        continue;
      }
      if (c.name !== w + "r") {
        walk(c);
        continue;
      }
      for (const node of c.children) {
        if (node.type !== "element") continue;
        // mc:AlternateContent in a run is a drawing with its VML fallback, under another prefix.
        if (localName(node.name) === "AlternateContent") atoms.push({ offset, kind: "a drawing" });
        if (!node.name.startsWith(w)) continue;
        const name = node.name.slice(w.length);
        if (name === "fldChar") {
          atoms.push({ offset, kind: "a field" });
          const type = getAttribute(node, w + "fldCharType");
          if (type === "begin") fields.push({ instr: "", inResult: false });
          else if (type === "separate" && fields.length) {
            fields[fields.length - 1].inResult = true;
            fieldNames.push(fieldKind(fields[fields.length - 1].instr));
          } else if (type === "end" && fields.length) {
            if (fields.pop()!.inResult) fieldNames.pop();
          }
          continue;
        }
        if (name === "instrText" && fields.length) {
          fields[fields.length - 1].instr += textOf(node);
          continue;
        }
        if (Object.hasOwn(RUN_ATOMS, name)) {
          atoms.push({ offset, kind: RUN_ATOMS[name] });
          continue;
        }
        const text = pieceText(node, w);
        if (!text) continue;
        const field = currentField();
        pieces.push({ parent: el, run: c, node, start: offset, end: offset + text.length, ...(field ? { field } : {}) });
        out.push(text);
        offset += text.length;
      }
    }
  };
  walk(p);
  return { text: out.join(""), pieces, atoms };
}

/** A field's kind: the first word of its instruction, upper-cased ("PAGE", "HYPERLINK"). */
function fieldKind(instr: string): string {
  return instr.trim().split(/\s+/)[0]?.toUpperCase() || "FIELD";
}

/** Makes `offset` a run boundary: a run holding characters on both sides of it is split in two, each with its own copy of the formatting. */
export function splitAt(p: XmlElement, w: string, offset: number): void {
  const { pieces } = readParagraphText(p, w);
  const inside = pieces.find((x) => x.start < offset && offset < x.end);
  if (inside) {
    // Only a w:t spans more than one character: cut it into two w:t, then cut the run between them.
    const text = textOf(inside.node);
    const cut = offset - inside.start;
    setText(inside.node, text.slice(0, cut));
    const rest = element(
      inside.node.name,
      inside.node.attributes.map((a) => ({ ...a })),
    );
    setText(rest, text.slice(cut));
    const at = inside.run.children.indexOf(inside.node);
    inside.run.children.splice(at + 1, 0, rest);
    splitRunAfter(inside, at, w);
    return;
  }
  const before = pieces.findIndex((x) => x.end === offset);
  const after = pieces[before + 1];
  if (before < 0 || !after || after.run !== pieces[before].run) return;
  splitRunAfter(pieces[before], pieces[before].run.children.indexOf(pieces[before].node), w);
}

/** Splits runs at both ends of [start, end) and returns the whole runs that now hold exactly its characters, in order. */
export function isolateRange(p: XmlElement, w: string, start: number, end: number): RangeRun[] {
  splitAt(p, w, start);
  splitAt(p, w, end);
  const out: RangeRun[] = [];
  for (const piece of readParagraphText(p, w).pieces) {
    if (piece.start < start || piece.end > end) continue;
    if (out[out.length - 1]?.run !== piece.run) out.push({ parent: piece.parent, run: piece.run });
  }
  return out;
}

/**
 * Where a run holding text inserted at `offset` goes, and the formatting it takes: that of the character before the
 * offset, or of the one after it when `lean` is "next" or nothing comes before; at the end of an empty paragraph.
 */
export function insertionPoint(
  p: XmlElement,
  w: string,
  offset: number,
  lean: "previous" | "next" = "previous",
): { parent: XmlElement; index: number; rPr: XmlElement | undefined } {
  splitAt(p, w, offset);
  const { pieces } = readParagraphText(p, w);
  const previous = offset > 0 ? pieces.findLast((x) => x.end === offset) : undefined;
  const next = pieces.find((x) => x.start === offset);
  if (previous && (lean === "previous" || !next))
    return { parent: previous.parent, index: previous.parent.children.indexOf(previous.run) + 1, rPr: runProperties(previous.run, w) };
  if (next) return { parent: next.parent, index: next.parent.children.indexOf(next.run), rPr: runProperties(next.run, w) };
  return { parent: p, index: p.children.length, rPr: undefined };
}

/** A run with `text` (tabs and newlines become w:tab and w:br) and a copy of `rPr`. */
export function textRun(w: string, text: string, rPr?: XmlElement): XmlElement {
  const run = element(w + "r", [], rPr ? [cloneElement(rPr)] : []);
  run.children.push(...textNodes(w, text));
  run.selfClosing = run.children.length === 0;
  return run;
}

/** The run content for `text`: w:t pieces with w:tab and w:br between them. */
export function textNodes(w: string, text: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const piece of text.split(/(\t|\n)/)) {
    if (piece === "\t") out.push(element(w + "tab"));
    else if (piece === "\n") out.push(element(w + "br"));
    else if (piece !== "") {
      // New text always preserves its spaces, as Word writes it.
      out.push(element(w + "t", [{ name: "xml:space", value: "preserve" }], [{ type: "text", text: piece }]));
    }
  }
  return out;
}

/** The characters a child of a run stands for: a w:t's text, one character for w:tab and the like, "" for anything else. */
export function pieceText(node: XmlNode, w: string): string {
  if (node.type !== "element" || !node.name.startsWith(w)) return "";
  const local = node.name.slice(w.length);
  if (local === "t") return textOf(node);
  return Object.hasOwn(ONE_CHAR, local) ? ONE_CHAR[local] : "";
}

export function runProperties(run: XmlElement, w: string): XmlElement | undefined {
  return run.children.find((c): c is XmlElement => c.type === "element" && c.name === w + "rPr");
}

export function cloneElement(el: XmlElement): XmlElement {
  return {
    ...el,
    attributes: el.attributes.map((a) => ({ ...a })),
    children: el.children.map((c) => (c.type === "element" ? cloneElement(c) : { ...c })),
  };
}

/** Moves the run's children after index `at` into a new run right after it, with the same attributes (but no stored id) and formatting. */
function splitRunAfter(piece: TextPiece, at: number, w: string): void {
  const { run, parent } = piece;
  const rPr = runProperties(run, w);
  // A stored id (dmcp:id) stays with the first piece: ids are unique.
  const attributes = run.attributes.filter((a) => !a.name.endsWith(":id")).map((a) => ({ ...a }));
  const tail = element(run.name, attributes, [...(rPr ? [cloneElement(rPr)] : []), ...run.children.splice(at + 1)]);
  parent.children.splice(parent.children.indexOf(run) + 1, 0, tail);
}

function textOf(t: XmlElement): string {
  let s = "";
  for (const c of t.children) if (c.type === "text" || c.type === "cdata") s += c.text;
  return s;
}

/** Sets a w:t's text, preserving spaces at its edges (§17.3.3.31 with xml:space). */
function setText(t: XmlElement, text: string): void {
  t.children = [{ type: "text", text }];
  t.selfClosing = false;
  if (/^\s|\s$/.test(text) && getAttribute(t, "xml:space") !== "preserve") setAttribute(t, "xml:space", "preserve");
}
