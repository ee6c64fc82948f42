import { strFromU8, strToU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../src/docx/index.js";
import { buildDocx, p } from "./support/build-docx.js";
import { rawZip } from "./support/raw-zip.js";

/** A small deterministic PRNG (mulberry32) so every run mutates the same way. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  "<",
  ">",
  "/",
  '"',
  "'",
  "&",
  "&amp;",
  "&#x0;",
  "<w:p>",
  "</w:p>",
  "<w:t>",
  "]]>",
  "<!--",
  "<?",
  "<![CDATA[",
  "\u0000",
  "w:",
  " ",
];

/** Every outcome must be a document or a DocxError; anything else (TypeError, RangeError, a hang) is a bug. */
function exercise(bytes: Uint8Array): "opened" | "refused" {
  try {
    const doc = DocxDocument.open(bytes);
    doc.query("/body", { format: "summary" });
    doc.query("/body/paragraph", { format: "json", limit: 5 });
    doc.query("/body", { format: "markdown", limit: 5 });
    if (doc.count("/body/paragraph") > 0) doc.replaceParagraphText("/body/paragraph[0]", "x");
    doc.save();
    return "opened";
  } catch (e) {
    if (e instanceof DocxError) return "refused";
    throw e;
  }
}

describe("damaged input", () => {
  const parts = unzipSync(
    buildDocx({
      body:
        p("Title", "Heading1") +
        `<w:tbl><w:tr><w:tc>${p("cell")}</w:tc></w:tr></w:tbl>` +
        p("a &amp; b") +
        `<w:p><w:hyperlink r:id="x"><w:r><w:t>l</w:t></w:r></w:hyperlink></w:p>`,
    }),
  );
  const xml = strFromU8(parts["word/document.xml"]);

  it("gives a document or a DocxError for 400 mutated document.xml parts, never another exception", () => {
    const rand = random(42);
    const outcomes = { opened: 0, refused: 0 };
    for (let i = 0; i < 400; i++) {
      let mutated = xml;
      for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
        const at = Math.floor(rand() * mutated.length);
        const op = rand();
        if (op < 0.4) mutated = mutated.slice(0, at) + TOKENS[Math.floor(rand() * TOKENS.length)] + mutated.slice(at);
        else if (op < 0.8) mutated = mutated.slice(0, at) + mutated.slice(at + 1 + Math.floor(rand() * 8));
        else mutated = mutated.slice(0, at);
      }
      const zip = rawZip(Object.entries({ ...parts, "word/document.xml": strToU8(mutated) }).map(([name, data]) => ({ name, data })));
      outcomes[exercise(zip)]++;
    }
    expect(outcomes.opened + outcomes.refused).toBe(400);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it("gives a DocxError for every truncation of the zip itself", () => {
    const whole = buildDocx({ body: p("x") });
    for (let cut = 0; cut < whole.length; cut += 7) expect(exercise(whole.subarray(0, cut))).toBe("refused");
  });
});
