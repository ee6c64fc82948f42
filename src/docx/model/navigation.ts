/** Which children each kind of node has, and how to list them in document order with ids and canonical paths. */
import { childElements, getAttribute, localName, type XmlElement } from "../xml/index.js";
import type { BlockList } from "./block-list.js";
import type { DocNode, NodeKind } from "./doc-node.js";
import { nestedId } from "./ids.js";
import type { Prefixes } from "./namespaces.js";
import type { WordDocument } from "./word-document.js";

const BLOCK_SELECTORS = ["paragraph", "heading", "table", "sdt", "*"];

/** Selectors allowed below each kind of node (canonical names; aliases such as p, tbl, tr, tc, r also work). */
export const ALLOWED_CHILDREN: Record<NodeKind, string[]> = {
  root: ["body", "header", "footer", "footnote", "endnote", "comment", "metadata", "styles"],
  body: [...BLOCK_SELECTORS, "section"],
  section: BLOCK_SELECTORS,
  header: BLOCK_SELECTORS,
  footer: BLOCK_SELECTORS,
  footnote: BLOCK_SELECTORS,
  endnote: BLOCK_SELECTORS,
  comment: BLOCK_SELECTORS,
  cell: BLOCK_SELECTORS,
  sdt: [...BLOCK_SELECTORS, "run", "hyperlink"],
  paragraph: ["run", "hyperlink", "drawing", "bookmark", "textbox", "style"],
  textbox: BLOCK_SELECTORS,
  hyperlink: ["run"],
  table: ["row", "style"],
  row: ["cell"],
  run: ["style", "drawing"],
  styles: ["style"],
  drawing: [],
  bookmark: [],
  sectPr: [],
  other: [],
  metadata: [],
  style: [],
};

const BLOCK_LETTER: Record<string, string> = { paragraph: "p", table: "tbl", sdt: "sdt", sectPr: "sectPr", other: "x" };

export function blockKindOf(el: XmlElement, w: string): NodeKind {
  switch (el.name) {
    case w + "p":
      return "paragraph";
    case w + "tbl":
      return "table";
    case w + "sdt":
      return "sdt";
    case w + "sectPr":
      return "sectPr";
    default:
      return "other";
  }
}

/** Heading level of a top-level paragraph block: a direct outline level wins over the style's. */
export function blockHeadingLevel(doc: WordDocument, node: DocNode): number | null {
  if (node.kind !== "paragraph") return null;
  if (node.list && node.index !== undefined) {
    const f = node.list.blocks[node.index].facts;
    if (f.outlineLevel !== null && Number.isFinite(f.outlineLevel))
      return f.outlineLevel >= 0 && f.outlineLevel <= 8 ? f.outlineLevel + 1 : null;
    return doc.styles.headingLevel(f.styleId ?? doc.styles.defaultParagraphStyle()?.styleId ?? null);
  }
  const el = node.element!;
  const w = doc.prefixes.w;
  const pPr = childElements(el, w + "pPr")[0];
  const outline = pPr && childElements(pPr, w + "outlineLvl")[0];
  if (outline) {
    const v = Number(getAttribute(outline, w + "val"));
    return v >= 0 && v <= 8 ? v + 1 : null;
  }
  const style = pPr && childElements(pPr, w + "pStyle")[0];
  return doc.styles.headingLevel((style && getAttribute(style, w + "val")) ?? null);
}

/** The top-level block a node is or lies in. */
export function ownerOf(node: DocNode): { list: BlockList; index: number } | undefined {
  if (node.list && node.index !== undefined) return { list: node.list, index: node.index };
  return node.owner;
}

/** The part a node lives in. */
export function partOf(node: DocNode): string | undefined {
  return node.list?.part ?? node.part ?? node.headerFooter?.part;
}

/** The element of any node, parsing a top-level block when needed. */
export function elementOf(node: DocNode): XmlElement | null {
  if (node.element) return node.element;
  if (node.list && node.index !== undefined) return node.list.element(node.index);
  return null;
}

/** Lists a container's blocks (paragraphs, tables, SDTs, ...) as nodes. */
export function blockNodes(doc: WordDocument, container: DocNode): DocNode[] {
  const out: DocNode[] = [];
  if (container.kind === "body" || container.kind === "section") {
    const list = doc.body;
    const [first, last] = container.section ? [container.section.firstBlock, container.section.lastBlock] : [0, list.length - 1];
    const ordinals: Record<string, number> = {};
    for (let i = 0; i <= last; i++) {
      const b = list.blocks[i];
      const kind = b.facts.kind;
      const ordinal = nextOrdinal(ordinals, kind);
      if (i < first) continue;
      const path = kind === "paragraph" || kind === "table" || kind === "sdt" ? `/body/${kind}[${ordinal}]` : `/body/children/${i}`;
      out.push({ kind, path, id: b.id, list, index: i });
    }
    return out;
  }
  const list = container.headerFooter?.blocks ?? container.note?.blocks;
  if (list) {
    const ordinals: Record<string, number> = {};
    list.blocks.forEach((b, i) => {
      const ordinal = nextOrdinal(ordinals, b.facts.kind);
      out.push({
        kind: b.facts.kind,
        path: `${container.path}/${b.facts.kind === "sectPr" || b.facts.kind === "other" ? "children" : b.facts.kind}[${ordinal}]`,
        id: b.id,
        list,
        index: i,
      });
    });
    return out;
  }
  // Cells and block-level SDTs hold their blocks as elements (an SDT inside w:sdtContent).
  const el = elementOf(container);
  if (!el) return out;
  const w = doc.prefixes.w;
  const holder = container.kind === "sdt" ? childElements(el, w + "sdtContent")[0] : el;
  if (!holder) return out;
  const ordinals: Record<string, number> = {};
  for (const child of childElements(holder)) {
    if (child.name === w + "tcPr") continue;
    const kind = blockKindOf(child, w);
    const ordinal = nextOrdinal(ordinals, kind);
    const letter = BLOCK_LETTER[kind] ?? "x";
    out.push({
      kind,
      path: `${container.path}/${kind === "other" || kind === "sectPr" ? "children" : kind}[${ordinal}]`,
      id: storedId(child, doc, prefixesOf(doc, container)) ?? nestedId(container.id ?? "", letter, ordinal),
      element: child,
      part: partOf(container),
      owner: ownerOf(container),
      ...(container.kind === "textbox" ? { parent: container } : {}),
    });
  }
  return out;
}

/**
 * The text boxes a paragraph anchors (w:txbxContent, §17.17.1.1), in document order: the DrawingML copy only, not
 * the VML twin in mc:Fallback, and not boxes nested in another box (those belong to a paragraph of that box).
 */
export function textBoxNodes(doc: WordDocument, paragraph: DocNode): DocNode[] {
  const el = elementOf(paragraph);
  if (!el) return [];
  const w = prefixesOf(doc, paragraph).w;
  const boxes: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const c of childElements(parent)) {
      if (c.name === w + "txbxContent") boxes.push(c);
      else if (localName(c.name) !== "Fallback" && c.name !== w + "pPr") walk(c);
    }
  };
  walk(el);
  const parent: DocNode = paragraph.element ? paragraph : { ...paragraph, element: el };
  return boxes.map((box, i) => ({
    kind: "textbox",
    path: `${paragraph.path}/textbox[${i}]`,
    id: nestedId(paragraph.id ?? "", "tx", i),
    element: box,
    parent,
    part: partOf(paragraph),
    owner: ownerOf(paragraph),
  }));
}

/** The prefixes of the part a node lives in (a header may bind namespaces differently from the body). */
function prefixesOf(doc: WordDocument, node: DocNode): Prefixes {
  return (ownerOf(node)?.list ?? node.headerFooter?.blocks ?? node.note?.blocks)?.prefixes ?? doc.prefixes;
}

/** The id stored on an element inside a block, unless that id occurs more than once in the document. */
export function storedId(el: XmlElement, doc: WordDocument, prefixes: Prefixes = doc.prefixes): string | null {
  let v: string | undefined;
  if (prefixes.w14 && (el.name === prefixes.w + "p" || el.name === prefixes.w + "tr")) v = getAttribute(el, prefixes.w14 + "paraId");
  if (!v && prefixes.dmcp) v = getAttribute(el, prefixes.dmcp + "id");
  return v && !doc.ids.isAmbiguous(v) ? v : null;
}

/** Rows of a table, or cells of a row, looking through SDT and customXml wrappers. */
export function tableParts(doc: WordDocument, node: DocNode, kind: "row" | "cell"): DocNode[] {
  const el = elementOf(node);
  if (!el) return [];
  const w = doc.prefixes.w;
  const target = kind === "row" ? w + "tr" : w + "tc";
  const found: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const c of childElements(parent)) {
      if (c.name === target) found.push(c);
      else if (c.name === w + "sdt" || c.name === w + "sdtContent" || c.name === w + "customXml") walk(c);
    }
  };
  walk(el);
  const letter = kind === "row" ? "tr" : "tc";
  return found.map((child, i) => ({
    kind,
    path: `${node.path}/${kind}[${i}]`,
    id: storedId(child, doc, prefixesOf(doc, node)) ?? nestedId(node.id ?? "", letter, i),
    element: child,
    part: partOf(node),
    owner: ownerOf(node),
  }));
}

const INLINE_TARGETS = { run: "r", hyperlink: "hyperlink", drawing: "drawing", bookmark: "bookmarkStart" } as const;
const INLINE_LETTER = { run: "r", hyperlink: "h", drawing: "d", bookmark: "b" } as const;

/**
 * Runs, hyperlinks, drawings or bookmarks of a paragraph in reading order, including those inside hyperlinks,
 * w:ins/w:del, inline SDTs, smart tags and simple fields; text boxes are their own stories and are not entered.
 */
export function inlineNodes(doc: WordDocument, container: DocNode, kind: keyof typeof INLINE_TARGETS): DocNode[] {
  const w = doc.prefixes.w;
  const paragraph = container.kind === "paragraph" || container.kind === "sdt" ? container : (container.parent ?? container);
  const paragraphEl = elementOf(paragraph);
  if (!paragraphEl) return [];
  const all = collectInline(paragraphEl, w, kind);
  // Children keep the parsed paragraph, so element identity holds between a run and its paragraph.
  const parentNode: DocNode = paragraph.element ? paragraph : { ...paragraph, element: paragraphEl };
  const within = container === paragraph ? null : collectInline(elementOf(container)!, w, kind, true);
  const out: DocNode[] = [];
  all.forEach((el, ordinal) => {
    if (within && !within.includes(el)) return;
    const local = out.length;
    out.push({
      kind,
      path: `${container.path}/${kind}[${local}]`,
      id: storedId(el, doc, prefixesOf(doc, paragraph)) ?? nestedId(paragraph.id ?? "", INLINE_LETTER[kind], ordinal),
      element: el,
      parent: parentNode,
      part: partOf(paragraph),
      owner: ownerOf(paragraph),
    });
  });
  return out;
}

function collectInline(root: XmlElement, w: string, kind: keyof typeof INLINE_TARGETS, includeRoot = false): XmlElement[] {
  const target = w + INLINE_TARGETS[kind];
  const pict = w + "pict";
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.type !== "element") continue;
      if (c.name === target || (kind === "drawing" && c.name === pict)) {
        out.push(c);
        if (kind !== "hyperlink") continue;
      }
      if (c.name === w + "txbxContent" || c.name === w + "pPr" || c.name === w + "rPr") continue;
      walk(c);
    }
  };
  if (includeRoot && root.name === target) out.push(root);
  walk(root);
  return out;
}

/** The body, then every header, footer, footnote, endnote and comment, as containers of blocks. */
export function storyContainers(doc: WordDocument): DocNode[] {
  const out: DocNode[] = [{ kind: "body", path: "/body", id: null }];
  for (const kind of ["header", "footer"] as const) {
    doc.headersFooters
      .filter((h) => h.kind === kind)
      .forEach((headerFooter, i) => {
        out.push({ kind, path: `/${kind}[${i}]`, id: null, headerFooter });
      });
  }
  const notes = [
    ["footnote", doc.footnotes],
    ["endnote", doc.endnotes],
    ["comment", doc.comments],
  ] as const;
  for (const [kind, list] of notes) {
    for (const [i, note] of list.entries()) out.push({ kind, path: `/${kind}[${i}]`, id: note.noteId, note });
  }
  return out;
}

/** Counts one more block of this kind and returns its 0-based ordinal. */
function nextOrdinal(ordinals: Record<string, number>, kind: string): number {
  const ordinal = (ordinals[kind] ?? -1) + 1;
  ordinals[kind] = ordinal;
  return ordinal;
}
