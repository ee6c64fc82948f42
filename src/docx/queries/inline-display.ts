/**
 * A paragraph's (or run's, or link's) text as readers show it: the characters plus every atom named in brackets, so an
 * agent never takes a figure or an equation for emptiness. Images as [image: alt text], equations as
 * [math: linear form], fields as [PAGE: 2] (a hyperlink field shows only its text, SET and index entries nothing),
 * note references as [footnote 1], text boxes as [text box: their paragraphs].
 */
import { type DocNode, elementOf, nodeText, ownerOf, type WordDocument } from "../model/index.js";
import { getAttribute, localName, type XmlElement } from "../xml/index.js";
import { mathLinear } from "./math-linear.js";

/** Fields whose result Word does not show as body text. */
const HIDDEN_FIELDS = new Set(["SET", "PRIVATE", "XE", "TC", "RD", "TA", "ADDIN"]);
const ONE_CHAR: Record<string, string> = { tab: "\t", br: "\n", cr: "\n", noBreakHyphen: "\u2011" };

interface OpenField {
  instr: string;
  result: string[] | null;
}

/** `escapeChars` applies to the characters only (Markdown escapes them), never to the bracketed atoms. */
export function displayInline(el: XmlElement, w: string, escapeChars: (text: string) => string = (t) => t): string {
  const out: string[] = [];
  const fields: OpenField[] = [];
  const emit = (s: string) => {
    const top = fields[fields.length - 1];
    if (!top) out.push(s);
    else if (top.result) top.result.push(s);
  };
  const closeField = (field: OpenField) => emit(fieldText(field.instr, (field.result ?? []).join("")));
  const walk = (parent: XmlElement) => {
    for (const c of parent.children) {
      if (c.type !== "element") continue;
      const local = localName(c.name);
      if (c.name === w + "del" || c.name === w + "moveFrom" || c.name === w + "pPr" || c.name === w + "rPr") continue;
      if (local === "oMath" || local === "oMathPara") emit(`[math: ${mathLinear(c).trim()}]`);
      else if (c.name === w + "fldSimple") {
        const field: OpenField = { instr: getAttribute(c, w + "instr") ?? "", result: [] };
        fields.push(field);
        walk(c);
        fields.pop();
        closeField(field);
      } else if (c.name === w + "r") run(c);
      else walk(c);
    }
  };
  const run = (r: XmlElement) => {
    for (const c of r.children) {
      if (c.type !== "element") continue;
      const local = localName(c.name);
      if (c.name === w + "t") emit(escapeChars(c.children.map((t) => (t.type === "text" || t.type === "cdata" ? t.text : "")).join("")));
      else if (c.name.startsWith(w) && Object.hasOwn(ONE_CHAR, local)) emit(ONE_CHAR[local]);
      else if (c.name === w + "fldChar") {
        const type = getAttribute(c, w + "fldCharType");
        if (type === "begin") fields.push({ instr: "", result: null });
        else if (type === "separate" && fields.length) fields[fields.length - 1].result = [];
        else if (type === "end" && fields.length) closeField(fields.pop()!);
      } else if (c.name === w + "instrText" && fields.length && !fields[fields.length - 1].result)
        fields[fields.length - 1].instr += c.children.map((t) => (t.type === "text" ? t.text : "")).join("");
      else if (c.name === w + "footnoteReference" || c.name === w + "endnoteReference")
        emit(`[${local === "footnoteReference" ? "footnote" : "endnote"} ${getAttribute(c, w + "id") ?? "?"}]`);
      else if (local === "drawing" || local === "pict" || local === "object" || local === "AlternateContent")
        emit(graphicText(c, w, escapeChars));
    }
  };
  if (el.name === w + "r") run(el);
  else walk(el);
  // A field still open continues past this element (a TOC over many paragraphs): show the result it has so far.
  while (fields.length) {
    const field = fields.shift()!;
    if (field.result) closeField(field);
  }
  return out.join("");
}

/** How a field reads: its result and kind, only the text for a hyperlink, nothing for fields Word hides. */
function fieldText(instr: string, result: string): string {
  const kind = instr.trim().split(/\s+/)[0]?.toUpperCase() || "FIELD";
  if (kind === "HYPERLINK") return result;
  if (HIDDEN_FIELDS.has(kind)) return "";
  return `[${kind}: ${result}]`;
}

/** An image by its alt text (or title, or name), or a text box by its paragraphs; mc:AlternateContent by its first choice. */
function graphicText(el: XmlElement, w: string, escapeChars: (text: string) => string): string {
  const choice = localName(el.name) === "AlternateContent" ? el.children.find((c): c is XmlElement => c.type === "element") : el;
  if (!choice) return "";
  const box = find(choice, (e) => e.name === w + "txbxContent");
  if (box) {
    const paragraphs = box.children.filter((c): c is XmlElement => c.type === "element" && c.name === w + "p");
    return `[text box: ${paragraphs.map((p) => displayInline(p, w, escapeChars)).join(" / ")}]`;
  }
  const docPr = find(choice, (e) => localName(e.name) === "docPr");
  const imageData = find(choice, (e) => localName(e.name) === "imagedata");
  const alt =
    (docPr && (attr(docPr, "descr") || attr(docPr, "title") || attr(docPr, "name"))) || (imageData && attr(imageData, "title")) || "";
  return `[image${alt ? `: ${alt}` : ""}]`;
}

function attr(el: XmlElement, local: string): string {
  return el.attributes.find((a) => localName(a.name) === local)?.value.trim() ?? "";
}

function find(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement | undefined {
  for (const c of el.children) {
    if (c.type !== "element") continue;
    if (test(c)) return c;
    const below = find(c, test);
    if (below) return below;
  }
  return undefined;
}

/** A node's text for readers: with atoms shown for paragraphs, runs and links (parsing a top-level block only when its scan saw an atom). */
export function displayText(doc: WordDocument, node: DocNode): string {
  if (node.kind !== "paragraph" && node.kind !== "run" && node.kind !== "hyperlink") return nodeText(doc, node);
  const facts = node.list && node.index !== undefined ? node.list.blocks[node.index].facts : null;
  if (facts && !facts.atoms) return nodeText(doc, node);
  const el = elementOf(node);
  return el ? displayInline(el, (ownerOf(node)?.list.prefixes ?? doc.prefixes).w) : nodeText(doc, node);
}
