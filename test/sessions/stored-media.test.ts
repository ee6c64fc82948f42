/**
 * Media no edit touches stay in storage: document_open reads a library file's directory and XML parts only and copies
 * it to the session's baseline as a stream; saves, checkpoints and snapshots copy the untouched image from the
 * session's stored object byte for byte, whichever isolate and whichever stored object the document came from.
 */
import { describe, expect, it } from "vitest";
import { DocxDocument as Docx, type DocxDocument } from "../../src/docx/index";
import { checkPackage } from "../../src/docx/invariants/index";
import { DEFAULT_LIMITS, readZipEntries } from "../../src/docx/package/index";
import { DocumentCache } from "../../src/sessions/document-cache";
import { DocumentSessions, SessionError } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { docxWithImage, IMAGE_PART, noise } from "../docx/support/docx-with-media";

const TENANT = "tenant-m";
const PHOTO = noise(600_000, 11);
const FILE = docxWithImage(PHOTO, { paragraphs: Array.from({ length: 12 }, (_, i) => `Paragraph ${i}`) });
/** The file's last bytes, read to find its central directory. */
const TAIL = 22 + 0xffff + 76;

function setup() {
  const library = new MemoryLibraryStore();
  const store = new MemorySessionStore();
  const index = new MemorySessionIndex();
  const make = () => new DocumentSessions({ tenantId: TENANT, library, store, index, cache: new DocumentCache() });
  return { library, store, index, make, sessions: make() };
}

const setText = (path: string, text: string) => (doc: DocxDocument) => {
  doc.replaceParagraphText(path, text);
  return { result: null, description: `set ${path}` };
};
const imageOf = (bytes: Uint8Array) => readZipEntries(bytes, DEFAULT_LIMITS).find((e) => e.name === IMAGE_PART)!;
const originalImage = imageOf(FILE);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const textOf = (bytes: Uint8Array, i: number) => Docx.open(bytes).query(`/body/paragraph[${i}]`, { format: "text" }).text;

async function libraryFile(library: MemoryLibraryStore, name: string): Promise<Uint8Array> {
  return (await library.read(TENANT, name))!;
}

/** The saved file is sound, carries `text` at paragraph `i`, and its image entry is the original's compressed bytes. */
function expectSaved(bytes: Uint8Array, i: number, text: string) {
  expect(checkPackage(bytes)).toEqual([]);
  expect(textOf(bytes, i)).toBe(text);
  expect(same(imageOf(bytes).compressed, originalImage.compressed)).toBe(true);
}

/** Opens FILE and edits it with long paragraphs until the first checkpoint is written; returns the session id. */
async function openAndCheckpoint(library: MemoryLibraryStore, store: MemorySessionStore, sessions: DocumentSessions): Promise<string> {
  await library.write(TENANT, "report.docx", FILE);
  const { id } = await sessions.open("report.docx");
  const long = "x".repeat(12_000);
  for (let i = 0; i < 80 && !store.writes.some((w) => w.key.includes("/cp/")); i++)
    await sessions.history.edit(id, { tool: "t" }, setText(`/body/paragraph[${i % 12}]`, `${long} ${i}`));
  expect(store.writes.some((w) => w.key.includes("/cp/"))).toBe(true);
  return id;
}

describe("media in storage", () => {
  it("opens a library file by range reads and copies it to the baseline unchanged", async () => {
    const { library, store, sessions } = setup();
    await library.write(TENANT, "report.docx", FILE);
    await sessions.readDocx("report.docx");
    const parsing = library.bytesRead;
    const { id } = await sessions.open("report.docx");
    console.log(`open read ${parsing} of ${FILE.length} bytes to parse, then streamed the file to the baseline`);
    expect(parsing).toBeLessThan(TAIL + FILE.length - PHOTO.length);
    // The second open read as much to parse, plus the whole file once, streamed into the baseline.
    expect(library.bytesRead).toBe(2 * parsing + FILE.length);
    const baseline = (await store.openBaseline(TENANT, id, 0))!;
    expect(same(await baseline.read(0, baseline.size), FILE)).toBe(true);
  });

  it("saves an edit with the untouched image copied from the baseline, read once, never from the library", async () => {
    const { library, store, sessions } = setup();
    await library.write(TENANT, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[3]", "Edited"));
    const [libraryBefore, storeBefore] = [library.bytesRead, store.bytesRead];
    await sessions.save(id);
    expect(library.bytesRead).toBe(libraryBefore);
    // Every untouched entry, the image among them, is streamed once from the baseline; the edited part is not.
    expect(store.bytesRead - storeBefore).toBeGreaterThan(originalImage.compressedSize);
    expect(store.bytesRead - storeBefore).toBeLessThan(FILE.length);
    expectSaved(await libraryFile(library, "report.docx"), 3, "Edited");
  });

  it("keeps a warm document saving after its library file is replaced, and still refuses to overwrite that change", async () => {
    const { library, sessions } = setup();
    await library.write(TENANT, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    const other = docxWithImage(noise(1000, 3), { paragraphs: ["Someone else's"] });
    const replaced = await library.write(TENANT, "report.docx", other);
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[0]", "Mine"));
    const refused = await sessions.save(id).catch((e: SessionError) => e.failure);
    expect(refused).toMatchObject({ kind: "save_conflict" });
    expect((await library.head(TENANT, "report.docx"))?.etag).toBe(replaced.etag);
    await sessions.save(id, { outputName: "copy.docx" });
    expectSaved(await libraryFile(library, "copy.docx"), 0, "Mine");
  });

  it("rebuilds from a checkpoint in a cold isolate and saves with the image still copied", async () => {
    const { library, store, sessions, make } = setup();
    const id = await openAndCheckpoint(library, store, sessions);
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[11]", "After the checkpoint"));
    const cold = make();
    await cold.save(id);
    expectSaved(await libraryFile(library, "report.docx"), 11, "After the checkpoint");
  });

  it("saves after undoing below a checkpoint and editing again (the checkpoint the document came from is dropped)", async () => {
    const { library, store, sessions, make } = setup();
    const id = await openAndCheckpoint(library, store, sessions);
    const cold = make(); // built from the checkpoint
    expect(await cold.history.read(id, (doc) => doc.count("/body/paragraph"))).toBe(12);
    await cold.history.moveTo(id, (head) => head.position - 1);
    await cold.history.edit(id, { tool: "t" }, setText("/body/paragraph[5]", "New branch"));
    expect(store.writes.filter((w) => w.key.includes("/cp/")).length).toBe(1);
    await cold.save(id);
    expectSaved(await libraryFile(library, "report.docx"), 5, "New branch");
  });

  it("saves after a snapshot, reading the image from the new baseline", async () => {
    const { library, sessions } = setup();
    await library.write(TENANT, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[1]", "Before snapshot"));
    await sessions.history.snapshot(id, false);
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[2]", "After snapshot"));
    await sessions.save(id);
    const saved = await libraryFile(library, "report.docx");
    expectSaved(saved, 2, "After snapshot");
    expect(textOf(saved, 1)).toBe("Before snapshot");
  });

  it("brings in a changed image with sync_external_changes, and undo, redo and a cold replay restore each version", async () => {
    const { library, sessions, make } = setup();
    await library.write(TENANT, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    const photo2 = noise(400_000, 99);
    await library.write(TENANT, "report.docx", docxWithImage(photo2, { paragraphs: ["Theirs", ...Array(11).fill("Paragraph")] }));
    await sessions.external.sync(id);
    const imageAt = async (s: DocumentSessions) => {
      const bytes = await s.currentDocument(id);
      return Docx.open(bytes).model.pkg.readBytes(IMAGE_PART);
    };
    expect(same(await imageAt(sessions), photo2)).toBe(true);
    await sessions.history.moveTo(id, (h) => h.position - 1);
    expect(same(await imageAt(sessions), PHOTO)).toBe(true);
    // Another isolate replays the sync entry onto the baseline, reading the image it rewrites first.
    await make().history.moveTo(id, (h) => h.position + 1);
    const cold = make();
    expect(same(await imageAt(cold), photo2)).toBe(true);
    expect(checkPackage(await cold.currentDocument(id))).toEqual([]);
  });

  it("reads an unread image when an edit needs it, and undo puts back its original compressed bytes", async () => {
    const { library, sessions, make } = setup();
    await library.write(TENANT, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    // Removing the part journals its bytes, so the edit needs the image the open left in storage.
    await sessions.history.edit(id, { tool: "t" }, (doc) => {
      doc.model.parts.remove(IMAGE_PART);
      return { result: null, description: "remove the image part" };
    });
    const without = await sessions.currentDocument(id);
    expect(readZipEntries(without, DEFAULT_LIMITS).some((e) => e.name === IMAGE_PART)).toBe(false);
    await sessions.history.moveTo(id, (h) => h.position - 1);
    await sessions.save(id, { outputName: "undone.docx" });
    expectSaved(await libraryFile(library, "undone.docx"), 0, "Paragraph 0");
    // A cold isolate redoes the removal by replay, reading the image the entry names first.
    await make().history.moveTo(id, (h) => h.position + 1);
    const cold = await make().currentDocument(id);
    expect(readZipEntries(cold, DEFAULT_LIMITS).some((e) => e.name === IMAGE_PART)).toBe(false);
  });

  it("refuses a truncated library file at open with not_a_docx, starting no session and writing nothing", async () => {
    const { library, store, index, sessions } = setup();
    await library.write(TENANT, "cut.docx", FILE.subarray(0, FILE.length - 200));
    const failure = await sessions.open("cut.docx").catch((e: SessionError) => e.failure);
    expect(failure).toMatchObject({ kind: "not_a_docx", message: expect.stringMatching(/truncated|damaged/) });
    expect(store.objectCount).toBe(0);
    expect((await index.list({ offset: 0, limit: 10 })).total).toBe(0);
  });

  it("fails a save whose stored copy vanished, writing nothing", async () => {
    const { library, store, sessions } = setup();
    const written = await library.write(TENANT, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[0]", "Lost"));
    await store.deleteBaseline(TENANT, id, 0);
    const failure = await sessions.save(id).catch((e: SessionError) => e.failure);
    expect(failure).toMatchObject({ kind: "source_changed" });
    expect(await library.head(TENANT, "report.docx")).toEqual(written);
  });

  it("refuses reads of a library file once it was replaced (the source is pinned to the version opened)", async () => {
    const { library } = setup();
    await library.write(TENANT, "report.docx", FILE);
    const { source } = (await library.source(TENANT, "report.docx"))!;
    expect((await source.read(0, 2))[0]).toBe(0x50);
    await library.write(TENANT, "report.docx", FILE);
    await expect(source.read(0, 2)).rejects.toBeInstanceOf(SessionError);
    await expect(source.stream(0, 10)).rejects.toMatchObject({ failure: { kind: "source_changed" } });
  });
});
