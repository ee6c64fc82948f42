/**
 * Paragraphs for a header or footer (§17.10.3): plain text lines, with {PAGE}, {NUMPAGES} and {SECTIONPAGES} written
 * as simple fields (w:fldSimple, §17.16.19) that Word and LibreOffice fill in when the page is laid out.
 */
import { DocxError } from "../../errors.js";
import { element, insertInOrder, type XmlElement, type XmlNode } from "../../xml/index.js";

export const ALIGNMENTS = ["left", "center", "right"] as const;
export type Alignment = (typeof ALIGNMENTS)[number];
const FIELD = /\{(PAGE|NUMPAGES|SECTIONPAGES)\}/;
const PIECES = /(\{(?:PAGE|NUMPAGES|SECTIONPAGES)\})/;

export function checkLines(lines: string[]): void {
  if (lines.length === 0)
    throw new DocxError({
      kind: "invalid_argument",
      field: "text",
      message: 'Give the header or footer text: at least one line (use "" for an empty one).',
    });
  for (const line of lines) {
    const unknown = /\{([A-Z]+)\}/.exec(line.replace(new RegExp(FIELD.source, "g"), ""));
    if (unknown)
      throw new DocxError({
        kind: "invalid_argument",
        field: "text",
        message: `Unknown field {${unknown[1]}} in ${JSON.stringify(line)}; the fields are {PAGE}, {NUMPAGES} and {SECTIONPAGES}.`,
      });
  }
}

const text = (w: string, t: string): XmlElement =>
  element(w + "t", [{ name: "xml:space", value: "preserve" }], [{ type: "text", text: t }]);

function runs(w: string, line: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const piece of line.split(PIECES).filter((s) => s !== "")) {
    const field = FIELD.exec(piece);
    if (field) {
      // The result "1" is what shows until fields are updated; Word and LibreOffice recompute it per page.
      out.push(element(w + "fldSimple", [{ name: w + "instr", value: ` ${field[1]} ` }], [element(w + "r", [], [text(w, "1")])]));
      continue;
    }
    const parts = piece.split("\t");
    const run = element(w + "r");
    parts.forEach((t, i) => {
      if (i > 0) run.children.push(element(w + "tab"));
      if (t) run.children.push(text(w, t));
    });
    out.push(run);
  }
  return out;
}

/** One w:p per line; `pPr` (copied) or a new one with the style and alignment gives each its properties. */
export function headerParagraphs(
  w: string,
  lines: string[],
  options: { styleId?: string | null; alignment?: Alignment; pPr?: XmlElement },
): XmlElement[] {
  return lines.map((line) => {
    let pPr = options.pPr ? structuredClone(options.pPr) : null;
    if (!pPr && (options.styleId || options.alignment)) pPr = element(w + "pPr");
    if (pPr && options.styleId && !options.pPr) pPr.children.push(element(w + "pStyle", [{ name: w + "val", value: options.styleId }]));
    if (pPr && options.alignment) {
      pPr.children = pPr.children.filter((c) => !(c.type === "element" && c.name === w + "jc"));
      insertInOrder(pPr, element(w + "jc", [{ name: w + "val", value: options.alignment }]), w);
    }
    if (pPr) pPr.selfClosing = pPr.children.length === 0;
    return element(w + "p", [], [...(pPr ? [pPr] : []), ...runs(w, line)]);
  });
}
