import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index.js";
import { DocxPackage } from "../../src/docx/package/index.js";
import { CORPUS, docxFiles } from "./corpus-files.js";

const REFUSED = new Set(["poi/ExternalEntityInText.docx"]); // refused on open by design (see round-trip.test.ts)

/** Names of parts whose uncompressed bytes differ (re-deflating an unchanged part changes only the zip bytes). */
function differingParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = DocxPackage.open(a),
    pb = DocxPackage.open(b);
  const names = new Set([...pa.partNames(), ...pb.partNames()]);
  return [...names].filter(
    (n) => !pa.has(n) || !pb.has(n) || Buffer.compare(Buffer.from(pa.readBytes(n)), Buffer.from(pb.readBytes(n))) !== 0,
  );
}

// The write-ahead log stores changes, not documents: a change taken from one copy must rebuild the
// same document on another copy, and reverting it must give the original back, on every real file.
describe("document changes replay on the corpus", () => {
  it.runIf(existsSync(CORPUS))("replays and reverts a paragraph edit, every part byte for byte", () => {
    const failures: string[] = [];
    let edited = 0;
    for (const file of docxFiles(CORPUS)) {
      const name = relative(CORPUS, file);
      if (REFUSED.has(name)) continue;
      const bytes = new Uint8Array(readFileSync(file));
      const doc = DocxDocument.open(bytes);
      if (doc.count("/body/paragraph[*]") === 0) continue;
      const original = doc.save();
      doc.replaceParagraphText("/body/paragraph[0]", "Replayed edit");
      const change = JSON.parse(JSON.stringify(doc.takeChange()));
      const expected = doc.save();
      const replica = DocxDocument.open(bytes);
      try {
        replica.applyChange(change);
        const replayed = differingParts(replica.save(), expected);
        if (replayed.length) failures.push(`${name}: replay differs in ${replayed.join(", ")}`);
        replica.revertChange(change);
        const reverted = differingParts(replica.save(), original);
        if (reverted.length) failures.push(`${name}: revert differs in ${reverted.join(", ")}`);
        edited++;
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(edited).toBeGreaterThan(300);
  });
});
