/**
 * Tracked changes have ids unique across the whole package (§17.13.5: w:id identifies one revision), body, headers,
 * footers, notes, comments and styles together; a range end shares the id of its start by design and is not counted.
 */
import { getAttribute } from "../xml/index.js";
import { descendants, wordParts } from "./structure-part-trees.js";

const REVISIONS = [
  "ins",
  "del",
  "moveFrom",
  "moveTo",
  "moveFromRangeStart",
  "moveToRangeStart",
  "rPrChange",
  "pPrChange",
  "sectPrChange",
  "tblPrChange",
  "tblPrExChange",
  "tblGridChange",
  "trPrChange",
  "tcPrChange",
  "cellIns",
  "cellDel",
  "cellMerge",
  "numberingChange",
  "customXmlInsRangeStart",
  "customXmlDelRangeStart",
  "customXmlMoveFromRangeStart",
  "customXmlMoveToRangeStart",
];

export function checkRevisionIds(parts: ReadonlyMap<string, string>): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const { name, root, w } of wordParts(parts)) {
    for (const el of descendants(
      root,
      REVISIONS.map((n) => w + n),
    )) {
      const id = getAttribute(el, w + "id");
      if (id === undefined) continue;
      const where = `${name} ${el.name}`;
      const first = seen.get(id);
      if (first) out.push(`revision id ${id} is used by ${first} and again by ${where}`);
      else seen.set(id, where);
    }
  }
  return out;
}
