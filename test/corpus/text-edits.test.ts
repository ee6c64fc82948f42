import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index.js";
import { elementOf, ownerOf, WordDocument } from "../../src/docx/model/index.js";
import { readParagraphText } from "../../src/docx/ops/text-range.js";
import { paragraphsInScope } from "../../src/docx/ops/text-scope.js";
import { CORPUS } from "../support/corpus";

/** Real documents from different sources: heavy run fragmentation (legal), library fixtures, a generated report. */
const FILES = [
  "legal/open-agreements--mutual-nda.docx",
  "legal/nvca-regression--filled.docx",
  "python-docx/par-hyperlinks.docx",
  "pandoc/char_styles.docx",
  "generated/S.docx",
];

/** Every paragraph's text in the body and its tables, by path, as the engine reads it. */
function bodyTexts(bytes: Uint8Array): Map<string, string> {
  const doc = WordDocument.open(bytes);
  return new Map(
    [...paragraphsInScope(doc, "/body")].map((n) => [
      n.path,
      readParagraphText(elementOf(n)!, (ownerOf(n)?.list.prefixes ?? doc.prefixes).w).text,
    ]),
  );
}

/** A word of 5+ letters from the middle of the longest paragraph, and that paragraph's path. */
function pickWord(texts: Map<string, string>): { path: string; word: string } {
  const [path, text] = [...texts].sort((a, b) => b[1].length - a[1].length)[0];
  const words = text.match(/\p{L}{5,}/gu)!;
  return { path, word: words[Math.floor(words.length / 2)] };
}

describe.each(FILES)("text edits on %s", (file) => {
  const input = new Uint8Array(readFileSync(join(CORPUS, file)));
  const before = bodyTexts(input);
  const { path, word } = pickWord(before);

  it("replaces every occurrence of a word, leaving all other text as it was, and reopens", () => {
    const doc = DocxDocument.open(input);
    const expected = new Map([...before].map(([p, t]) => [p, t.split(word).join("⟨X⟩")]));
    const occurrences = [...before.values()].reduce((n, t) => n + t.split(word).length - 1, 0);
    const result = doc.replaceText("/body", { find: word, replace: "⟨X⟩", maxCount: 100_000 });
    expect(result).toMatchObject({ matchesFound: occurrences, replacementsMade: occurrences });
    const after = bodyTexts(doc.save());
    expect(after).toEqual(expected);
    expect(DocxDocument.open(doc.save()).query(path).items![0].text).toBe(expected.get(path));
  });

  it("inserts text at an offset and after a match", () => {
    const doc = DocxDocument.open(input);
    const text = before.get(path)!;
    doc.insertText(path, { text: "[A]", offset: 3 });
    doc.insertText(path, { text: "[B]", after: word });
    const at = text.indexOf(word) + word.length + 3;
    const expected = text.slice(0, 3) + "[A]" + text.slice(3);
    expect(bodyTexts(doc.save()).get(path)).toBe(expected.slice(0, at) + "[B]" + expected.slice(at));
  });

  it("anchors a comment on a word, replies, resolves and deletes, and the text never changes", () => {
    const doc = DocxDocument.open(input);
    const existing = doc.listComments().length;
    const { commentId: comment_id } = doc.addComment(path, { text: "Check this word", anchorText: word, author: "Corpus Test" });
    const reply = doc.replyToComment(comment_id, { text: "Checked" });
    doc.resolveComment(comment_id);
    const reopened = DocxDocument.open(doc.save());
    const listed = reopened.listComments();
    expect(listed).toHaveLength(existing + 2);
    expect(listed.find((c) => c.id === comment_id)).toMatchObject({ anchored_text: word, resolved: true, text: "Check this word" });
    expect(listed.find((c) => c.id === reply.commentId)).toMatchObject({ parent_id: comment_id });
    expect(bodyTexts(reopened.save())).toEqual(before);
    expect(reopened.deleteComments({ commentId: comment_id }).deleted).toEqual([comment_id, reply.commentId]);
    expect(DocxDocument.open(reopened.save()).listComments()).toHaveLength(existing);
  });
});

const soffice = (() => {
  try {
    return execFileSync("which", ["soffice"]).toString().trim();
  } catch {
    return null;
  }
})();

// Only where LibreOffice is installed (the README above says how); CI installs it.
describe.runIf(soffice)("LibreOffice reads our comments", () => {
  it("converts a document with an added comment to PDF, and to ODT with the comment on the anchored text", () => {
    const doc = DocxDocument.open(new Uint8Array(readFileSync(join(CORPUS, FILES[0]))));
    const { path, word } = pickWord(bodyTexts(doc.save()));
    doc.addComment(path, { text: "LibreOffice sees this", anchorText: word, author: "Corpus Test" });
    const dir = mkdtempSync(join(tmpdir(), "text-edits-"));
    try {
      writeFileSync(join(dir, "commented.docx"), doc.save());
      for (const format of ["pdf", "odt"]) {
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            format,
            "--outdir",
            dir,
            join(dir, "commented.docx"),
          ],
          { timeout: 120_000, stdio: "ignore" },
        );
      }
      expect(existsSync(join(dir, "commented.pdf"))).toBe(true);
      const content = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, "commented.odt"))))["content.xml"]);
      expect(content).toMatch(/<office:annotation[ >][\s\S]*LibreOffice sees this[\s\S]*<\/office:annotation>/);
      expect(content).toContain(`<office:annotation-end`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
