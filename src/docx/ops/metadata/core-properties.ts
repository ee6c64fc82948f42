/**
 * Core document properties (docProps/core.xml, ISO/IEC 29500-2 §11): title, subject, author and the other fields Word
 * shows under File > Info. The part is created (with its relationship and content type) when the package has none.
 */
import type { WordDocument } from "../../model/index.js";
import { relTypeIs } from "../../package/index.js";
import { childElements, element, localName, setAttribute, type XmlElement } from "../../xml/index.js";

const DC = "http://purl.org/dc/elements/1.1/";
const CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
const CORE_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const CORE_CONTENT_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";

/** The properties one may set, and the element (namespace, local name) each is stored in. */
export const CORE_PROPERTIES = {
  title: [DC, "title"],
  subject: [DC, "subject"],
  author: [DC, "creator"],
  keywords: [CP, "keywords"],
  description: [DC, "description"],
  category: [CP, "category"],
} as const;

export type CoreProperty = keyof typeof CORE_PROPERTIES;

export interface MetadataResult {
  /** The core properties after the edit, by the names this operation takes. */
  properties: Partial<Record<CoreProperty, string>>;
  /** The part that holds them. */
  part: string;
}

/** Sets the given properties; an empty string removes one. Properties not given are left as they are. */
export function setCoreProperties(doc: WordDocument, values: Partial<Record<CoreProperty, string>>): MetadataResult {
  const part = corePart(doc);
  const root = doc.parts.xml(part).doc.root;
  for (const [name, value] of Object.entries(values) as [CoreProperty, string | undefined][]) {
    if (value === undefined) continue;
    const [ns, local] = CORE_PROPERTIES[name];
    const qname = `${prefixFor(root, ns, ns === DC ? "dc" : "cp")}${local}`;
    const existing = childElements(root).filter((c) => localName(c.name) === local && namespaceOf(root, c.name) === ns);
    // The first element keeps its place (an unchanged value leaves the part as it was); duplicates go.
    const [kept, ...duplicates] = existing;
    root.children = root.children.filter((c) => !duplicates.includes(c as XmlElement) && (value !== "" || c !== kept));
    if (value === "") continue;
    const textNode = { type: "text" as const, text: value };
    if (kept) {
      kept.children = [textNode];
      kept.selfClosing = false;
    } else root.children.push(element(qname, [], [textNode]));
  }
  root.selfClosing = root.children.length === 0;
  doc.parts.changed(part);
  return { properties: readCoreProperties(root), part };
}

function readCoreProperties(root: XmlElement): MetadataResult["properties"] {
  const out: MetadataResult["properties"] = {};
  for (const [name, [ns, local]] of Object.entries(CORE_PROPERTIES) as [CoreProperty, readonly [string, string]][]) {
    const el = childElements(root).find((c) => localName(c.name) === local && namespaceOf(root, c.name) === ns);
    if (el) out[name] = el.children.map((c) => (c.type === "text" || c.type === "cdata" ? c.text : "")).join("");
  }
  return out;
}

function corePart(doc: WordDocument): string {
  const rel = doc.pkg.relationships("").find((r) => relTypeIs(r.type, "core-properties") && r.partName && doc.pkg.has(r.partName));
  if (rel?.partName) return rel.partName;
  const name = "docProps/core.xml";
  doc.parts.write(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${CP}" xmlns:dc="${DC}"/>`);
  doc.ensureContentType(name, CORE_CONTENT_TYPE);
  doc.addRelationship("", CORE_RELATIONSHIP, name);
  return name;
}

/** The prefix (with its colon) `ns` is bound to on the part's root, declaring `preferred` when it is not bound. */
function prefixFor(root: XmlElement, ns: string, preferred: string): string {
  const bound = root.attributes.find((a) => a.name.startsWith("xmlns:") && a.value === ns);
  if (bound) return `${bound.name.slice(6)}:`;
  if (root.attributes.some((a) => a.name === "xmlns" && a.value === ns)) return "";
  let prefix = preferred;
  for (let n = 1; root.attributes.some((a) => a.name === `xmlns:${prefix}`); n++) prefix = `${preferred}${n}`;
  setAttribute(root, `xmlns:${prefix}`, ns);
  return `${prefix}:`;
}

function namespaceOf(root: XmlElement, qname: string): string | undefined {
  const colon = qname.indexOf(":");
  const attr = colon < 0 ? "xmlns" : `xmlns:${qname.slice(0, colon)}`;
  return root.attributes.find((a) => a.name === attr)?.value;
}
