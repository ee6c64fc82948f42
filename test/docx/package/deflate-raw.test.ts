import { inflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { concat } from "../../../src/docx/package/concat";
import { deflateRaw, inflateRaw, levelFor, RawDeflater } from "../../../src/docx/package/deflate-raw";

const text = (n: number, seed = 1) => {
  let x = seed;
  const words = ["lorem", "ipsum", "<w:p>", "<w:r><w:t>", "docx", "edge", "</w:t></w:r>", "paragraph"];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(words[x % words.length]);
  }
  return new TextEncoder().encode(out.join(" "));
};

describe("RawDeflater", () => {
  it("turns small chunks, chunks across batch boundaries and chunks larger than a batch into one valid deflate stream", () => {
    const parts = [text(10), text(300_000, 2), new Uint8Array(0), text(5, 3), text(600_000, 4), text(50_000, 5)];
    const deflater = new RawDeflater();
    for (const p of parts) deflater.push(p);
    const compressed = concat(deflater.finish());
    const expected = concat(parts);
    // Inflated by an independent implementation (fflate), not the zlib that wrote it.
    expect(inflateSync(compressed)).toEqual(expected);
    // Batching restarts the dictionary now and then; the stream stays within a few percent of one-shot deflate.
    expect(compressed.length).toBeLessThan(deflateRaw(expected).length * 1.05);
  });

  it("compresses a large part at the faster level into a valid stream, larger than the default level gives", () => {
    expect([levelFor(1000), levelFor(4 << 20)]).toEqual([6, 3]);
    const data = text(900_000, 6);
    const deflater = new RawDeflater(levelFor(4 << 20));
    deflater.push(data);
    const fast = concat(deflater.finish());
    expect(inflateSync(fast)).toEqual(data);
    expect(fast.length).toBeGreaterThan(deflateRaw(data, 6).length);
  });

  it("writes a valid empty stream when nothing was pushed", () => {
    expect(inflateSync(new RawDeflater().finish()[0])).toEqual(new Uint8Array(0));
  });
});

describe("inflateRaw", () => {
  it("inflates up to the cap and reports data that goes past it or is not deflate", () => {
    const data = text(20_000);
    expect(inflateRaw(deflateRaw(data), data.length)).toEqual(data);
    expect(inflateRaw(deflateRaw(data), data.length - 1)).toMatchObject({ failure: "too_large" });
    expect(inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toMatchObject({ failure: "corrupt" });
    expect(inflateRaw(deflateRaw(new Uint8Array(0)), 0)).toEqual(new Uint8Array(0));
  });
});
