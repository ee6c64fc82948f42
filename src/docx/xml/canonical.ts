/** Canonical equality of two XML parts: same qualified names, attributes (incl. xmlns), text, comments and PIs; CDATA counts as text, whitespace outside the root is ignored. */
import { parseXml } from "./parser.js";
import type { XmlElement, XmlNode } from "./tree.js";

/** Returns null when equal, otherwise a description of the first difference. */
export function canonicalDifference(a: string, b: string): string | null {
  const da = parseXml(a, { maxDepth: 100_000 });
  const db = parseXml(b, { maxDepth: 100_000 });
  const outside = (nodes: XmlNode[]) => nodes.filter((n) => !(n.type === "text" && n.text.trim() === ""));
  return (
    compareLists(outside(da.prolog), outside(db.prolog), "prolog") ??
    compareNode(da.root, db.root, "/" + da.root.name) ??
    compareLists(outside(da.epilog), outside(db.epilog), "epilog")
  );
}

/** Merges adjacent text and CDATA so that `a<![CDATA[b]]>` equals `ab`. */
function normalise(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const n of nodes) {
    const text = n.type === "text" || n.type === "cdata" ? n.text : null;
    const last = out[out.length - 1];
    if (text !== null) {
      if (text === "") continue;
      if (last && last.type === "text") out[out.length - 1] = { type: "text", text: last.text + text };
      else out.push({ type: "text", text });
    } else out.push(n);
  }
  return out;
}

function compareLists(a: XmlNode[], b: XmlNode[], where: string): string | null {
  const na = normalise(a);
  const nb = normalise(b);
  if (na.length !== nb.length) return `${where}: ${na.length} child nodes vs ${nb.length}`;
  for (let i = 0; i < na.length; i++) {
    const d = compareNode(na[i], nb[i], `${where}/${i}`);
    if (d) return d;
  }
  return null;
}

function compareNode(a: XmlNode, b: XmlNode, where: string): string | null {
  if (a.type !== b.type) return `${where}: ${a.type} vs ${b.type}`;
  switch (a.type) {
    case "text":
    case "cdata":
    case "comment":
      return a.text === (b as typeof a).text
        ? null
        : `${where}: ${a.type} ${JSON.stringify(a.text.slice(0, 60))} vs ${JSON.stringify((b as typeof a).text.slice(0, 60))}`;
    case "pi": {
      const pb = b as typeof a;
      return a.target === pb.target && a.data.trim() === pb.data.trim() ? null : `${where}: processing instruction differs`;
    }
    case "element": {
      const eb = b as XmlElement;
      if (a.name !== eb.name) return `${where}: element ${a.name} vs ${eb.name}`;
      const attrsA = [...a.attributes].sort((x, y) => (x.name < y.name ? -1 : 1));
      const attrsB = [...eb.attributes].sort((x, y) => (x.name < y.name ? -1 : 1));
      if (attrsA.length !== attrsB.length) return `${where}/${a.name}: ${attrsA.length} attributes vs ${attrsB.length}`;
      for (let i = 0; i < attrsA.length; i++) {
        if (attrsA[i].name !== attrsB[i].name || attrsA[i].value !== attrsB[i].value) {
          return `${where}/${a.name}: attribute ${attrsA[i].name}="${attrsA[i].value}" vs ${attrsB[i].name}="${attrsB[i].value}"`;
        }
      }
      return compareLists(a.children, eb.children, `${where}/${a.name}`);
    }
  }
}
