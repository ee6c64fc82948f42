/**
 * sync_external_changes and get_external_changes on a document with several large images: only an image that
 * changed is read (from the library version, and from the session's stored copy for undo); the others stay in
 * storage on both sides, and a later save copies them from the session's stored copy.
 */
import { describe, expect, it } from "vitest";
import { DocxDocument as Docx } from "../../src/docx/index";
import { checkPackage } from "../../src/docx/invariants/index";
import { DEFAULT_LIMITS, readZipEntries } from "../../src/docx/package/index";
import { DocumentCache } from "../../src/sessions/document-cache";
import { DocumentSessions } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { docxWithImages, imagePart, noise } from "../docx/support/docx-with-media";

const TENANT = "tenant-s";
const SIZE = 400_000;
const PHOTOS = [1, 2, 3, 4, 5, 6].map((seed) => noise(SIZE, seed));
const NEW_PHOTO = noise(SIZE, 42);
const PARAGRAPHS = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}`);
const MINE = docxWithImages(PHOTOS, { paragraphs: PARAGRAPHS });

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const compressedOf = (bytes: Uint8Array, name: string) => readZipEntries(bytes, DEFAULT_LIMITS).find((e) => e.name === name)!.compressed;

async function opened() {
  const library = new MemoryLibraryStore();
  const store = new MemorySessionStore();
  const sessions = new DocumentSessions({ tenantId: TENANT, library, store, index: new MemorySessionIndex(), cache: new DocumentCache() });
  await library.write(TENANT, "report.docx", MINE);
  const { id } = await sessions.open("report.docx");
  // Warm the session's document so what follows reads only what sync itself needs.
  await sessions.history.read(id, (doc) => doc.count("/body/paragraph"));
  /** Bytes read from the library and from the session's stored objects while `work` runs. */
  const reads = async <T>(work: () => Promise<T>) => {
    const [l, s] = [library.bytesRead, store.bytesRead];
    const result = await work();
    return { result, library: library.bytesRead - l, store: store.bytesRead - s };
  };
  return { library, store, sessions, id, reads };
}

describe("sync_external_changes with large media", () => {
  it("reads only the changed image on either side; undo, redo and a save keep every image exact", async () => {
    const { library, sessions, id, reads } = await opened();
    const theirs = docxWithImages(
      PHOTOS.map((photo, i) => (i === 3 ? NEW_PHOTO : photo)),
      { paragraphs: PARAGRAPHS.map((t, i) => (i === 1 ? "Their wording" : t)) },
    );
    await library.write(TENANT, "report.docx", theirs);

    // The review reads the library version's directory and XML, no image, and nothing of the session's copy.
    const review = await reads(() => sessions.external.check(id));
    expect(review.result).toMatchObject({ status: "changed", parts: { changed: [imagePart(3)], added: [], removed: [] } });
    expect(review.library).toBeLessThan(SIZE / 2);
    expect(review.store).toBe(0);

    const sync = await reads(() => sessions.external.sync(id));
    console.log(`sync read ${sync.library} bytes of the library file (${theirs.length}), ${sync.store} of the session's copy`);
    expect(sync.result.result).toMatchObject({ partsChanged: 1, counts: { modified: 1 } });
    // The library version as the review read it, plus the one changed image; the session's copy of that image only.
    expect(sync.library).toBeGreaterThan(SIZE);
    expect(sync.library).toBeLessThan(review.library + SIZE + 4096);
    expect(sync.store).toBeGreaterThan(SIZE);
    expect(sync.store).toBeLessThan(SIZE + 4096);

    const imageNow = async () => Docx.open(await sessions.currentDocument(id)).model.pkg.readBytes(imagePart(3));
    expect(same(await imageNow(), NEW_PHOTO)).toBe(true);
    await sessions.history.moveTo(id, (h) => h.position - 1);
    expect(same(await imageNow(), PHOTOS[3])).toBe(true);
    await sessions.history.moveTo(id, (h) => h.position + 1);
    expect(same(await imageNow(), NEW_PHOTO)).toBe(true);

    await sessions.save(id, { outputName: "saved.docx" });
    const saved = (await library.read(TENANT, "saved.docx"))!;
    expect(checkPackage(saved)).toEqual([]);
    const doc = Docx.open(saved);
    expect(doc.query("/body/paragraph[1]", { format: "text" }).text).toBe("Their wording");
    expect(same(doc.model.pkg.readBytes(imagePart(3)), NEW_PHOTO)).toBe(true);
    // Unchanged images are the session's compressed entries, copied as they were.
    for (const i of [0, 1, 2, 4, 5]) expect(same(compressedOf(saved, imagePart(i)), compressedOf(MINE, imagePart(i)))).toBe(true);
  });

  it("reads no image at all when only text changed", async () => {
    const { library, sessions, id, reads } = await opened();
    await library.write(TENANT, "report.docx", docxWithImages(PHOTOS, { paragraphs: PARAGRAPHS.map((t, i) => (i === 5 ? "Edited" : t)) }));
    const review = await reads(() => sessions.external.check(id));
    expect(review.result).toMatchObject({ status: "changed", parts: { changed: [], added: [], removed: [] } });
    const sync = await reads(() => sessions.external.sync(id));
    expect(sync.result.result).toMatchObject({ partsChanged: 0, counts: { modified: 1 } });
    expect(sync.library).toBe(review.library);
    expect(sync.store).toBe(0);
    expect(checkPackage(await sessions.currentDocument(id))).toEqual([]);
  });
});
