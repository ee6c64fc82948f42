/** [Content_Types].xml (OPC §10.1.2) gives every part a content type, by Override or by its extension's Default. */
import { CONTENT_TYPES_PART, ContentTypes } from "../package/index.js";
import { parseXml } from "../xml/index.js";

export function checkContentTypes(parts: ReadonlyMap<string, string>, names: ReadonlySet<string>): string[] {
  const xml = parts.get(CONTENT_TYPES_PART);
  if (xml === undefined) return [`The package has no ${CONTENT_TYPES_PART}.`];
  let types: ContentTypes;
  try {
    types = new ContentTypes(parseXml(xml));
  } catch {
    return []; // checkWellFormed reports it
  }
  const out: string[] = [];
  for (const name of names) {
    if (name === CONTENT_TYPES_PART) continue;
    if (types.of(name) === null)
      out.push(`${name} has no content type in ${CONTENT_TYPES_PART} (no Override and no Default for its extension).`);
  }
  return out;
}
