/**
 * The markdown of a query: the nodes a path selected, written by the export's Markdown writer, so a query shows the
 * same list labels and nesting as the whole-document export. Body blocks before a selected one that may carry list
 * numbering are rendered (and discarded) first, so the counters stand where the export has them.
 */
import { blockNodes, type DocNode, elementOf, nodeText, partOf, type WordDocument } from "../model/index.js";
import type { MarkdownChunk } from "../queries/index.js";
import type { XmlElement } from "../xml/index.js";
import { BlockWalk } from "./block-walk.js";
import { ExportState } from "./export-state.js";
import { MarkdownWriter } from "./markdown-writer.js";

const CONTAINERS = new Set(["cell", "textbox", "sdt", "header", "footer", "footnote", "endnote", "comment", "section"]);
const INLINE = new Set(["run", "hyperlink", "drawing", "bookmark"]);
const utf8 = new TextDecoder();

/** One renderer per query: chunks must be asked for in document order, as the query lists them. */
export function queryMarkdown(doc: WordDocument): MarkdownChunk {
  const state = new ExportState(doc);
  const writer = new MarkdownWriter(state);
  const walk = new BlockWalk(doc, state, writer);
  const w = doc.prefixes.w;
  const marks = listMarks(doc);
  /** The first body block whose numbering the counters have not yet seen. */
  let counted = 0;

  const advanceTo = (index: number) => {
    for (; counted < index; counted++) {
      const facts = doc.body.blocks[counted].facts;
      if (facts.kind === "sectPr") continue;
      if (mayNumber(doc, counted, marks)) walk.block(doc.body.element(counted), doc.mainPart);
      // A block with visible content ends an open list, as it would in the export.
      else if (facts.kind === "table" || facts.preview.trim() || facts.atoms) writer.paragraph({ heading: null, list: null, content: "-" });
    }
  };
  const wrap = (name: string, child: XmlElement): XmlElement => ({
    type: "element",
    name,
    attributes: [],
    children: [child],
    selfClosing: false,
  });
  const render = (node: DocNode): string => {
    const part = partOf(node) ?? doc.mainPart;
    if (CONTAINERS.has(node.kind) && !(node.kind === "sdt" && node.list === doc.body)) {
      return blockNodes(doc, node).map(render).join("");
    }
    const el = elementOf(node);
    if (!el || node.kind === "sectPr") return "";
    if (node.kind === "paragraph" || node.kind === "table" || node.kind === "sdt") return walk.block(el, part);
    if (node.kind === "row") return walk.block(wrap(w + "tbl", el), part);
    // Inline items are read one per line, as the content they would have inside their paragraph.
    if (INLINE.has(node.kind))
      return `\n${walk.paragraph(wrap(w + "p", node.kind === "drawing" ? wrap(w + "r", el) : el), part, writer.syntax).content}`;
    return writer.paragraph({ heading: null, list: null, content: writer.syntax.text(nodeText(doc, node)) });
  };
  return (node) => {
    const top = node.list === doc.body ? node.index : node.owner?.list === doc.body ? node.owner.index : undefined;
    if (top !== undefined) advanceTo(top);
    if (node.list === doc.body && node.index !== undefined) counted = Math.max(counted, node.index + 1);
    return render(node);
  };
}

/** Markers in a block's bytes that mean it may hold a list item: numPr, or a style that applies numbering. */
function listMarks(doc: WordDocument): string[] {
  const numbered = doc.styles.all().filter((style) => {
    const seen = new Set<string>();
    for (let s: typeof style | undefined = style; s && !seen.has(s.styleId); s = s.basedOn ? doc.styles.get(s.basedOn) : undefined) {
      seen.add(s.styleId);
      if (s.numbering) return true;
    }
    return false;
  });
  return ["numPr", ...numbered.map((s) => `"${s.styleId}"`)];
}

function mayNumber(doc: WordDocument, index: number, marks: string[]): boolean {
  const facts = doc.body.blocks[index].facts;
  if (facts.numbered) return true;
  const bytes = doc.body.sourceBytes(index);
  if (!bytes) return true;
  const xml = utf8.decode(bytes);
  return marks.some((m) => xml.includes(m));
}
