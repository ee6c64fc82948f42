/**
 * Writes a derived id into an element before it is edited, so the id survives the edit (see ids.ts).
 * Paragraphs and rows take Word's own w14:paraId when the id is 8 hex digits; everything else takes dmcp:id, whose
 * namespace is declared on the part root and listed in mc:Ignorable so Word ignores it (ECMA-376 Part 3, §10.2.1).
 */
import { getAttribute, setAttribute, type XmlAttribute, type XmlElement } from "../xml/index.js";
import { isHexId } from "./ids.js";
import { NS, type Prefixes } from "./namespaces.js";

/** Returns true if the root's attributes had to change (a declaration or the Ignorable list). */
export function declareDmcp(rootAttributes: XmlAttribute[], prefixes: Prefixes): boolean {
  if (prefixes.dmcp) return false;
  const root = { type: "element", name: "", attributes: rootAttributes, children: [], selfClosing: true } as XmlElement;
  let mc = rootAttributes.find((a) => a.name.startsWith("xmlns:") && a.value === NS.mc)?.name.slice(6);
  if (!mc) {
    mc = "mc";
    setAttribute(root, "xmlns:mc", NS.mc);
  }
  setAttribute(root, "xmlns:dmcp", NS.dmcp);
  const ignorable = getAttribute(root, `${mc}:Ignorable`);
  const tokens = ignorable ? ignorable.split(/\s+/).filter(Boolean) : [];
  if (!tokens.includes("dmcp")) setAttribute(root, `${mc}:Ignorable`, [...tokens, "dmcp"].join(" "));
  prefixes.dmcp = "dmcp:";
  return true;
}

/** Stores `id` on `el` unless it already carries a stored id. Returns whether the part root needs the dmcp declaration. */
export function materializeId(el: XmlElement, id: string, prefixes: Prefixes): "stored" | "paraId" | "dmcp" {
  const w = prefixes.w;
  const paraIdName = prefixes.w14 ? prefixes.w14 + "paraId" : null;
  if (paraIdName && getAttribute(el, paraIdName)) return "stored";
  if (prefixes.dmcp && getAttribute(el, prefixes.dmcp + "id")) return "stored";
  if (paraIdName && (el.name === w + "p" || el.name === w + "tr") && isHexId(id)) {
    setAttribute(el, paraIdName, id);
    return "paraId";
  }
  setAttribute(el, (prefixes.dmcp ?? "dmcp:") + "id", id);
  return "dmcp";
}
