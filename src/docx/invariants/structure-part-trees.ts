/**
 * Shared by the structure checks (not a check itself): the WordprocessingML parts of a package parsed into trees, each
 * with the prefix its root declares for the main namespace, so checks read documents written with any prefix.
 */
import { NS } from "../model/namespaces.js";
import { parseXml, type XmlElement } from "../xml/index.js";

export interface WordPart {
  name: string;
  root: XmlElement;
  /** "w:" or whatever prefix the part declares for the WordprocessingML namespace ("" when it is the default). */
  w: string;
}

/** Parsed once per package, however many structure checks read it. */
const parsed = new WeakMap<ReadonlyMap<string, string>, WordPart[]>();

/**
 * Parts whose root declares the WordprocessingML namespace (document, headers, footers, notes, comments, styles).
 * A part that does not parse is left out: reporting it is checkWellFormed's job.
 */
export function wordParts(parts: ReadonlyMap<string, string>): WordPart[] {
  const known = parsed.get(parts);
  if (known) return known;
  const out: WordPart[] = [];
  for (const [name, xml] of parts) {
    if (!name.endsWith(".xml") || !xml.includes(NS.w)) continue;
    let root: XmlElement;
    try {
      root = parseXml(xml).root;
    } catch {
      continue;
    }
    const decl = root.attributes.find((a) => a.value === NS.w && (a.name === "xmlns" || a.name.startsWith("xmlns:")));
    if (!decl) continue;
    out.push({ name, root, w: decl.name === "xmlns" ? "" : `${decl.name.slice("xmlns:".length)}:` });
  }
  parsed.set(parts, out);
  return out;
}

/** Every element below `el` (itself included) whose name is in `names`, in document order. */
export function descendants(el: XmlElement, names: readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlElement) => {
    if (names.includes(node.name)) out.push(node);
    for (const c of node.children) if (c.type === "element") walk(c);
  };
  walk(el);
  return out;
}
