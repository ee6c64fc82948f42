import { describe, expect, it } from "vitest";
import type { UploadStaging } from "../../src/sessions/ports";

const bytesOf = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** How every upload staging store keeps, reads, deletes and sweeps staged uploads: run against R2 and memory. */
export function uploadStagingContract(name: string, make: () => { staging: UploadStaging; tenantId: string }) {
  describe(`upload staging: ${name}`, () => {
    it("stores a streamed body under a new id and reads it by ranges until it is removed", async () => {
      const { staging, tenantId } = make();
      const bytes = bytesOf(200_000, 1);
      const id = await staging.put(tenantId, { stream: new Response(bytes).body!, length: bytes.length });
      const other = await staging.put(tenantId, bytes);
      expect(other).not.toBe(id);
      const source = (await staging.source(tenantId, id))!;
      expect(source.size).toBe(bytes.length);
      expect(same(await source.read(150_000, 50_000), bytes.subarray(150_000))).toBe(true);
      await staging.remove(tenantId, id);
      expect(await staging.source(tenantId, id)).toBeNull();
      await expect(source.read(0, 10)).rejects.toMatchObject({ failure: { kind: "source_changed" } });
      expect(await staging.source(tenantId, other)).not.toBeNull();
    });

    it("stores nothing from a body that ends short of its length", async () => {
      const { staging, tenantId } = make();
      const short = { stream: new Response(bytesOf(1000, 2)).body!, length: 2000 };
      await expect(staging.put(tenantId, short)).rejects.toThrow();
      expect(await staging.sweep(tenantId, new Date(Date.now() + 60_000))).toBe(0);
    });

    it("sweeps only the objects written before the given time", async () => {
      const { staging, tenantId } = make();
      const id = await staging.put(tenantId, bytesOf(10, 3));
      expect(await staging.sweep(tenantId, new Date(Date.now() - 60_000))).toBe(0);
      expect(await staging.source(tenantId, id)).not.toBeNull();
      expect(await staging.sweep(tenantId, new Date(Date.now() + 60_000))).toBe(1);
      expect(await staging.source(tenantId, id)).toBeNull();
    });
  });
}
