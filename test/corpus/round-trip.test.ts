import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../src/docx/index.js";
import { WordDocument } from "../../src/docx/model/index.js";
import { CORPUS, docxFiles } from "../support/corpus";
import { partDifferences } from "../support/part-differences";

/** Files the engine refuses on purpose, with the reason it must give. */
const REJECTED: Record<string, { kind: string; why: string }> = {
  "poi/ExternalEntityInText.docx": { kind: "xml_forbidden", why: "document.xml declares an external entity (XXE test file)" },
};

describe("corpus round trip", () => {
  const files = docxFiles(CORPUS);
  // Without ../shared/corpus the first test fails: this suite is only run by `npm run test:corpus`.

  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(400);
  });

  it("rejects exactly the listed files, each with its reason", () => {
    for (const [name, expected] of Object.entries(REJECTED)) {
      let failure: DocxError["failure"] | null = null;
      try {
        DocxDocument.open(readFileSync(join(CORPUS, name)));
      } catch (e) {
        if (e instanceof DocxError) failure = e.failure;
        else throw e;
      }
      expect(failure?.kind, `${name}: ${expected.why}`).toBe(expected.kind);
    }
  });

  it("opens and saves every other file with all parts canonically equal, untouched parts byte-identical", () => {
    const failures: string[] = [];
    for (const file of files) {
      const name = relative(CORPUS, file);
      if (REJECTED[name]) continue;
      const input = new Uint8Array(readFileSync(file));
      try {
        // Plain open + save: every entry must come back as its original bytes.
        const plain = DocxDocument.open(input).save();
        const verbatim = partDifferences(input, plain);
        if (verbatim.length) failures.push(`${name} (no edit): ${verbatim[0]}`);
        // Forced rewrite: every body block and every tree-held story re-serialised from its parsed tree.
        const doc = WordDocument.open(input);
        for (let i = 0; i < doc.body.length; i++) doc.body.touch(i);
        doc.body.changed = true;
        for (const h of doc.headersFooters) h.blocks.changed = true;
        for (const n of [...doc.footnotes, ...doc.endnotes, ...doc.comments]) n.blocks.changed = true;
        const rewritten = partDifferences(input, doc.save());
        if (rewritten.length) failures.push(`${name} (rewritten): ${rewritten[0]}`);
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
