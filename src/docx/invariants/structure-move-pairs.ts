/**
 * A tracked move is whole (§17.13.5.21-25): each w:moveFromRangeStart name has a w:moveToRangeStart of the same name and
 * the other way round, and every move range start has its end (same w:id) in the same part.
 */
import { getAttribute } from "../xml/index.js";
import { descendants, wordParts } from "./structure-part-trees.js";

export function checkMovePairs(parts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const names = { moveFrom: new Set<string>(), moveTo: new Set<string>() };
  for (const { name, root, w } of wordParts(parts)) {
    for (const side of ["moveFrom", "moveTo"] as const) {
      const ends = new Set(descendants(root, [w + side + "RangeEnd"]).map((e) => getAttribute(e, w + "id")));
      for (const start of descendants(root, [w + side + "RangeStart"])) {
        const id = getAttribute(start, w + "id");
        const moveName = getAttribute(start, w + "name");
        if (moveName) names[side].add(moveName);
        if (!ends.has(id)) out.push(`${name}: ${side} range ${moveName ?? ""} (id ${id}) has no ${side}RangeEnd`);
      }
    }
  }
  for (const n of names.moveFrom) if (!names.moveTo.has(n)) out.push(`move ${n} has a source (moveFrom) but no destination (moveTo)`);
  for (const n of names.moveTo) if (!names.moveFrom.has(n)) out.push(`move ${n} has a destination (moveTo) but no source (moveFrom)`);
  return out;
}
