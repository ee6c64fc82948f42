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
  source: "baseline/0",
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

  it("runs calls for one key one at a time, in their own turn, and other keys alongside", async () => {
    const cache = new DocumentCache();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      cache.exclusive("s", step("a", 20)),
      cache.exclusive("s", step("b", 1)),
      cache.exclusive("t", step("c", 1)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log.indexOf("b start")).toBeGreaterThan(log.indexOf("a end"));
    expect(log.indexOf("c end")).toBeLessThan(log.indexOf("a end"));
  });

  it("releases a key whose call failed", async () => {
    const cache = new DocumentCache();
    await expect(cache.exclusive("s", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.exclusive("s", async () => "next")).toBe("next");
  });

  it("lets the next call go ahead once a holder that never finishes is past its lease, dropping its cached document", async () => {
    const cache = new DocumentCache(64 * 1024 * 1024, 30);
    cache.set("s", cached(openDoc(1)));
    // A request the runtime cancelled mid-call: its work never settles, so it never releases the key.
    void cache.exclusive("s", () => new Promise(() => {}));
    expect(await cache.exclusive("s", async () => cache.get("s", 1))).toBeNull();
  });
});
