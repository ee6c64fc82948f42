/**
 * Randomized text edits over every document of ../shared/corpus: sequences of replace_text and insert_text (plain and
 * tracked, with emoji, tabs and line breaks) at random places, after which the saved package must keep every shared
 * invariant it had, reopen, and hold every atom (fields, drawings, math, note references) byte for byte as before.
 *
 * Seeds: a fixed set by default; DOCX_FUZZ_SEEDS=25 runs seeds 1-25, DOCX_FUZZ_SEEDS=7,42 runs those. A failure names
 * its file, seed and the edits applied, so `DOCX_FUZZ_SEEDS=<seed> npm run test:corpus -- random-text-edits` replays it.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../src/docx/index.js";
import { checkPackage } from "../../src/docx/invariants/index.js";
import { elementOf, ownerOf, WordDocument } from "../../src/docx/model/index.js";
import { readParagraphText } from "../../src/docx/ops/text-range.js";
import { paragraphsInScope } from "../../src/docx/ops/text-scope.js";
import { localName, serializeNode, type XmlElement } from "../../src/docx/xml/index.js";
import { CORPUS, docxFiles } from "../support/corpus";
import { expectAllOpenInLibreOffice, sofficeAvailable } from "../support/libreoffice.js";
import { seededRandom } from "../support/seeded-random";

const DEFAULT_SEEDS = [1, 2];
const EDITS_PER_DOCUMENT = 5;
/** Text an agent might type: accents, emoji (two UTF-16 units), a tab, a line break, quotes. */
const ALPHABET = [..."abcxyz ÉéßØ—’“”0123", "😀", "👍🏽", "\t", "\n", "𝔸"];
/** Elements a text edit must leave exactly as they were (fldSimple by its start tag: a hyperlink field's text may change). */
const ATOMS = new Set([
  "drawing",
  "pict",
  "object",
  "oMath",
  "oMathPara",
  "fldChar",
  "instrText",
  "footnoteReference",
  "endnoteReference",
  "sym",
]);

function seeds(): number[] {
  const given = process.env.DOCX_FUZZ_SEEDS?.trim();
  if (!given) return DEFAULT_SEEDS;
  if (/^\d+$/.test(given)) return Array.from({ length: Number(given) }, (_, i) => i + 1);
  return given.split(",").map((s) => Number(s.trim()));
}

interface Paragraph {
  path: string;
  text: string;
}

/** The body's paragraphs (in tables too) with their text as edits see it, and the body's atoms serialized in order. */
function readBody(bytes: Uint8Array): { paragraphs: Paragraph[]; atoms: string[] } {
  const doc = WordDocument.open(bytes);
  const paragraphs: Paragraph[] = [];
  const atoms: string[] = [];
  const collect = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.type !== "element") continue;
      const local = localName(c.name);
      if (ATOMS.has(local)) atoms.push(serializeNode(c));
      else {
        if (local === "fldSimple") atoms.push(serializeNode({ ...c, children: [] }));
        collect(c);
      }
    }
  };
  for (const node of paragraphsInScope(doc, "/body")) {
    const el = elementOf(node)!;
    paragraphs.push({ path: node.path, text: readParagraphText(el, (ownerOf(node)?.list.prefixes ?? doc.prefixes).w).text });
    collect(el);
  }
  return { paragraphs, atoms };
}

/** Up to `max` code points of random text. */
function randomText(next: () => number, max: number): string {
  const n = 1 + Math.floor(next() * max);
  return Array.from({ length: n }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join("");
}

/** Applies EDITS_PER_DOCUMENT random edits to paragraphs that have text; returns the log of what it did. */
function randomEdits(doc: DocxDocument, paragraphs: Paragraph[], next: () => number): string[] {
  const log: string[] = [];
  if (next() < 0.3) {
    doc.setTrackChanges(true);
    log.push("track changes on");
  }
  const withText = paragraphs.filter((p) => p.text.length > 0);
  for (let i = 0; i < EDITS_PER_DOCUMENT && withText.length; i++) {
    const target = withText[Math.floor(next() * withText.length)];
    const current = (doc.query(target.path).items?.[0]?.path as string | undefined) ?? target.path;
    const chars = Array.from(target.text);
    if (next() < 0.5) {
      // A run of 1-8 characters from the paragraph as it was; it may be gone after earlier edits (then 0 matches).
      const start = Math.floor(next() * chars.length);
      const find = chars.slice(start, start + 1 + Math.floor(next() * 8)).join("");
      const replace = next() < 0.2 ? "" : randomText(next, 6);
      const maxCount = 1 + Math.floor(next() * 3);
      log.push(`replace_text ${current} ${JSON.stringify(find)} -> ${JSON.stringify(replace)} max ${maxCount}`);
      doc.replaceText(current, { find, replace, maxCount, matchCase: next() < 0.7 });
    } else {
      const offset = Math.floor(next() * (chars.length + 1));
      const text = randomText(next, 5);
      log.push(`insert_text ${current} at ${offset} ${JSON.stringify(text)}`);
      try {
        doc.insertText(current, { text, offset });
      } catch (e) {
        // Earlier edits may have shortened the paragraph; the refusal must say so and change nothing.
        if (!(e instanceof DocxError && e.failure.kind === "invalid_argument" && e.failure.field === "offset")) throw e;
        log.push("  (offset past the end after earlier edits: refused)");
      }
    }
  }
  return log;
}

/** The messages of a package's violations. */
const violations = (bytes: Uint8Array) => checkPackage(bytes).map((v) => `${v.check}: ${v.message}`);

/** Resolves every revision of a document (its own and ours) and returns the saved result. */
function resolved(bytes: Uint8Array, how: "accept" | "reject"): Uint8Array {
  const doc = DocxDocument.open(bytes);
  if (how === "accept") doc.acceptRevisions();
  else doc.rejectRevisions();
  return doc.save();
}

/**
 * Tracked edits must resolve cleanly: accepting everything keeps the invariants the document had with its own
 * revisions accepted, and rejecting everything gives the text the original has with its own revisions rejected.
 */
function expectTrackedEditsResolve(input: Uint8Array, bytes: Uint8Array, where: string): void {
  const known = new Set(violations(resolved(input, "accept")));
  expect(
    violations(resolved(bytes, "accept")).filter((m) => !known.has(m)),
    `${where}
after accepting all`,
  ).toEqual([]);
  const texts = (b: Uint8Array) => readBody(b).paragraphs.map((p) => p.text);
  expect(
    texts(resolved(bytes, "reject")),
    `${where}
after rejecting all`,
  ).toEqual(texts(resolved(input, "reject")));
}

const files = docxFiles(CORPUS);
const edited: { bytes: Uint8Array; name: string }[] = [];

describe("random text edits over the corpus", () => {
  it("finds the corpus (run with ../shared/corpus beside the checkout)", () => {
    expect(files.length, `no .docx under ${CORPUS}`).toBeGreaterThan(400);
  });

  it.each(files.map((f) => relative(CORPUS, f)))("%s keeps its invariants and atoms under random edits", (file) => {
    const input = new Uint8Array(readFileSync(join(CORPUS, file)));
    let original: DocxDocument;
    try {
      original = DocxDocument.open(input);
    } catch (e) {
      // The round-trip suite names the files the engine refuses and why; they cannot be edited.
      expect(e).toBeInstanceOf(DocxError);
      return;
    }
    const before = readBody(original.save());
    const known = new Set(checkPackage(input).map((v) => `${v.check}: ${v.message}`));
    for (const seed of seeds()) {
      const doc = DocxDocument.open(input);
      const next = seededRandom(seed * 7919 + file.length);
      let log: string[] = [];
      const where = () => `${file}, seed ${seed} (DOCX_FUZZ_SEEDS=${seed}); edits:\n  ${log.join("\n  ")}`;
      try {
        log = randomEdits(doc, before.paragraphs, next);
      } catch (e) {
        throw new Error(`${where()}\nthrew ${(e as Error).message}`);
      }
      const bytes = doc.save();
      const added = checkPackage(bytes)
        .map((v) => `${v.check}: ${v.message}`)
        .filter((m) => !known.has(m));
      expect(added, where()).toEqual([]);
      expect(() => DocxDocument.open(bytes), where()).not.toThrow();
      expect(readBody(bytes).atoms, where()).toEqual(before.atoms);
      if (log[0] === "track changes on") expectTrackedEditsResolve(input, bytes, where());
      if (seed === seeds()[0] && edited.length < 6 && log.length > 1 && !file.startsWith("generated/"))
        edited.push({ bytes, name: file.replace(/[^\w.-]+/g, "_") });
    }
  });

  it.runIf(sofficeAvailable())("LibreOffice opens a sample of the edited documents", () => {
    expect(edited.length).toBeGreaterThan(0);
    expectAllOpenInLibreOffice(edited);
  });
});
