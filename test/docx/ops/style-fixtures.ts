/** Fixtures for the style op tests: documents built in code, and the saved markup of what an edit touched. */
import { strFromU8, unzipSync } from "fflate";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, type DocxSpec, W_NS } from "../support/build-docx.js";

/** A document whose settings turn on w:trackRevisions (§17.15.1.90). */
export function trackedSpec(spec: DocxSpec): DocxSpec {
  return {
    ...spec,
    relationships: { ...spec.relationships, rIdSettings: ["settings", "settings.xml"] },
    extraParts: {
      ...spec.extraParts,
      "word/settings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="${W_NS}"><w:trackRevisions/></w:settings>`,
    },
  };
}

export const open = (spec: DocxSpec) => DocxDocument.open(buildDocx(spec));

/** The saved document.xml, reopened from the saved package. */
export function savedBody(doc: DocxDocument): string {
  return strFromU8(unzipSync(doc.save())["word/document.xml"]);
}

/** The first `<w:name ...>...</w:name>` (or self-closed) element in `xml` after `from`. */
export function first(xml: string, name: string, from = 0): string | null {
  const at = xml.indexOf(`<w:${name}`, from);
  if (at < 0) return null;
  const selfEnd = xml.indexOf(">", at);
  if (xml[selfEnd - 1] === "/") return xml.slice(at, selfEnd + 1);
  // Same-named elements nest (w:rPr inside w:rPrChange), so count depth to find the matching end tag.
  const tags = new RegExp(`<(/?)w:${name}(?=[\\s/>])[^>]*?(/?)>`, "g");
  tags.lastIndex = at;
  let depth = 0;
  for (const m of xml.matchAll(tags)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) return xml.slice(at, m.index + m[0].length);
  }
  return null;
}

/** Local names of an element's direct children, in order, from its markup. */
export function childNames(xml: string): string[] {
  const inner = xml.slice(xml.indexOf(">") + 1, xml.lastIndexOf("</"));
  const names: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) names.push(m[2].replace(/^w:/, ""));
      if (!m[3]) depth++;
    }
  }
  return names;
}
