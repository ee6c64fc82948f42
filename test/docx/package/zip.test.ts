import { strToU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { DocxPackage, readZipEntries } from "../../../src/docx/package/index.js";
import { DEFAULT_LIMITS } from "../../../src/docx/package/limits.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { rawZip, toZip64 } from "../support/raw-zip.js";

const within = (ms: number, run: () => unknown) => {
  const started = Date.now();
  const f = docxFailure(run);
  expect(Date.now() - started).toBeLessThan(ms);
  return f;
};

describe("zip reader guards", () => {
  it("refuses a zip bomb by its compression ratio before inflating", () => {
    const bomb = rawZip([{ name: "word/document.xml", data: new Uint8Array(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const f = within(1000, () => DocxDocument.open(bomb));
    expect(f).toMatchObject({ kind: "zip_bomb", entry: "word/document.xml" });
    expect(f.message).toMatch(/compression ratio of \d+:1/);
  });

  it("stops inflating an entry that produces more than its declared size", () => {
    // Incompressible content keeps the compressed entry large.
    let x = 2463534242;
    const noise = new Uint8Array(2_000_000).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 255;
    });
    const liar = rawZip([{ name: "a.xml", data: noise, declaredSize: 1000 }]);
    const pkg = DocxPackage.open(liar);
    const f = within(1000, () => pkg.readBytes("a.xml"));
    expect(f).toMatchObject({ kind: "zip_bomb", message: expect.stringContaining("more than its declared 1000 bytes") });
    // A highly compressible entry that lies is stopped at its declared size the same way.
    const smallLiar = rawZip([{ name: "b.xml", data: new Uint8Array(2_000_000).fill(65), declaredSize: 1000 }]);
    expect(within(1000, () => DocxPackage.open(smallLiar).readBytes("b.xml"))).toMatchObject({
      kind: "zip_bomb",
      message: expect.stringContaining("more than its declared 1000 bytes"),
    });
  });

  it("refuses packages with too many entries or too large an entry", () => {
    const many = rawZip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.xml`, data: strToU8("<a/>") })));
    expect(docxFailure(() => DocxPackage.open(many, { maxEntries: 10 }))).toMatchObject({ kind: "zip_bomb", limit: 10, actual: 20 });
    const big = rawZip([{ name: "a.bin", data: new Uint8Array(5000), stored: true }]);
    expect(docxFailure(() => DocxPackage.open(big, { maxEntryBytes: 4096 }))).toMatchObject({
      kind: "zip_bomb",
      limit: 4096,
      actual: 5000,
    });
  });

  it("refuses entry names that escape the package (zip slip)", () => {
    for (const name of ["../evil.xml", "word/../../evil.xml", "/etc/passwd", "C:\\evil.xml", "word\\..\\..\\x"]) {
      const zip = rawZip([{ name, data: strToU8("<a/>") }]);
      expect(docxFailure(() => DocxPackage.open(zip))).toMatchObject({ kind: "unsafe_entry_name", entry: name });
    }
  });

  it("reports a truncated zip, a non-zip and a CRC mismatch clearly", () => {
    const whole = buildDocx({ body: p("Hello") });
    expect(within(1000, () => DocxDocument.open(whole.subarray(0, whole.length - 40)))).toMatchObject({
      kind: "corrupt_zip",
      message: expect.stringMatching(/truncated|damaged/),
    });
    expect(within(1000, () => DocxDocument.open(whole.subarray(0, Math.floor(whole.length / 2)))).kind).toBe("corrupt_zip");
    expect(docxFailure(() => DocxDocument.open(strToU8("just text, not a zip at all")))).toMatchObject({ kind: "not_a_zip" });
    const badCrc = rawZip([{ name: "a.xml", data: strToU8("<a/>"), declaredCrc: 12345 }]);
    expect(docxFailure(() => DocxPackage.open(badCrc).readBytes("a.xml"))).toMatchObject({
      kind: "corrupt_zip",
      message: expect.stringContaining("CRC"),
    });
  });

  it("reads stored entries and entries with data descriptors", () => {
    const zip = rawZip([
      { name: "stored.xml", data: strToU8("<s/>"), stored: true },
      { name: "described.xml", data: strToU8("<d>text</d>"), dataDescriptor: true },
    ]);
    const pkg = DocxPackage.open(zip);
    expect(new TextDecoder().decode(pkg.readBytes("stored.xml"))).toBe("<s/>");
    expect(new TextDecoder().decode(pkg.readBytes("described.xml"))).toBe("<d>text</d>");
    // Part names compare case-insensitively (OPC).
    expect(pkg.has("/STORED.xml")).toBe(true);
  });

  it("reads a zip whose end record is in ZIP64 form", () => {
    const parts = unzipSync(buildDocx({ body: p("Sixty-four") }));
    const zip = toZip64(rawZip(Object.entries(parts).map(([name, data]) => ({ name, data }))));
    expect(DocxDocument.open(zip).query("/body/paragraph[0]", { format: "text" }).text).toBe("Sixty-four");
  });

  it("refuses a document whose XML declares entities (XXE)", () => {
    const xxe = buildDocx({ body: p("x") });
    const parts = unzipSync(xxe);
    parts["word/document.xml"] = strToU8(
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>',
    );
    const zip = rawZip(Object.entries(parts).map(([name, data]) => ({ name, data })));
    expect(within(1000, () => DocxDocument.open(zip))).toMatchObject({ kind: "xml_forbidden" });
  });

  it("refuses a document.xml whose tags do not nest, naming both tags", () => {
    const parts = unzipSync(buildDocx({ body: p("x") }));
    parts["word/document.xml"] = strToU8('<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>x</w:t></w:p></w:r></w:body></w:document>');
    const zip = rawZip(Object.entries(parts).map(([name, data]) => ({ name, data })));
    expect(docxFailure(() => DocxDocument.open(zip))).toMatchObject({
      kind: "xml_malformed",
      part: "word/document.xml",
      message: expect.stringContaining("</w:p> does not match <w:r>"),
    });
  });

  it("refuses a document.xml nested 10,000 deep within a second", () => {
    const parts = unzipSync(buildDocx({ body: p("x") }));
    const deep = "<w:sdt>".repeat(10_000) + "</w:sdt>".repeat(10_000);
    parts["word/document.xml"] = strToU8(`<w:document xmlns:w="urn:w"><w:body>${deep}</w:body></w:document>`);
    const zip = rawZip(Object.entries(parts).map(([name, data]) => ({ name, data })));
    expect(within(1000, () => DocxDocument.open(zip))).toMatchObject({ kind: "xml_too_deep", limit: DEFAULT_LIMITS.maxXmlDepth });
  });
});

describe("DocxPackage.save", () => {
  it("gives the same bytes as chunks, with untouched entries as views of the input", () => {
    const input = buildDocx({ body: p("One") + p("Two") });
    const doc = DocxDocument.open(input);
    doc.replaceParagraphText("/body/paragraph[0]", "Uno");
    const chunks = doc.saveChunks();
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      joined.set(c, at);
      at += c.length;
    }
    expect(Buffer.from(joined).equals(Buffer.from(doc.save()))).toBe(true);
    expect(chunks.some((c) => c.buffer === input.buffer)).toBe(true);
  });

  it("copies untouched entries as their original compressed bytes", () => {
    const input = buildDocx({ body: p("One") + p("Two"), footnotes: ["<w:p><w:r><w:t>note</w:t></w:r></w:p>"] });
    const doc = DocxDocument.open(input);
    doc.replaceParagraphText("/body/paragraph[1]", "Changed");
    const before = new Map(readZipEntries(input, DEFAULT_LIMITS).map((e) => [e.name, e.compressed]));
    const after = readZipEntries(doc.save(), DEFAULT_LIMITS);
    expect(after.map((e) => e.name).sort()).toEqual([...before.keys()].sort());
    for (const e of after) {
      if (e.name === "word/document.xml") expect(Buffer.from(e.compressed).equals(Buffer.from(before.get(e.name)!))).toBe(false);
      else expect(Buffer.from(e.compressed).equals(Buffer.from(before.get(e.name)!)), e.name).toBe(true);
    }
  });
});
