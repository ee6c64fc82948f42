import { strToU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../../src/docx/index.js";
import { checkPackage } from "../../../src/docx/invariants/index.js";
import { DEFAULT_LIMITS, DocxPackage, readZipEntries } from "../../../src/docx/package/index.js";
import { countingSource, drain } from "../support/byte-source.js";
import { docxWithImage, IMAGE_PART, noise } from "../support/docx-with-media.js";
import { type RawEntry, rawZip, toZip64, withZip64Records } from "../support/raw-zip.js";

const IMAGE = IMAGE_PART;
const PHOTO = noise(1_000_000, 7);
/** The file's last bytes, read first to find the end record (which may follow a comment of up to 64 KB). */
const TAIL = 22 + 0xffff + 76;
/** What opening may read: the tail and every entry but the image. */
const openBudget = (file: Uint8Array) => TAIL + file.length - PHOTO.length;
const withImage = (options: { stored?: boolean; dataDescriptor?: boolean } = {}) => docxWithImage(PHOTO, options);

const text = (doc: DocxDocument, i: number) => doc.query(`/body/paragraph[${i}]`, { format: "text" }).text;
const compressedOf = (bytes: Uint8Array, name: string) => readZipEntries(bytes, DEFAULT_LIMITS).find((e) => e.name === name)!.compressed;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

async function failureOf(run: () => Promise<unknown>): Promise<DocxError["failure"]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DocxError) return e.failure;
    throw e;
  }
  throw new Error("expected a DocxError");
}

describe("DocxDocument.openFrom (range reads)", () => {
  it("reads the central directory and the XML parts, never the image", async () => {
    const file = withImage();
    const source = countingSource(file);
    const doc = await DocxDocument.openFrom(source);
    expect(text(doc, 1)).toBe("Second");
    expect(source.bytesRead).toBeLessThan(openBudget(file));
    expect(doc.model.pkg.unreadParts()).toEqual([IMAGE]);
    // The cache weighs the document by what it holds, which is not the image.
    expect(doc.memoryBytes()).toBeLessThan(PHOTO.length / 2);
    // A synchronous read of the unread part says so; once loaded it reads.
    expect(() => doc.model.pkg.readBytes(IMAGE)).toThrowError(
      expect.objectContaining({ failure: expect.objectContaining({ kind: "part_not_loaded", part: IMAGE }) }),
    );
    await doc.loadParts([IMAGE]);
    expect(same(doc.model.pkg.readBytes(IMAGE), PHOTO)).toBe(true);
  });

  for (const [label, options] of [
    ["deflated", {}],
    ["stored", { stored: true }],
    ["written with data descriptors", { dataDescriptor: true }],
  ] as const) {
    it(`saves an edit as a stream of the announced length, the ${label} image copied byte for byte`, async () => {
      const file = withImage(options);
      const source = countingSource(file);
      const doc = await DocxDocument.openFrom(source);
      doc.replaceParagraphText("/body/paragraph[0]", "Edited");
      const before = source.bytesRead;
      const saved = doc.saveStream();
      const out = await drain(saved.stream);
      expect(out.length).toBe(saved.length);
      // Untouched entries, the image among them, were streamed from the source at save, each once.
      expect(source.bytesRead - before).toBeGreaterThanOrEqual(PHOTO.length);
      expect(source.bytesRead - before).toBeLessThan(file.length);
      expect(checkPackage(out)).toEqual([]);
      expect(same(compressedOf(out, IMAGE), compressedOf(file, IMAGE))).toBe(true);
      const reopened = DocxDocument.open(out);
      expect([text(reopened, 0), text(reopened, 1)]).toEqual(["Edited", "Second"]);
      expect(same(reopened.model.pkg.readBytes(IMAGE), PHOTO)).toBe(true);
      // And the saved file opens by range reads in turn.
      const again = await DocxDocument.openFrom(countingSource(out));
      expect(text(again, 0)).toBe("Edited");
    });
  }

  it("streams the same bytes save() gives for a document opened from bytes", async () => {
    const file = withImage();
    const doc = DocxDocument.open(file);
    doc.replaceParagraphText("/body/paragraph[1]", "Changed");
    const streamed = doc.saveStream();
    const out = await drain(streamed.stream);
    expect(streamed.length).toBe(out.length);
    expect(same(out, doc.save())).toBe(true);
  });

  it("saves an untouched document opened by ranges as a valid package with every entry's bytes kept", async () => {
    const file = withImage({ dataDescriptor: true });
    const out = await drain((await DocxDocument.openFrom(countingSource(file))).saveStream().stream);
    expect(checkPackage(out)).toEqual([]);
    const was = new Map(readZipEntries(file, DEFAULT_LIMITS).map((e) => [e.name, e.compressed]));
    for (const e of readZipEntries(out, DEFAULT_LIMITS)) expect(same(e.compressed, was.get(e.name)!), e.name).toBe(true);
  });

  it("reads a zip whose end record is in ZIP64 form", async () => {
    const doc = await DocxDocument.openFrom(countingSource(toZip64(withImage())));
    expect(text(doc, 0)).toBe("First");
    doc.replaceParagraphText("/body/paragraph[0]", "Sixty-four");
    const out = await drain(doc.saveStream().stream);
    expect(text(DocxDocument.open(out), 0)).toBe("Sixty-four");
  });

  it("reads central directory records in ZIP64 form, and copies the image by their 64-bit offsets", async () => {
    const file = withZip64Records(withImage());
    const doc = await DocxDocument.openFrom(countingSource(file));
    doc.replaceParagraphText("/body/paragraph[1]", "Sixty-four bits");
    const out = await drain(doc.saveStream().stream);
    expect(checkPackage(out)).toEqual([]);
    expect(text(DocxDocument.open(out), 1)).toBe("Sixty-four bits");
    expect(same(compressedOf(out, IMAGE), compressedOf(file, IMAGE))).toBe(true);
  });

  it("reads and rewrites an entry whose name is not ASCII and not flagged UTF-8, as the bytes path does", async () => {
    const parts = unzipSync(withImage());
    // rawZip writes names as UTF-8 bytes without flag bit 11: readers take them as code page bytes.
    const file = rawZip(Object.entries({ ...parts, "word/media/café.bin": noise(70_000, 3) }).map(([name, data]) => ({ name, data })));
    const ranged = await DocxDocument.openFrom(countingSource(file));
    expect(ranged.model.pkg.unreadParts()).toEqual([IMAGE]);
    const out = await drain(ranged.saveStream().stream);
    expect(readZipEntries(out, DEFAULT_LIMITS).map((e) => e.name)).toEqual(
      readZipEntries(DocxDocument.open(file).save(), DEFAULT_LIMITS).map((e) => e.name),
    );
    expect(checkPackage(out).filter((v) => v.check === "zip")).toEqual([]);
  });

  it("reads XML parts scattered between media in at most 32 ranged reads", async () => {
    const parts = unzipSync(withImage());
    const scattered: RawEntry[] = Object.entries(parts).map(([name, data]) => ({ name, data }));
    for (let i = 0; i < 100; i++)
      scattered.push(
        { name: `customXml/item${i}.xml`, data: strToU8(`<item n="${i}"/>`) },
        { name: `word/media/pad${i}.bin`, data: noise(70_000, i + 1) },
      );
    const file = rawZip(scattered);
    const source = countingSource(file);
    const doc = await DocxDocument.openFrom(source);
    expect(source.requests).toBeLessThanOrEqual(1 + 32);
    expect(new TextDecoder().decode(doc.model.pkg.readBytes("customXml/item99.xml"))).toBe('<item n="99"/>');
    // A save copies every run of untouched entries around the one edited part with one read each: two here.
    doc.replaceParagraphText("/body/paragraph[0]", "Edited");
    const before = source.requests;
    const out = await drain(doc.saveStream().stream);
    expect(source.requests - before).toBe(2);
    expect(text(DocxDocument.open(out), 0)).toBe("Edited");
    expect(readZipEntries(out, DEFAULT_LIMITS).length).toBe(scattered.length);
  });

  it("refuses a truncated or damaged central directory clearly, reading no entry", async () => {
    const file = withImage();
    const cut = countingSource(file.subarray(0, file.length - 30));
    expect(await failureOf(() => DocxDocument.openFrom(cut))).toMatchObject({
      kind: "corrupt_zip",
      message: expect.stringMatching(/truncated|damaged/),
    });
    expect(await failureOf(() => DocxDocument.openFrom(countingSource(strToU8("not a zip, just some text here"))))).toMatchObject({
      kind: "not_a_zip",
    });
    const damaged = file.slice();
    const cdStart = new DataView(damaged.buffer).getUint32(damaged.length - 6, true);
    damaged[cdStart + 100] ^= 0xff; // inside the first records: a name or a signature goes wrong
    damaged.set([0, 0, 0, 0], cdStart + 46 + "[Content_Types].xml".length); // the second record's signature
    const source = countingSource(damaged);
    expect(await failureOf(() => DocxDocument.openFrom(source))).toMatchObject({ kind: "corrupt_zip" });
    expect(source.bytesRead).toBeLessThan(openBudget(file));
  });

  it("refuses entries whose data overlap (one entry inside another)", async () => {
    const file = withImage();
    const view = new DataView(file.buffer);
    const cdStart = view.getUint32(file.length - 6, true);
    // Point the second entry's local header at the first entry's.
    const second = cdStart + 46 + "[Content_Types].xml".length;
    view.setUint32(second + 42, 0, true);
    expect(await failureOf(() => DocxDocument.openFrom(countingSource(file)))).toMatchObject({
      kind: "corrupt_zip",
      message: expect.stringContaining("overlaps"),
    });
    expect(() => DocxPackage.open(file)).toThrow(/overlaps/);
  });

  it("errors the save stream, instead of producing a damaged file, when the source no longer holds the image", async () => {
    const file = withImage();
    const changing = file.slice();
    const doc = await DocxDocument.openFrom(countingSource(changing));
    doc.replaceParagraphText("/body/paragraph[0]", "Edited");
    const image = readZipEntries(file, DEFAULT_LIMITS).find((e) => e.name === IMAGE)!;
    // Another writer replaced the object: the image's local header is no longer where the directory said.
    const at = file.indexOf(0x50, Buffer.from(file).indexOf(Buffer.from(IMAGE)) - 40);
    changing.fill(0, at, at + 30);
    expect(image.compressedSize).toBeGreaterThan(0);
    await expect(drain(doc.saveStream().stream)).rejects.toMatchObject({ failure: { kind: "corrupt_zip" } });
  });

  it("checks the package limits from the central directory before reading any part", async () => {
    const file = withImage();
    const source = countingSource(file);
    expect(await failureOf(() => DocxDocument.openFrom(source, { maxEntries: 3 }))).toMatchObject({ kind: "zip_bomb", limit: 3 });
    expect(source.requests).toBe(1);
  });
});
