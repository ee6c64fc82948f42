/**
 * Adopting another version of a document opened from storage reads only the media that differ: equal media (same
 * CRC-32 and size in both central directories) are read on neither side, and stay entries a save copies as they lie.
 */
import { describe, expect, it } from "vitest";
import { DocxDocument as Docx, type DocxDocument, type DocxFailure, isDocxError } from "../../../src/docx/index.js";
import { checkPackage } from "../../../src/docx/invariants/index.js";
import { DEFAULT_LIMITS, readZipEntries } from "../../../src/docx/package/index.js";
import { readCentralDirectory } from "../../../src/docx/package/zip-reader.js";
import { type CountingSource, countingSource, drain } from "../support/byte-source.js";
import { docxWithImages, imagePart, noise } from "../support/docx-with-media.js";

const SIZE = 300_000;
const PHOTOS = [1, 2, 3, 4, 5].map((seed) => noise(SIZE, seed));
/** Same length as PHOTOS[2]: only its CRC tells it apart. */
const NEW_PHOTO = noise(SIZE, 77);
const PARAGRAPHS = ["Title", "Shared", "Old wording", "Last"];
const MINE = docxWithImages(PHOTOS, { paragraphs: PARAGRAPHS });

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const imageIn = (doc: DocxDocument, i: number) => doc.model.pkg.readBytes(imagePart(i));
const textOf = (doc: DocxDocument, i: number) => doc.query(`/body/paragraph[${i}]`, { format: "text" }).text;

/** Where each named entry lies in `file`: its local header, data and descriptor. */
async function spansOf(file: Uint8Array, names: string[]): Promise<[number, number][]> {
  const { entries } = await readCentralDirectory(countingSource(file), DEFAULT_LIMITS);
  return names.map((name) => {
    const e = entries.find((x) => x.name === name)!;
    return [e.localOffset, e.localOffset + e.extent];
  });
}

/**
 * Which of `spans` a read of `source` touched after it was opened (opening reads the file's last 64 KB to find the
 * directory, whatever lies there; that is the open's cost, not the adoption's).
 */
const touched = (source: CountingSource, spans: [number, number][]) =>
  spans.filter(([s, e]) => source.spans.slice(opened.get(source)).some(([a, b]) => a < e && s < b));
const opened = new Map<CountingSource, number>();

async function open(file: Uint8Array): Promise<{ source: CountingSource; doc: DocxDocument }> {
  const source = countingSource(file);
  const doc = await Docx.openFrom(source);
  opened.set(source, source.spans.length);
  return { source, doc };
}

/**
 * Adopts `theirs` into `doc` as the session does: each part_not_loaded failure is answered by loading the parts it
 * names into the document that lacks them, then adopting again. Returns the outcome and the failures met.
 */
async function adoptLoading(doc: DocxDocument, theirs: DocxDocument) {
  const misses: { side: "mine" | "theirs"; parts: string[] }[] = [];
  for (;;) {
    try {
      return { outcome: doc.adopt(theirs), misses };
    } catch (error) {
      const failure = isDocxError(error) ? error.failure : null;
      if (failure?.kind !== "part_not_loaded") throw error;
      const parts = (failure as Extract<DocxFailure, { kind: "part_not_loaded" }>).parts ?? [failure.part];
      const side = parts.every((p) => doc.model.pkg.unreadParts().includes(p)) ? "mine" : "theirs";
      misses.push({ side, parts });
      await (side === "mine" ? doc : theirs).loadParts(parts);
      if (misses.length > 4) throw error;
    }
  }
}

describe("DocxDocument.adopt with media in storage", () => {
  it("reads only the changed image, on both sides; undo and redo restore each version byte for byte", async () => {
    const theirsFile = docxWithImages(
      PHOTOS.map((photo, i) => (i === 2 ? NEW_PHOTO : photo)),
      { paragraphs: PARAGRAPHS.map((t, i) => (i === 2 ? "New wording" : t)) },
    );
    const { source: mineSource, doc } = await open(MINE);
    const { source: theirsSource, doc: theirs } = await open(theirsFile);
    expect(doc.compareParts(theirs)).toEqual({ changed: [imagePart(2)], added: [], removed: [] });

    const { outcome, misses } = await adoptLoading(doc, theirs);
    // One miss per side, naming only the changed image (the session's copy is needed for undo).
    expect(misses).toEqual([
      { side: "mine", parts: [imagePart(2)] },
      { side: "theirs", parts: [imagePart(2)] },
    ]);
    expect(outcome).toMatchObject({ partsChanged: 1, counts: { modified: 1, added: 0, removed: 0 } });
    const unchanged = [0, 1, 3, 4].map(imagePart);
    expect(touched(mineSource, await spansOf(MINE, unchanged))).toEqual([]);
    expect(touched(theirsSource, await spansOf(theirsFile, unchanged))).toEqual([]);
    expect(doc.model.pkg.unreadParts()).toEqual(unchanged);

    expect(same(imageIn(doc, 2), NEW_PHOTO)).toBe(true);
    expect(textOf(doc, 2)).toBe("New wording");
    const change = doc.takeChange()!;
    doc.revertChange(change);
    expect(same(imageIn(doc, 2), PHOTOS[2])).toBe(true);
    expect(textOf(doc, 2)).toBe("Old wording");
    doc.applyChange(change);
    expect(same(imageIn(doc, 2), NEW_PHOTO)).toBe(true);

    // A streamed save copies the unchanged images from the session's file as they lie there and round-trips.
    const { stream, length } = doc.saveStream();
    const saved = await drain(stream);
    expect(saved.length).toBe(length);
    expect(checkPackage(saved)).toEqual([]);
    const savedEntries = readZipEntries(saved, DEFAULT_LIMITS);
    const mineEntries = readZipEntries(MINE, DEFAULT_LIMITS);
    for (const name of unchanged) {
      const [a, b] = [savedEntries, mineEntries].map((list) => list.find((e) => e.name === name)!.compressed);
      expect(same(a, b)).toBe(true);
    }
    const reopened = Docx.open(saved);
    expect(same(imageIn(reopened, 2), NEW_PHOTO)).toBe(true);
    expect(textOf(reopened, 2)).toBe("New wording");
  });

  it("takes an image the session wrote itself as equal to the same bytes in the other version (digest from memory)", async () => {
    const theirsFile = docxWithImages(
      PHOTOS.map((photo, i) => (i === 2 ? NEW_PHOTO : photo)),
      { paragraphs: PARAGRAPHS },
    );
    const { doc } = await open(MINE);
    await doc.loadParts([imagePart(2)]);
    doc.model.parts.write(imagePart(2), NEW_PHOTO.slice());
    doc.takeChange();
    const { source: theirsSource, doc: theirs } = await open(theirsFile);
    const { outcome, misses } = await adoptLoading(doc, theirs);
    expect([misses, outcome.partsChanged]).toEqual([[], 0]);
    expect(
      touched(
        theirsSource,
        await spansOf(
          theirsFile,
          PHOTOS.map((_, i) => imagePart(i)),
        ),
      ),
    ).toEqual([]);
  });

  it("keeps a part whose name the other version spells in another case, with the other version's bytes", async () => {
    const upper = "word/media/IMAGE1.png";
    const theirsFile = docxWithImages([NEW_PHOTO, ...PHOTOS.slice(1)], {
      paragraphs: PARAGRAPHS,
      names: [upper, ...PHOTOS.slice(1).map((_, i) => imagePart(i + 1))],
    });
    const { doc } = await open(MINE);
    const { doc: theirs } = await open(theirsFile);
    expect(doc.compareParts(theirs)).toMatchObject({ changed: expect.arrayContaining([upper]), removed: [] });
    await adoptLoading(doc, theirs);
    expect(same(doc.model.pkg.readBytes(imagePart(0)), NEW_PHOTO)).toBe(true);
  });

  it("reads no media at all when only text changed", async () => {
    const theirsFile = docxWithImages(PHOTOS, { paragraphs: PARAGRAPHS.map((t, i) => (i === 3 ? "Their last" : t)) });
    const { source: mineSource, doc } = await open(MINE);
    const { source: theirsSource, doc: theirs } = await open(theirsFile);
    const [mineRead, theirsRead] = [mineSource.requests, theirsSource.requests];
    const { outcome, misses } = await adoptLoading(doc, theirs);
    expect(misses).toEqual([]);
    expect(outcome).toMatchObject({ partsChanged: 0, counts: { modified: 1 } });
    expect([mineSource.requests, theirsSource.requests]).toEqual([mineRead, theirsRead]);
    const images = PHOTOS.map((_, i) => imagePart(i));
    expect(touched(mineSource, await spansOf(MINE, images))).toEqual([]);
    expect(touched(theirsSource, await spansOf(theirsFile, images))).toEqual([]);
    expect(textOf(doc, 3)).toBe("Their last");
  });

  it("reads a removed image from the session (for undo) and an added one from the other version, nothing else", async () => {
    const added = noise(SIZE, 88);
    const theirsNames = [...[0, 1, 2, 3].map(imagePart), "word/media/image6.png"];
    const theirsFile = docxWithImages([...PHOTOS.slice(0, 4), added], { paragraphs: PARAGRAPHS, names: theirsNames });
    const { source: mineSource, doc } = await open(MINE);
    const { source: theirsSource, doc: theirs } = await open(theirsFile);
    const { outcome, misses } = await adoptLoading(doc, theirs);
    expect(misses).toEqual([
      { side: "mine", parts: [imagePart(4)] },
      { side: "theirs", parts: ["word/media/image6.png"] },
    ]);
    // The image and the relationships part that names the new one.
    expect(outcome.partsChanged).toBe(3);
    const kept = [0, 1, 2, 3].map(imagePart);
    expect(touched(mineSource, await spansOf(MINE, kept))).toEqual([]);
    expect(touched(theirsSource, await spansOf(theirsFile, kept))).toEqual([]);
    expect(doc.model.pkg.has(imagePart(4))).toBe(false);
    expect(same(doc.model.pkg.readBytes("word/media/image6.png"), added)).toBe(true);

    const change = doc.takeChange()!;
    doc.revertChange(change);
    expect(same(imageIn(doc, 4), PHOTOS[4])).toBe(true);
    expect(doc.model.pkg.has("word/media/image6.png")).toBe(false);
    doc.applyChange(change);
    const saved = await drain(doc.saveStream().stream);
    expect(checkPackage(saved)).toEqual([]);
    expect(same(Docx.open(saved).model.pkg.readBytes("word/media/image6.png"), added)).toBe(true);
  });
});
