import { DocxPackage } from "../../src/docx/package/index.js";
import { canonicalDifference, decodePart } from "../../src/docx/xml/index.js";

/** Compares every part of two packages: same names; XML canonically equal; everything else byte-identical. */
export function partDifferences(input: Uint8Array, output: Uint8Array): string[] {
  const a = DocxPackage.open(input);
  const b = DocxPackage.open(output);
  const problems: string[] = [];
  if (a.partNames().join("\n") !== b.partNames().join("\n")) problems.push("part names differ");
  for (const name of a.partNames()) {
    if (!b.has(name)) continue;
    const before = a.readBytes(name);
    const after = b.readBytes(name);
    if (/\.(xml|rels|vml)$/i.test(name) || name === "[Content_Types].xml") {
      const d = canonicalDifference(decodePart(before).text, decodePart(after).text);
      if (d) problems.push(`${name}: ${d}`);
    } else if (before.length !== after.length || before.some((x, i) => x !== after[i])) problems.push(`${name}: bytes differ`);
  }
  return problems;
}
