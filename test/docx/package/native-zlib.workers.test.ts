import { expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index";
import { concat } from "../../../src/docx/package/concat";
import { deflateRaw, inflateRaw, RawDeflater } from "../../../src/docx/package/deflate-raw";
import { buildDocx } from "../support/build-docx";
import { prose } from "../support/large-docx";

// workerd's node:zlib differs from Node's in how it applies maxOutputLength, so the same checks run here.
it("inflates at exactly the declared size in workerd, and refuses one byte less", () => {
  for (const size of [0, 1, 70_000, (1 << 20) + 7, (5 << 20) + 3]) {
    const data = new Uint8Array(size).map((_, i) => (i * 7 + (i >> 5)) & 255);
    const compressed = deflateRaw(data);
    expect(inflateRaw(compressed, size)).toEqual(data);
    if (size > 0) expect(inflateRaw(compressed, size - 1)).toMatchObject({ failure: "too_large" });
    const deflater = new RawDeflater();
    for (let i = 0; i < size; i += 300_000) deflater.push(data.subarray(i, i + 300_000));
    expect(inflateRaw(concat(deflater.finish()), size)).toEqual(data);
  }
});

it("opens, edits and saves a document with an 8 MB main part in workerd", () => {
  const bytes = buildDocx({ body: prose(8 * 1024 * 1024) });
  const started = performance.now();
  const doc = DocxDocument.open(bytes);
  doc.replaceParagraphText("/body/paragraph[3]", "Changed in workerd");
  const saved = doc.save();
  console.log(`open + edit + save of ${bytes.length} bytes in workerd: ${(performance.now() - started).toFixed(0)} ms`);
  expect(DocxDocument.open(saved).query("/body/paragraph[3]").items?.[0]?.text).toBe("Changed in workerd");
});
