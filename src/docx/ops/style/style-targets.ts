/** What a style edit applies to: the nodes a path selects (or the body's blocks) and the elements inside them. */
import { DocxError } from "../../errors.js";
import { blockNodes, type DocNode, type NodeKind, type WordDocument } from "../../model/index.js";
import { resolvePath } from "../../paths/index.js";
import type { XmlElement } from "../../xml/index.js";

/** Stories whose blocks a path may select as a whole (`/body`, `/header[0]`, `/footnote[1]`, `/body/section[0]`). */
const CONTAINERS: NodeKind[] = ["body", "section", "header", "footer", "footnote", "endnote", "comment"];
/** Nodes with nothing to style inside. */
const REFUSED: NodeKind[] = ["root", "metadata", "styles", "style", "bookmark", "sectPr"];

/**
 * The nodes to style: the body's blocks when `path` is omitted, else what the path selects, with stories expanded to
 * their blocks. A path that selects nothing, or only things without formatting, is refused.
 */
export function styleNodes(doc: WordDocument, path: string | undefined): DocNode[] {
  const body: DocNode = { kind: "body", path: "/body", id: null };
  if (path === undefined) return blockNodes(doc, body).filter((n) => n.kind !== "sectPr");
  const { nodes } = resolvePath(doc, path);
  if (nodes.length === 0)
    throw new DocxError({
      kind: "path_not_found",
      path,
      message: `Path ${path} matches nothing; check it with query (e.g. format "summary"), or omit path to style the whole document.`,
    });
  const refused = nodes.find((n) => REFUSED.includes(n.kind));
  if (refused)
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} selects a ${refused.kind} (${refused.path}), which has no formatting to style; select paragraphs, runs, tables, rows or cells.`,
    });
  return nodes.flatMap((n) => (CONTAINERS.includes(n.kind) ? blockNodes(doc, n).filter((b) => b.kind !== "sectPr") : [n]));
}

/**
 * Elements named `name` at or below `root`, in document order, not entering property elements or text boxes (their
 * own stories); nested tables count, as their rows and cells are their own.
 */
export function elementsWithin(root: XmlElement, name: string, w: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (root.name === name) out.push(root);
  const skip = [w + "txbxContent", w + "pPr", w + "rPr", w + "tblPr", w + "trPr", w + "tcPr", w + "sectPr"];
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.type !== "element" || skip.includes(c.name)) continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}
