/** Text, style and heading level of any node, answered from scan facts when possible so untouched blocks are not parsed. */
import { firstChild, getAttribute } from "../xml/index.js";
import type { DocNode } from "./doc-node.js";
import { blockHeadingLevel, elementOf } from "./navigation.js";
import { blockText, inlineText } from "./text.js";
import type { WordDocument } from "./word-document.js";

export function nodeText(doc: WordDocument, node: DocNode): string {
  const w = doc.prefixes.w;
  if (node.list && node.index !== undefined) return node.list.text(node.index);
  switch (node.kind) {
    case "header":
    case "footer":
      return node.headerFooter!.blocks.blocks.map((_, i) => node.headerFooter!.blocks.text(i)).join("\n");
    case "footnote":
    case "endnote":
    case "comment":
      return node.note!.blocks.blocks.map((_, i) => node.note!.blocks.text(i)).join("\n");
    case "section": {
      const s = node.section!;
      const parts: string[] = [];
      for (let i = s.firstBlock; i <= s.lastBlock; i++) parts.push(doc.body.text(i));
      return parts.join("\n");
    }
    case "run":
    case "hyperlink":
    case "paragraph":
      return inlineText(node.element!, w);
    case "bookmark":
    case "drawing":
    case "style":
    case "styles":
    case "metadata":
    case "root":
    case "body":
      return "";
    default: {
      const el = elementOf(node);
      return el ? blockText(el, w) : "";
    }
  }
}

/** The style id a node names directly (paragraph, table or character style), or null. */
export function nodeStyleId(doc: WordDocument, node: DocNode): string | null {
  if (node.list && node.index !== undefined && (node.kind === "paragraph" || node.kind === "table"))
    return node.list.blocks[node.index].facts.styleId;
  if (node.kind === "style") return node.style?.styleId ?? null;
  const el = elementOf(node);
  if (!el) return null;
  const w = doc.prefixes.w;
  const [props, styleName] =
    node.kind === "paragraph"
      ? ["pPr", "pStyle"]
      : node.kind === "run"
        ? ["rPr", "rStyle"]
        : node.kind === "table"
          ? ["tblPr", "tblStyle"]
          : [null, null];
  if (!props) return null;
  const pr = firstChild(el, w + props);
  const st = pr && firstChild(pr, w + styleName);
  return (st && getAttribute(st, w + "val")) ?? null;
}

export function nodeHeadingLevel(doc: WordDocument, node: DocNode): number | null {
  return node.kind === "paragraph" ? blockHeadingLevel(doc, node) : null;
}

/** Whether a style filter value (id or display name, any case and spacing) names this style id. */
export function styleMatches(doc: WordDocument, styleId: string | null, wanted: string): boolean {
  if (!styleId) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const target = norm(wanted);
  if (norm(styleId) === target) return true;
  const info = doc.styles.get(styleId);
  return info !== undefined && norm(info.name) === target;
}
