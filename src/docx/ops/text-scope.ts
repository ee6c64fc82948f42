/** The paragraphs a path covers, for edits that search text: the paragraphs themselves or all those inside a container. */
import { DocxError } from "../errors.js";
import { blockNodes, type DocNode, type NodeKind, tableParts, type WordDocument } from "../model/index.js";
import { resolvePath } from "../paths/index.js";

/** Kinds whose paragraphs a text search visits (top-level and nested, in tables and content controls). */
const CONTAINERS: NodeKind[] = [
  "body",
  "section",
  "header",
  "footer",
  "footnote",
  "endnote",
  "comment",
  "table",
  "row",
  "cell",
  "sdt",
  "paragraph",
  "textbox",
];

/**
 * Paragraph nodes under whatever `path` selects, in document order and each once. `skip` is asked about top-level
 * paragraphs whose full text the body scan already knows, so a search need not parse blocks that cannot match.
 * Nodes come one at a time: a node inside a table holds its parsed table, and holding all of them at once took
 * 150 MB on a 2,400-page report (more than a Worker isolate has).
 */
export function* paragraphsInScope(doc: WordDocument, path: string, skip?: (knownText: string) => boolean): Generator<DocNode> {
  const { nodes } = resolvePath(doc, path);
  const bad = nodes.find((n) => !CONTAINERS.includes(n.kind));
  if (bad) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} selects a ${bad.kind}; text edits need paragraphs or something that holds them (${CONTAINERS.join(", ")}), e.g. /body or /body/paragraph[3].`,
    });
  }
  const seen = new Set<string>();
  function* visit(node: DocNode): Generator<DocNode> {
    if (node.kind === "paragraph") {
      if (seen.has(node.path)) return;
      seen.add(node.path);
      const facts = node.list && node.index !== undefined ? node.list.blocks[node.index].facts : null;
      // The preview leaves text boxes out, so it cannot rule out a paragraph that anchors one.
      if (facts?.previewComplete && !facts.atoms?.includes("text box") && skip?.(facts.preview)) return;
      yield node;
    } else if (node.kind === "table") for (const row of tableParts(doc, node, "row")) yield* visit(row);
    else if (node.kind === "row") for (const cell of tableParts(doc, node, "cell")) yield* visit(cell);
    else for (const child of blockNodes(doc, node)) if (child.kind !== "sectPr" && child.kind !== "other") yield* visit(child);
  }
  for (const node of nodes) yield* visit(node);
}
