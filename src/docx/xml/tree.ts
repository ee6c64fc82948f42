/** A lossless XML tree: qualified names keep their prefixes, xmlns declarations are ordinary attributes, and comments, PIs and CDATA stay in place. */
export interface XmlAttribute {
  /** Qualified name as written, e.g. "w:val" or "xmlns:w14". */
  name: string;
  /** Value with references decoded and attribute-value normalisation applied (XML 1.0 §3.3.3). */
  value: string;
}

export interface XmlElement {
  type: "element";
  name: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  /** Written as `<a/>` rather than `<a></a>` when it has no children. */
  selfClosing: boolean;
}

export interface XmlText {
  type: "text";
  text: string;
}
export interface XmlCData {
  type: "cdata";
  text: string;
}
export interface XmlComment {
  type: "comment";
  text: string;
}
export interface XmlProcessingInstruction {
  type: "pi";
  target: string;
  data: string;
}

export type XmlNode = XmlElement | XmlText | XmlCData | XmlComment | XmlProcessingInstruction;

/** A whole part: what precedes the root (declaration, comments, PIs, whitespace), the root, and what follows it. */
export interface XmlDocument {
  /** The XML declaration exactly as written (`<?xml ... ?>`), or "" when absent. */
  declaration: string;
  prolog: XmlNode[];
  root: XmlElement;
  epilog: XmlNode[];
}

export function getAttribute(el: XmlElement, name: string): string | undefined {
  for (const a of el.attributes) if (a.name === name) return a.value;
  return undefined;
}

export function setAttribute(el: XmlElement, name: string, value: string): void {
  for (const a of el.attributes) {
    if (a.name === name) {
      a.value = value;
      return;
    }
  }
  el.attributes.push({ name, value });
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.type === "element" && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.type === "element" && c.name === name) return c;
  return undefined;
}

export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

export function element(name: string, attributes: XmlAttribute[] = [], children: XmlNode[] = []): XmlElement {
  return { type: "element", name, attributes, children, selfClosing: children.length === 0 };
}

/** The element whose child `target` is, searching below `root` depth first; null when it is not below `root`. */
export function parentOf(root: XmlElement, target: XmlElement): XmlElement | null {
  for (const c of root.children) {
    if (c.type !== "element") continue;
    if (c === target) return root;
    const found = parentOf(c, target);
    if (found) return found;
  }
  return null;
}
