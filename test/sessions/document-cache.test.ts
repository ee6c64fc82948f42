import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index";
import { type CachedDocument, DocumentCache } from "../../src/sessions/document-cache";
import { buildDocx, p } from "../docx/support/build-docx";

const openDoc = (paragraphs: number) =>
  DocxDocument.open(buildDocx({ body: Array.from({ length: paragraphs }, (_, i) => p(`Paragraph ${i} of the report`)).join("") }));

const cached = (doc: DocxDocument, documentBytes = 1000): CachedDocument => ({
  version: 1,
  position: 0,
  doc,
  changes: new Map(),
  sinceCheckpoint: { entries: 0, bytes: 0 },
  documentBytes,
});

describe("DocumentCache", () => {
  it("weighs documents by what they hold in memory, not by their .docx size", () => {
    const a = openDoc(2000);
    const b = openDoc(2000);
    // Both files are small; held open, each is several times its size.
    expect(a.memoryBytes()).toBeGreaterThan(2 * a.save().length);
    const cache = new DocumentCache(a.memoryBytes() + b.memoryBytes() - 1);
    cache.set("a", cached(a, 1));
    cache.set("b", cached(b, 1));
    expect(cache.get("a", 1)).toBeNull();
    expect(cache.get("b", 1)?.doc).toBe(b);
  });

  it("re-weighs cached documents when another is stored, so edits that parsed blocks count", () => {
    const a = openDoc(500);
    const b = openDoc(500);
    const cache = new DocumentCache(a.memoryBytes() + b.memoryBytes() + 1024);
    cache.set("a", cached(a));
    cache.set("b", cached(b));
    expect(cache.get("a", 1)?.doc).toBe(a);
    const before = b.memoryBytes();
    for (let i = 0; i < 200; i++) b.replaceParagraphText(`/body/paragraph[${i}]`, `Edited ${i}`);
    expect(b.memoryBytes()).toBeGreaterThan(before);
    cache.set("b", cached(b));
    // "a" was used last before "b" was stored again, but "b" is the entry being stored: the other one goes.
    expect(cache.get("a", 1)).toBeNull();
    expect(cache.get("b", 1)?.doc).toBe(b);
  });

  it("keeps the document being stored even when it alone is over the budget", () => {
    const a = openDoc(100);
    const cache = new DocumentCache(1);
    cache.set("a", cached(a));
    expect(cache.get("a", 1)?.doc).toBe(a);
  });
});
