/**
 * The R2 adapters inside workerd: range reads pinned to an object's ETag, baselines copied by streaming, and a save
 * streamed with its length known up front (FixedLengthStream) whose untouched image is copied from the baseline.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DocxDocument as Docx, type DocxDocument } from "../../src/docx/index";
import { checkPackage } from "../../src/docx/invariants/index";
import { DEFAULT_LIMITS, readZipEntries } from "../../src/docx/package/index";
import { DocumentCache, DocumentSessions } from "../../src/sessions/index";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { R2LibraryStore } from "../../src/storage/r2/library-store";
import { R2SessionStore } from "../../src/storage/r2/session-store";
import { storedBytesContract } from "../contract/stored-bytes.contract";
import { docxWithImage, IMAGE_PART, noise } from "../docx/support/docx-with-media";

const PHOTO = noise(2 * 1024 * 1024, 5);
const FILE = docxWithImage(PHOTO, { paragraphs: ["Alpha", "Beta", "Gamma"] });
const imageOf = (bytes: Uint8Array) => readZipEntries(bytes, DEFAULT_LIMITS).find((e) => e.name === IMAGE_PART)!;
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const setText = (path: string, text: string) => (doc: DocxDocument) => {
  doc.replaceParagraphText(path, text);
  return { result: null, description: `set ${path}` };
};

function sessionsFor(tenantId: string) {
  const library = new R2LibraryStore(env.DOCS);
  const store = new R2SessionStore(env.DOCS);
  return {
    library,
    store,
    sessions: new DocumentSessions({ tenantId, library, store, index: new MemorySessionIndex(), cache: new DocumentCache() }),
  };
}

storedBytesContract("R2", () => ({ library: new R2LibraryStore(env.DOCS), store: new R2SessionStore(env.DOCS), tenantId: "r2-contract" }));

describe("R2 range reads", () => {
  it("opens, edits and saves back by compare-and-swap, the image copied byte for byte from the streamed baseline", async () => {
    const tenant = "r2-round-trip";
    const { library, store, sessions } = sessionsFor(tenant);
    await library.write(tenant, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    const baseline = (await store.openBaseline(tenant, id, 0))!;
    expect(same(await baseline.read(0, baseline.size), FILE)).toBe(true);
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[1]", "Edited in workerd"));
    const { file } = await sessions.save(id);
    const saved = (await library.read(tenant, "report.docx"))!;
    expect(file.size).toBe(saved.length);
    expect(checkPackage(saved)).toEqual([]);
    expect(Docx.open(saved).query("/body/paragraph[1]", { format: "text" }).text).toBe("Edited in workerd");
    expect(same(imageOf(saved).compressed, imageOf(FILE).compressed)).toBe(true);

    // Someone else writes the file: the next save back is refused and leaves their version alone.
    const theirs = await library.write(tenant, "report.docx", docxWithImage(noise(100, 1), { paragraphs: ["Theirs"] }));
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[2]", "Mine"));
    await expect(sessions.save(id)).rejects.toMatchObject({ failure: { kind: "save_conflict" } });
    expect((await library.head(tenant, "report.docx"))!.etag).toBe(theirs.etag);

    // A snapshot streams a new baseline; saving after it copies the image from there.
    await sessions.history.snapshot(id, false);
    await sessions.save(id, { outputName: "after-snapshot.docx" });
    const afterSnapshot = (await library.read(tenant, "after-snapshot.docx"))!;
    expect(Docx.open(afterSnapshot).query("/body/paragraph[2]", { format: "text" }).text).toBe("Mine");
    expect(same(imageOf(afterSnapshot).compressed, imageOf(FILE).compressed)).toBe(true);
  });

  it("fails a save streamed from a baseline deleted under it, leaving the library file as it was", async () => {
    const tenant = "r2-vanished";
    const { library, store, sessions } = sessionsFor(tenant);
    const written = await library.write(tenant, "report.docx", FILE);
    const { id } = await sessions.open("report.docx");
    await sessions.history.edit(id, { tool: "t" }, setText("/body/paragraph[0]", "Lost"));
    await store.deleteBaseline(tenant, id, 0);
    await expect(sessions.save(id)).rejects.toMatchObject({ failure: { kind: "source_changed" } });
    expect((await library.head(tenant, "report.docx"))!.etag).toBe(written.etag);
    expect(same((await library.read(tenant, "report.docx"))!, FILE)).toBe(true);
  });
});
