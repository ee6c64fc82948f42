/** Resolves a parsed path against a document into nodes, segment by segment. */
import { DocxError } from "../errors.js";
import {
  ALLOWED_CHILDREN,
  blockNodes,
  type DocNode,
  elementOf,
  inlineNodes,
  nodeHeadingLevel,
  nodeStyleId,
  nodeText,
  ParsedBlockMeter,
  styleMatches,
  tableParts,
  textBoxNodes,
  type WordDocument,
} from "../model/index.js";
import { getAttribute } from "../xml/index.js";
import { findById } from "./find-by-id.js";
import { parsePath } from "./path-parser.js";
import type { ParsedPath, Predicate, Segment } from "./path-syntax.js";

const ROOT: DocNode = { kind: "root", path: "", id: null };

export interface Resolution {
  parsed: ParsedPath;
  nodes: DocNode[];
}

export function resolvePath(doc: WordDocument, path: string): Resolution {
  const parsed = parsePath(path);
  let context: DocNode[] = [ROOT];
  // Nodes inside blocks hold their block's parsed tree until the call is done: bound how many blocks that is.
  const meter = new ParsedBlockMeter();
  for (const segment of parsed.segments) {
    const next: DocNode[] = [];
    for (const node of context) {
      const allowed = ALLOWED_CHILDREN[node.kind];
      if (!allowed.includes(segment.name)) {
        const where = node.kind === "root" ? "at the top level" : `below a ${node.kind}`;
        throw new DocxError({
          kind: "invalid_path",
          path: parsed.source,
          segment: segment.text,
          allowed,
          message: `Invalid path ${parsed.source}: "${segment.written}" is not allowed ${where}; allowed: ${allowed.length ? allowed.join(", ") : "nothing (it has no children)"}.`,
        });
      }
      const direct = node.kind === "body" ? bodyBlockAt(doc, segment) : null;
      const found = direct ?? applyPredicates(doc, parsed, segment, node, candidates(doc, node, segment), context.length === 1);
      for (const n of found) if (n.element) meter.add(n);
      meter.check(
        `Path ${parsed.source} looks inside`,
        "Select the tables or paragraphs first (e.g. /body/table[3]/row[*], or /body/section[N]/table[*]), then look inside them.",
      );
      next.push(...found);
    }
    context = next;
  }
  return { parsed, nodes: context };
}

/**
 * `/body/paragraph[N]` (or table/sdt) without building a node per body block: edits address blocks this way, and
 * the body of a long report has tens of thousands. Null when the segment needs the general path (or is out of range,
 * so the general path reports the error).
 */
function bodyBlockAt(doc: WordDocument, segment: Segment): DocNode[] | null {
  const [only] = segment.predicates;
  if (segment.predicates.length !== 1 || only.type !== "index" || !["paragraph", "table", "sdt"].includes(segment.name)) return null;
  const blocks = doc.body.blocks;
  let wanted = only.index;
  if (wanted < 0) {
    let count = 0;
    for (const b of blocks) if (b.facts.kind === segment.name) count++;
    wanted += count;
  }
  if (wanted < 0) return null;
  let ordinal = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].facts.kind !== segment.name || ++ordinal !== wanted) continue;
    return [
      { kind: segment.name as DocNode["kind"], path: `/body/${segment.name}[${ordinal}]`, id: blocks[i].id, list: doc.body, index: i },
    ];
  }
  return null;
}

function candidates(doc: WordDocument, node: DocNode, segment: Segment): DocNode[] {
  switch (segment.name) {
    case "body":
      return [{ kind: "body", path: "/body", id: null }];
    case "metadata":
      return [{ kind: "metadata", path: "/metadata", id: null }];
    case "styles":
      return [{ kind: "styles", path: "/styles", id: null }];
    case "header":
    case "footer":
      return doc.headersFooters
        .filter((h) => h.kind === segment.name)
        .map((h, i) => ({ kind: h.kind, path: `/${h.kind}[${i}]`, id: null, headerFooter: h }));
    case "footnote":
    case "endnote":
    case "comment": {
      const notes = segment.name === "footnote" ? doc.footnotes : segment.name === "endnote" ? doc.endnotes : doc.comments;
      return notes.map((note, i) => ({ kind: segment.name as DocNode["kind"], path: `/${segment.name}[${i}]`, id: note.noteId, note }));
    }
    case "section":
      return doc.sections().map((section) => ({ kind: "section", path: `/body/section[${section.index}]`, id: null, section }));
    case "paragraph":
    case "table":
    case "sdt":
      return blockNodes(doc, node).filter((n) => n.kind === segment.name);
    case "heading": {
      const explicitLevel = segment.predicates.some((p) => p.type === "filter" && p.key === "level");
      return blockNodes(doc, node).filter((n) => {
        const level = nodeHeadingLevel(doc, n);
        return level !== null && (level >= 1 || explicitLevel);
      });
    }
    case "*":
      return node.kind === "paragraph" || node.kind === "hyperlink" ? inlineNodes(doc, node, "run") : blockNodes(doc, node);
    case "row":
    case "cell":
      return tableParts(doc, node, segment.name);
    case "run":
    case "hyperlink":
    case "drawing":
    case "bookmark":
      return inlineNodes(doc, node, segment.name);
    case "textbox":
      return textBoxNodes(doc, node);
    case "style": {
      if (node.kind === "styles")
        return doc.styles.all().map((style, i) => ({ kind: "style", path: `/styles/style[${i}]`, id: null, style }));
      const styleId = nodeStyleId(doc, node) ?? (node.kind === "paragraph" ? (doc.styles.defaultParagraphStyle()?.styleId ?? null) : null);
      const style = styleId ? doc.styles.get(styleId) : undefined;
      return style ? [{ kind: "style", path: `${node.path}/style`, id: null, style }] : [];
    }
    default:
      return [];
  }
}

function applyPredicates(
  doc: WordDocument,
  parsed: ParsedPath,
  segment: Segment,
  parent: DocNode,
  nodes: DocNode[],
  single: boolean,
): DocNode[] {
  let current = nodes;
  let filtered = false;
  for (const p of segment.predicates) {
    if (p.type === "all") continue;
    if (p.type === "filter") {
      current = current.filter((n) => matches(doc, n, p));
      if (current.length === 0 && p.key === "id" && p.op === "=") current = nestedById(doc, parent, segment, p.value);
      filtered = true;
      continue;
    }
    const i = p.index < 0 ? current.length + p.index : p.index;
    if (i < 0 || i >= current.length) {
      if (filtered || !single) return [];
      const owner = parent.kind === "root" ? "the document" : parent.kind === "body" ? "the body" : parent.path;
      const noun = segment.name === "*" ? "children" : plural(segment.name);
      throw new DocxError({
        kind: "path_not_found",
        path: parsed.source,
        message: `Path ${parsed.source} not found: ${owner} has ${current.length} ${current.length === 1 && segment.name !== "*" ? segment.name : noun}${current.length ? ` (indexes 0-${current.length - 1}, or -1 for the last)` : ""}.`,
      });
    }
    current = [current[i]];
  }
  return current;
}

/**
 * `[id='…']` for an element below the parent's direct children: the ids results hand out for paragraphs in table
 * cells (`5F4598B5.tr4.tc1.p0`), text boxes and content controls resolve from the container they sit in, as long as
 * the element is of the kind the segment names.
 */
function nestedById(doc: WordDocument, parent: DocNode, segment: Segment, id: string): DocNode[] {
  let found: DocNode;
  try {
    found = findById(doc, id);
  } catch {
    return [];
  }
  const kindFits =
    segment.name === "*" ||
    segment.name === found.kind ||
    (segment.name === "heading" && found.kind === "paragraph" && (nodeHeadingLevel(doc, found) ?? 0) >= 1);
  const top = found.owner ?? (found.list && found.index !== undefined ? { list: found.list, index: found.index } : undefined);
  const inside =
    parent.kind === "section"
      ? top?.list === doc.body && top.index >= parent.section!.firstBlock && top.index <= parent.section!.lastBlock
      : found.path.startsWith(`${parent.path}/`);
  return kindFits && inside ? [found] : [];
}

function plural(name: string): string {
  return name.endsWith("y") ? name.slice(0, -1) + "ies" : name.endsWith("x") ? name + "es" : name + "s";
}

function matches(doc: WordDocument, node: DocNode, p: Extract<Predicate, { type: "filter" }>): boolean {
  const test = (actual: string | null | undefined, caseless: boolean): boolean => {
    if (actual === null || actual === undefined) return p.op === "!=";
    const a = caseless ? actual.toLowerCase() : actual;
    const v = caseless ? p.value.toLowerCase() : p.value;
    if (p.op === "~=") return a.includes(v);
    return p.op === "=" ? a === v : a !== v;
  };
  switch (p.key) {
    case "text":
      return p.op === "~=" ? test(nodeText(doc, node), true) : test(nodeText(doc, node).trim(), false);
    case "id":
      return test(node.id, true);
    case "level": {
      const level = nodeHeadingLevel(doc, node);
      return test(level === null ? null : String(level), false);
    }
    case "style": {
      const styleId = nodeStyleId(doc, node) ?? (node.kind === "paragraph" ? (doc.styles.defaultParagraphStyle()?.styleId ?? null) : null);
      const hit =
        p.op === "~="
          ? (styleId ?? "").toLowerCase().includes(p.value.toLowerCase()) ||
            (doc.styles.get(styleId ?? "")?.name ?? "").toLowerCase().includes(p.value.toLowerCase())
          : styleMatches(doc, styleId, p.value);
      return p.op === "!=" ? !hit : hit;
    }
    case "type": {
      const types = node.headerFooter ? node.headerFooter.types : [node.kind];
      const hit = types.some((t) =>
        p.op === "~=" ? t.toLowerCase().includes(p.value.toLowerCase()) : t.toLowerCase() === p.value.toLowerCase(),
      );
      return p.op === "!=" ? !hit : hit;
    }
    case "name": {
      const w = doc.prefixes.w;
      const name = node.style ? node.style.name : node.kind === "bookmark" ? getAttribute(elementOf(node)!, w + "name") : null;
      return test(name, true);
    }
    case "author":
      return test(node.note ? getAttribute(node.note.element, doc.prefixes.w + "author") : null, true);
    default:
      return false;
  }
}
