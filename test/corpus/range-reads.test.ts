/**
 * Every corpus file opened by range reads as a session opens it: the same verdict as opening its bytes, every entry
 * copied byte for byte by a streamed save, and an edit saved the same way as through the bytes path.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../src/docx/index.js";
import { DEFAULT_LIMITS, readZipEntries } from "../../src/docx/package/index.js";
import { countingSource, drain } from "../docx/support/byte-source";
import { CORPUS, docxFiles } from "../support/corpus";
import { partDifferences } from "../support/part-differences";

const verdict = (e: unknown) => (e instanceof DocxError ? e.failure.kind : `not a DocxError: ${(e as Error).message}`);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe("corpus by range reads", () => {
  it("opens, saves and edits every file as the bytes path does, reading less than each file with media", async () => {
    const failures: string[] = [];
    let opened = 0;
    let read = 0;
    let total = 0;
    for (const file of docxFiles(CORPUS)) {
      const name = relative(CORPUS, file);
      const input = new Uint8Array(readFileSync(file));
      let whole: DocxDocument | null = null;
      let wholeVerdict = "opened";
      try {
        whole = DocxDocument.open(input);
      } catch (e) {
        wholeVerdict = verdict(e);
      }
      const source = countingSource(input);
      let ranged: DocxDocument | null = null;
      let rangedVerdict = "opened";
      try {
        ranged = await DocxDocument.openFrom(source);
      } catch (e) {
        rangedVerdict = verdict(e);
      }
      if (rangedVerdict !== wholeVerdict) {
        failures.push(`${name}: opened from bytes: ${wholeVerdict}; by ranges: ${rangedVerdict}`);
        continue;
      }
      if (!whole || !ranged) continue;
      opened++;
      read += source.bytesRead;
      total += input.length;
      try {
        const media = readZipEntries(input, DEFAULT_LIMITS).filter((e) => !/\.(xml|rels)$/i.test(e.name));
        if (media.length > 0 && input.length > 256 * 1024 && source.bytesRead >= input.length)
          failures.push(`${name}: opening read ${source.bytesRead} of ${input.length} bytes`);
        const unedited = ranged.saveStream();
        const out = await drain(unedited.stream);
        if (out.length !== unedited.length) failures.push(`${name}: announced ${unedited.length} bytes, streamed ${out.length}`);
        const was = new Map(readZipEntries(input, DEFAULT_LIMITS).map((e) => [e.name, e.compressed]));
        for (const e of readZipEntries(out, DEFAULT_LIMITS))
          if (!same(e.compressed, was.get(e.name) ?? new Uint8Array())) failures.push(`${name} (no edit): ${e.name} changed`);
        if (ranged.count("/body/paragraph") > 0) {
          whole.replaceParagraphText("/body/paragraph[0]", "Edited by range reads");
          ranged.replaceParagraphText("/body/paragraph[0]", "Edited by range reads");
          const edited = await drain(ranged.saveStream().stream);
          const differences = partDifferences(whole.save(), edited);
          if (differences.length) failures.push(`${name} (edited): ${differences[0]}`);
        }
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message}`);
      }
    }
    console.log(`${opened} files opened by range reads: ${read} of ${total} bytes read to open them`);
    expect(opened).toBeGreaterThan(400);
    expect(failures).toEqual([]);
  });
});
