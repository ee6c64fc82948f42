/** JSON shapes of elements, following docx-mcp: type, id, path, text, style, properties, runs with formatting, hyperlinks with URLs. */
import {
  blockNodes,
  commentAnchor,
  type DocNode,
  elementOf,
  inlineNodes,
  nodeHeadingLevel,
  nodeStyleId,
  nodeText,
  partOf,
  tableParts,
  textBoxNodes,
} from "../model/index.js";
import { childElements, firstChild, getAttribute, localName, type XmlElement } from "../xml/index.js";
import { findDescendants, paragraphProperties, runFormatting } from "./formatting.js";
import { displayText } from "./inline-display.js";
import type { RenderContext } from "./render-context.js";

export type Json = { [key: string]: unknown };

export function nodeJson(ctx: RenderContext, node: DocNode): Json {
  switch (node.kind) {
    case "paragraph":
      return paragraphJson(ctx, node);
    case "table":
      return tableJson(ctx, node);
    case "row":
      return {
        type: "row",
        id: node.id,
        path: node.path,
        cells: tableParts(ctx.doc, node, "cell").map((c) => ({ id: c.id, path: c.path, text: nodeText(ctx.doc, c) })),
      };
    case "cell":
      return cellJson(ctx, node);
    case "run":
      return runJson(ctx, node);
    case "hyperlink":
      return hyperlinkJson(ctx, node);
    case "drawing":
      return drawingJson(ctx, node);
    case "bookmark": {
      const el = node.element!;
      return {
        type: "bookmark",
        id: node.id,
        path: node.path,
        name: getAttribute(el, ctx.w + "name") ?? "",
        bookmark_id: getAttribute(el, ctx.w + "id") ?? "",
      };
    }
    case "section":
      return sectionJson(ctx, node);
    case "header":
    case "footer": {
      const hf = node.headerFooter!;
      return {
        type: node.kind,
        path: node.path,
        part: hf.part,
        types: hf.types,
        sections: hf.sections,
        text: nodeText(ctx.doc, node),
        content: blockNodes(ctx.doc, node).map((b) => blockSummaryJson(ctx, b)),
      };
    }
    case "footnote":
    case "endnote":
      return { type: node.kind, id: node.id, path: node.path, note_id: node.note!.noteId, text: nodeText(ctx.doc, node) };
    case "comment": {
      const el = node.note!.element;
      const attr = (n: string) => getAttribute(el, ctx.w + n) ?? null;
      return {
        type: "comment",
        id: node.id,
        path: node.path,
        comment_id: node.note!.noteId,
        author: attr("author"),
        initials: attr("initials"),
        date: attr("date"),
        text: nodeText(ctx.doc, node),
        anchor: commentAnchor(ctx.doc, node.note!.noteId),
      };
    }
    case "style":
      return styleJson(ctx, node);
    case "styles":
      return {
        type: "styles",
        path: node.path,
        count: ctx.doc.styles.all().length,
        styles: ctx.doc.styles.all().map((s) => ({ style_id: s.styleId, name: s.name, type: s.type })),
      };
    case "metadata":
      return metadataJson(ctx);
    case "sdt":
      return sdtJson(ctx, node);
    case "textbox":
      return textBoxJson(ctx, node);
    default: {
      const el = elementOf(node);
      return { type: node.kind, id: node.id, path: node.path, element: el?.name ?? null, text: nodeText(ctx.doc, node) };
    }
  }
}

/** A small description of a block, used inside containers (headers, cells) to keep results compact. */
function blockSummaryJson(ctx: RenderContext, node: DocNode): Json {
  const level = nodeHeadingLevel(ctx.doc, node);
  return {
    type: level !== null && level >= 1 ? "heading" : node.kind,
    id: node.id,
    path: node.path,
    style: nodeStyleId(ctx.doc, node),
    text: displayText(ctx.doc, node),
  };
}

function paragraphJson(ctx: RenderContext, node: DocNode): Json {
  const el = elementOf(node)!;
  const doc = ctx.doc;
  const full: DocNode = { ...node, element: el };
  const level = nodeHeadingLevel(doc, full);
  const styleId = nodeStyleId(doc, full);
  const out: Json = {
    type: level !== null && level >= 1 ? "heading" : "paragraph",
    id: node.id,
    path: node.path,
    text: displayText(doc, full),
    style: styleId,
    style_name: styleId ? (doc.styles.get(styleId)?.name ?? styleId) : null,
  };
  if (level !== null) out.level = level;
  const props = paragraphProperties(el, ctx.w);
  const format = props.list ? ctx.numbering.formatOf(el) : null;
  if (props.list && format) props.list.number_format = format;
  if (Object.keys(props).length > 0) out.properties = props;
  out.runs = inlineNodes(doc, full, "run").map((r) => runJson(ctx, r));
  const links = inlineNodes(doc, full, "hyperlink");
  if (links.length) out.hyperlinks = links.map((h) => hyperlinkJson(ctx, h, false));
  const drawings = inlineNodes(doc, full, "drawing");
  if (drawings.length) out.drawings = drawings.map((d) => drawingJson(ctx, d));
  // Each text box by its path, so its paragraphs can be read and edited on their own.
  const boxes = textBoxNodes(doc, full);
  if (boxes.length) out.text_boxes = boxes.map((b) => textBoxJson(ctx, b));
  const commentIds = [...new Set(findDescendants(el, "commentReference").map((c) => getAttribute(c, ctx.w + "id") ?? ""))];
  if (commentIds.length) {
    out.comments = commentIds.map((id) => {
      const note = doc.comments.find((c) => c.noteId === id);
      return {
        comment_id: id,
        author: note ? (getAttribute(note.element, ctx.w + "author") ?? null) : null,
        text: note ? note.blocks.blocks.map((_, i) => note.blocks.text(i)).join("\n") : null,
      };
    });
  }
  return out;
}

/** A text box with the paths of its paragraphs (and tables), which `…/textbox[N]/paragraph[M]` reads and edits. */
function textBoxJson(ctx: RenderContext, node: DocNode): Json {
  const blocks = blockNodes(ctx.doc, node).filter((b) => b.kind !== "other");
  return {
    type: "textbox",
    id: node.id,
    path: node.path,
    text: nodeText(ctx.doc, node),
    content: blocks.map((b) => blockSummaryJson(ctx, b)),
  };
}

function runJson(ctx: RenderContext, node: DocNode): Json {
  const el = node.element!;
  const out: Json = { type: "run", id: node.id, path: node.path, text: displayText(ctx.doc, node), ...runFormatting(el, ctx.w) };
  const parentEl = node.parent ? elementOf(node.parent) : null;
  const revision = parentEl ? revisionOf(parentEl, el, ctx.w) : null;
  if (revision) out.revision = revision;
  // A note reference run says which note it shows, so /footnote[N] can be found from the text and back.
  for (const kind of ["footnote", "endnote"] as const) {
    const ref = childElements(el, ctx.w + kind + "Reference")[0];
    if (!ref) continue;
    const id = getAttribute(ref, ctx.w + "id") ?? "";
    const index = (kind === "footnote" ? ctx.doc.footnotes : ctx.doc.endnotes).findIndex((n) => n.noteId === id);
    out[`${kind}_id`] = id;
    out[`${kind}_path`] = index < 0 ? null : `/${kind}[${index}]`;
  }
  // A deleted run has no visible text; show what was deleted so reviewers can read the change.
  if (revision === "deleted" || revision === "moved_from")
    out.deleted_text = findDescendants(el, "delText")
      .map((t) => t.children.map((c) => (c.type === "text" ? c.text : "")).join(""))
      .join("");
  return out;
}

/** The tracked-change wrapper (w:ins, w:del, w:moveTo, w:moveFrom) around a run, if any. */
function revisionOf(paragraph: XmlElement, run: XmlElement, w: string): string | null {
  const names: Record<string, string> = {
    [w + "ins"]: "inserted",
    [w + "del"]: "deleted",
    [w + "moveTo"]: "moved_to",
    [w + "moveFrom"]: "moved_from",
  };
  const search = (el: XmlElement, wrapper: string | null): string | null | undefined => {
    for (const c of childElements(el)) {
      if (c === run) return wrapper;
      const found = search(c, names[c.name] ?? wrapper);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return search(paragraph, null) ?? null;
}

function hyperlinkJson(ctx: RenderContext, node: DocNode, withRuns = true): Json {
  const el = node.element!;
  const rel = ctx.relationship(partOf(node), getAttribute(el, ctx.doc.prefixes.r + "id"));
  const out: Json = { type: "hyperlink", id: node.id, path: node.path, text: displayText(ctx.doc, node), url: rel?.target ?? null };
  const anchor = getAttribute(el, ctx.w + "anchor");
  if (anchor) out.anchor = anchor;
  if (withRuns) out.runs = inlineNodes(ctx.doc, node, "run").map((r) => runJson(ctx, r));
  return out;
}

function drawingJson(ctx: RenderContext, node: DocNode): Json {
  const el = node.element!;
  const docPr = findDescendants(el, "docPr")[0];
  const extent = findDescendants(el, "extent")[0];
  const blip = findDescendants(el, "blip")[0];
  const embed = blip ? getAttribute(blip, ctx.doc.prefixes.r + "embed") : undefined;
  const rel = ctx.relationship(partOf(node), embed);
  const emu = (v: string | undefined) => (v ? Math.round(Number(v) / 9525) : null);
  return {
    type: "drawing",
    id: node.id,
    path: node.path,
    kind: localName(el.name) === "pict" ? "vml" : findDescendants(el, "inline").length ? "inline" : "anchored",
    name: docPr ? (getAttribute(docPr, "name") ?? null) : null,
    description: docPr ? (getAttribute(docPr, "descr") ?? null) : null,
    width_px: extent ? emu(getAttribute(extent, "cx")) : null,
    height_px: extent ? emu(getAttribute(extent, "cy")) : null,
    image: rel?.partName ?? null,
  };
}

function tableJson(ctx: RenderContext, node: DocNode): Json {
  const el = elementOf(node)!;
  const full: DocNode = { ...node, element: el };
  const grid = firstChild(el, ctx.w + "tblGrid");
  const rows = tableParts(ctx.doc, full, "row");
  return {
    type: "table",
    id: node.id,
    path: node.path,
    style: nodeStyleId(ctx.doc, full),
    rows: rows.length,
    columns: grid ? childElements(grid, ctx.w + "gridCol").length : 0,
    cells: rows.map((r) => tableParts(ctx.doc, r, "cell").map((c) => nodeText(ctx.doc, c))),
  };
}

function cellJson(ctx: RenderContext, node: DocNode): Json {
  const el = node.element!;
  const tcPr = firstChild(el, ctx.w + "tcPr");
  const out: Json = { type: "cell", id: node.id, path: node.path, text: nodeText(ctx.doc, node) };
  const span = tcPr && firstChild(tcPr, ctx.w + "gridSpan");
  if (span) out.grid_span = Number(getAttribute(span, ctx.w + "val"));
  const vMerge = tcPr && firstChild(tcPr, ctx.w + "vMerge");
  if (vMerge) out.vertical_merge = getAttribute(vMerge, ctx.w + "val") ?? "continue";
  out.content = blockNodes(ctx.doc, node).map((b) => blockSummaryJson(ctx, b));
  return out;
}

function sdtJson(ctx: RenderContext, node: DocNode): Json {
  const el = elementOf(node)!;
  const sdtPr = firstChild(el, ctx.w + "sdtPr");
  const val = (name: string) => {
    const c = sdtPr && firstChild(sdtPr, ctx.w + name);
    return c ? (getAttribute(c, ctx.w + "val") ?? null) : null;
  };
  return { type: "sdt", id: node.id, path: node.path, tag: val("tag"), alias: val("alias"), text: nodeText(ctx.doc, node) };
}

function sectionJson(ctx: RenderContext, node: DocNode): Json {
  const s = node.section!;
  const w = ctx.w;
  const props = s.properties;
  const attrs = (name: string) => {
    const el = props && firstChild(props, w + name);
    return el ? Object.fromEntries(el.attributes.map((a) => [localName(a.name), a.value])) : null;
  };
  const pgSz = attrs("pgSz");
  const refs = (kind: "header" | "footer") =>
    ctx.doc.headersFooters
      .filter((h) => h.kind === kind && h.sections.includes(s.index))
      .map((h) => ({ types: h.types, path: `/${kind}[${ctx.doc.headersFooters.filter((x) => x.kind === kind).indexOf(h)}]` }));
  return {
    type: "section",
    path: node.path,
    index: s.index,
    first_block: s.firstBlock,
    last_block: s.lastBlock,
    blocks: s.lastBlock - s.firstBlock + 1,
    page: pgSz ? { width: pgSz.w, height: pgSz.h, orientation: pgSz.orient ?? "portrait" } : null,
    margins: attrs("pgMar"),
    title_page: props ? firstChild(props, w + "titlePg") !== undefined : false,
    headers: refs("header"),
    footers: refs("footer"),
  };
}

function styleJson(ctx: RenderContext, node: DocNode): Json {
  const s = node.style!;
  return {
    type: "style",
    path: node.path,
    style_id: s.styleId,
    name: s.name,
    style_type: s.type,
    based_on: s.basedOn,
    heading_level: ctx.doc.styles.headingLevel(s.styleId),
    default: s.isDefault,
  };
}

function metadataJson(ctx: RenderContext): Json {
  const doc = ctx.doc;
  let paragraphs = 0,
    tables = 0,
    headings = 0;
  for (let i = 0; i < doc.body.length; i++) {
    const b = doc.body.blocks[i];
    if (b.facts.kind === "paragraph") {
      paragraphs++;
      const node: DocNode = { kind: "paragraph", path: "", id: b.id, list: doc.body, index: i };
      if ((nodeHeadingLevel(doc, node) ?? 0) >= 1) headings++;
    } else if (b.facts.kind === "table") tables++;
  }
  return {
    type: "metadata",
    path: "/metadata",
    properties: doc.coreProperties(),
    main_part: doc.mainPart,
    main_content_type: doc.pkg.contentTypes()?.of(doc.mainPart) ?? null,
    counts: {
      blocks: doc.body.length,
      paragraphs,
      tables,
      headings,
      sections: doc.sections().length,
      headers: doc.headersFooters.filter((h) => h.kind === "header").length,
      footers: doc.headersFooters.filter((h) => h.kind === "footer").length,
      footnotes: doc.footnotes.length,
      endnotes: doc.endnotes.length,
      comments: doc.comments.length,
    },
  };
}
