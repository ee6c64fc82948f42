/**
 * The paragraphs of the text boxes a paragraph anchors (w:txbxContent, §17.17.1.1), which text edits search after the
 * paragraph's own text. A text box usually comes twice, as DrawingML in mc:Choice and as VML in mc:Fallback; the
 * fallback's paragraphs are not searched on their own but kept equal to their twin, so either reader shows the edit.
 */
import { blockNodes, type DocNode, elementOf, tableParts, textBoxNodes, type WordDocument } from "../model/index.js";
import { localName, type XmlElement } from "../xml/index.js";
import { readParagraphText } from "./text-range.js";

export interface TextBoxParagraphs {
  /** Paragraphs of every text box outside mc:Fallback, in document order (nested boxes after their container). */
  paragraphs: XmlElement[];
  /** A paragraph's twin in the VML fallback, where the boxes and their paragraphs pair up one to one. */
  twins: Map<XmlElement, XmlElement>;
}

export function textBoxParagraphs(p: XmlElement, w: string): TextBoxParagraphs {
  const main: XmlElement[][] = [];
  const fallback: XmlElement[][] = [];
  const findBoxes = (el: XmlElement, inFallback: boolean) => {
    for (const c of el.children) {
      if (c.type !== "element") continue;
      if (c.name === w + "txbxContent") (inFallback ? fallback : main).push(paragraphsOf(c, w));
      findBoxes(c, inFallback || localName(c.name) === "Fallback");
    }
  };
  findBoxes(p, false);
  const twins = new Map<XmlElement, XmlElement>();
  if (main.length === fallback.length) {
    for (const [i, box] of main.entries()) {
      if (box.length !== fallback[i].length) continue;
      for (const [k, para] of box.entries()) twins.set(para, fallback[i][k]);
    }
  }
  return { paragraphs: main.flat(), twins };
}

/** The paragraphs of one text box, in tables too, but not those of a box nested inside it. */
function paragraphsOf(box: XmlElement, w: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of box.children) {
    if (c.type !== "element" || c.name === w + "txbxContent") continue;
    if (c.name === w + "p") out.push(c);
    paragraphsOf(c, w, out);
  }
  return out;
}

/**
 * The VML twin of a paragraph reached by a text-box path (`…/textbox[N]/paragraph[M]`) when it reads the same text, so
 * an edit applied to both keeps either reader's view equal; null otherwise. `block` is the top-level block holding it.
 */
export function sameTextTwin(node: DocNode, paragraph: XmlElement, block: XmlElement, w: string): XmlElement | null {
  if (!node.path.includes("/textbox[")) return null;
  const twin = textBoxParagraphs(block, w).twins.get(paragraph);
  return twin && readParagraphText(twin, w).text === readParagraphText(paragraph, w).text ? twin : null;
}

/**
 * The path of every paragraph in the text boxes a paragraph anchors (nested boxes and tables in boxes too), by element.
 * `anchor` carries its parsed element, so the keys are the elements the caller holds.
 */
export function textBoxPaths(doc: WordDocument, anchor: DocNode): Map<XmlElement, string> {
  const paths = new Map<XmlElement, string>();
  const visit = (node: DocNode) => {
    if (node.kind === "paragraph") {
      const el = elementOf(node);
      if (el && node !== anchor) paths.set(el, node.path);
      for (const box of textBoxNodes(doc, node)) visit(box);
    } else if (node.kind === "table") for (const row of tableParts(doc, node, "row")) visit(row);
    else if (node.kind === "row") for (const cell of tableParts(doc, node, "cell")) visit(cell);
    else for (const child of blockNodes(doc, node)) visit(child);
  };
  visit(anchor);
  return paths;
}
