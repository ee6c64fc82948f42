/** Parts the main document refers to by relationship (styles, numbering, settings, footnotes): found, or created when missing. */
import { NS, type WordDocument } from "../model/index.js";
import type { XmlElement } from "../xml/index.js";

const MAIN_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

/**
 * The part related to the main part by `type`, creating it (empty root `rootLocal`, relationship, content type) when the
 * document has none. Returns its name and root element, whose WordprocessingML prefix is `w`.
 */
export function relatedPart(doc: WordDocument, type: string, rootLocal: string): { name: string; root: XmlElement; w: string } {
  let name = doc.relatedPartName(type);
  if (!name) {
    name = besideMainPart(doc, `${type}.xml`);
    doc.parts.write(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${rootLocal} xmlns:w="${NS.w}" xmlns:r="${NS.r}"/>`);
    doc.ensureContentType(name, `${MAIN_TYPES}${type}+xml`);
    doc.addRelationship(doc.mainPart, type, `${type}.xml`);
  }
  const root = doc.parts.xml(name).doc.root;
  const colon = root.name.indexOf(":");
  return { name, root, w: colon < 0 ? "" : root.name.slice(0, colon + 1) };
}

/** The name of a new part in the main part's folder (word/ as a rule), which relationships from it target by file name. */
export function besideMainPart(doc: WordDocument, file: string): string {
  return doc.mainPart.slice(0, doc.mainPart.lastIndexOf("/") + 1) + file;
}

/** The largest integer value of attribute `attr` on `root`'s children named `child`, or -1. */
export function maxAttribute(root: XmlElement, child: string, attr: string): number {
  let max = -1;
  for (const c of root.children) {
    if (c.type !== "element" || c.name !== child) continue;
    const v = Number(c.attributes.find((a) => a.name === attr)?.value);
    if (Number.isInteger(v) && v > max) max = v;
  }
  return max;
}
