import { describe, expect, it } from "vitest";
import type { BlobBody, LibraryStore, SessionManifest, SessionStore } from "../../src/sessions/ports";

/** Bytes that differ from position to position, so a misplaced range shows. */
const bytesOf = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
const streamed = (bytes: Uint8Array, declared = bytes.length): BlobBody => ({ stream: new Response(bytes).body!, length: declared });
const drained = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * How every store hands out stored bytes by ranges and takes streamed bodies of known length: run against R2 (inside
 * workerd) and the memory stores, so tests over memory stand for what R2 does.
 */
export function storedBytesContract(name: string, make: () => { library: LibraryStore; store: SessionStore; tenantId: string }) {
  const manifest = (sessionId: string, tenantId: string): SessionManifest => ({
    version: 1,
    sessionId,
    tenantId,
    createdAt: "2026-01-01T00:00:00.000Z",
    sourceName: null,
    baselineGeneration: 0,
    baselineSize: 300_000,
  });

  describe(`stored bytes: ${name}`, () => {
    it("reads ranges and streams of a library file's version, refusing once it is replaced or removed", async () => {
      const { library, tenantId } = make();
      const v1 = bytesOf(300_000, 1);
      expect(await library.source(tenantId, "missing.docx")).toBeNull();
      await library.write(tenantId, "f.docx", streamed(v1));
      const { source, info } = (await library.source(tenantId, "f.docx"))!;
      expect([source.size, info.size]).toEqual([v1.length, v1.length]);
      expect(same(await source.read(70_000, 1234), v1.subarray(70_000, 71_234))).toBe(true);
      expect(same(await drained(await source.stream(5, 250_000)), v1.subarray(5, 250_005))).toBe(true);
      await library.write(tenantId, "f.docx", bytesOf(300_000, 2));
      await expect(source.read(0, 10)).rejects.toMatchObject({ failure: { kind: "source_changed" } });
      const { source: second } = (await library.source(tenantId, "f.docx"))!;
      await library.remove(tenantId, "f.docx");
      await expect(second.stream(0, 10)).rejects.toMatchObject({ failure: { kind: "source_changed" } });
    });

    it("stores streamed baselines and objects byte for byte, objects create-only, and reads them by ranges", async () => {
      const { store, tenantId } = make();
      const id = `bytes-${Math.random().toString(36).slice(2)}`;
      const baseline = bytesOf(300_000, 3);
      await store.create(tenantId, manifest(id, tenantId), streamed(baseline));
      const opened = (await store.openBaseline(tenantId, id, 0))!;
      expect(same(await opened.read(0, opened.size), baseline)).toBe(true);
      const next = bytesOf(200_000, 4);
      await store.writeBaseline(tenantId, id, 1, streamed(next));
      expect(same(await drained(await (await store.openBaseline(tenantId, id, 1))!.stream(0, next.length)), next)).toBe(true);
      const checkpoint = bytesOf(100_000, 5);
      expect(await store.putObject(tenantId, id, "cp/1.docx", streamed(checkpoint))).toBe(true);
      expect(await store.putObject(tenantId, id, "cp/1.docx", streamed(bytesOf(10, 6)))).toBe(false);
      const cp = (await store.openObject(tenantId, id, "cp/1.docx"))!;
      expect(same(await cp.read(99_990, 10), checkpoint.subarray(99_990))).toBe(true);
      expect(await store.openObject(tenantId, id, "cp/none.docx")).toBeNull();
      await store.deleteBaseline(tenantId, id, 0);
      expect(await store.openBaseline(tenantId, id, 0)).toBeNull();
      await expect(opened.read(0, 10)).rejects.toMatchObject({ failure: { kind: "source_changed" } });
      await store.destroy(tenantId, id);
    });

    it("stores nothing from a stream that ends short of its declared length", async () => {
      const { store, library, tenantId } = make();
      const id = `short-${Math.random().toString(36).slice(2)}`;
      await store.create(tenantId, manifest(id, tenantId), bytesOf(10, 7));
      await expect(store.putObject(tenantId, id, "cp/short.docx", streamed(bytesOf(1000, 8), 2000))).rejects.toThrow();
      expect(await store.openObject(tenantId, id, "cp/short.docx")).toBeNull();
      await expect(library.write(tenantId, "short.docx", streamed(bytesOf(1000, 9), 2000))).rejects.toThrow();
      expect(await library.head(tenantId, "short.docx")).toBeNull();
      await store.destroy(tenantId, id);
    });
  });
}
