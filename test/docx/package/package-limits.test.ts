import { describe, expect, it } from "vitest";
import { checkDocxLimits, DEFAULT_LIMITS, DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { prose, withDeclaredSizes } from "../support/large-docx.js";
import { rawZip, toZip64 } from "../support/raw-zip.js";
import { timed } from "../support/timed.js";

const MB = 1024 * 1024;

describe("package limits sized to an isolate", () => {
  it("reports what a normal document will hold", () => {
    const footprint = checkDocxLimits(buildDocx({ body: p("Hello") + p("World") }));
    expect(footprint).toMatchObject({ mainPart: "word/document.xml", entries: 5 });
    expect(footprint.mainPartBytes).toBeGreaterThan(100);
    expect(footprint.parsedPartsBytes).toBeGreaterThan(footprint.mainPartBytes);
    expect(footprint.totalBytes).toBe(footprint.mainPartBytes + footprint.parsedPartsBytes);
  });

  it("refuses a main part larger than the isolate can hold, giving both sizes", () => {
    const docx = buildDocx({ body: prose(DEFAULT_LIMITS.maxMainPartBytes + MB) });
    expect(docx.length).toBeLessThan(20 * MB); // an ordinary upload, far under 100 MB
    const f = timed("open of a 33 MB main part", () => docxFailure(() => DocxDocument.open(docx)));
    expect(f).toMatchObject({ kind: "document_too_large", part: "word/document.xml", limit: DEFAULT_LIMITS.maxMainPartBytes });
    expect(f.message).toMatch(/is 33\.\d MB uncompressed; at most 32\.0 MB can be opened/);
    expect(docxFailure(() => checkDocxLimits(docx))).toMatchObject({ kind: "document_too_large" });
  });

  it("refuses a package under the ratio limit that expands past the main part limit (262 MB of XML)", () => {
    // Like the measured 1.87 MB document at 142:1: every entry is within the ratio limit, the whole is not openable.
    const docx = buildDocx({ body: prose(4 * MB) });
    const declared = 262 * MB;
    // Every entry but the main part is tiny, so the package size is about the main part's compressed size.
    expect(declared / (docx.length - 4096)).toBeLessThan(DEFAULT_LIMITS.maxCompressionRatio);
    const bomb = withDeclaredSizes(docx, { "word/document.xml": declared });
    const f = timed("open of a 262 MB-declared main part", () => docxFailure(() => DocxDocument.open(bomb)));
    // Past the largest entry anything may have (the upload limit), so refused while reading the central directory.
    expect(f).toMatchObject({ kind: "zip_bomb", entry: "word/document.xml", actual: declared, limit: DEFAULT_LIMITS.maxEntryBytes });
    // Under that, but still more than an isolate can hold open.
    const large = withDeclaredSizes(docx, { "word/document.xml": 60 * MB });
    const g = timed("open of a 60 MB-declared main part", () => docxFailure(() => DocxDocument.open(large)));
    expect(g).toMatchObject({ kind: "document_too_large", actual: 60 * MB, limit: DEFAULT_LIMITS.maxMainPartBytes });
    expect(g.message).toContain("60.0 MB uncompressed");
  });

  it("refuses other XML parts that would not fit once parsed", () => {
    const docx = buildDocx({ body: p("Hi"), comments: [{ author: "A", body: prose(DEFAULT_LIMITS.maxParsedPartsBytes + MB) }] });
    const f = timed("open with 9 MB of comments", () => docxFailure(() => DocxDocument.open(docx)));
    expect(f).toMatchObject({ kind: "document_too_large", limit: DEFAULT_LIMITS.maxParsedPartsBytes });
    expect(f.message).toMatch(/come to 9\.\d MB uncompressed; at most 8\.0 MB can be opened/);
  });

  it("refuses 100,000 entries from the central directory without reading them", () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ name: `x/${i}.bin`, data: new Uint8Array(0), stored: true }));
    const zip = toZip64(rawZip(entries));
    // The 16-bit counts of the classic end record wrapped; the ZIP64 record carries the real one.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const z64 = zip.length - 22 - 20 - 56;
    expect(view.getUint32(z64, true)).toBe(0x06064b50);
    view.setBigUint64(z64 + 24, 100_000n, true);
    view.setBigUint64(z64 + 32, 100_000n, true);
    const f = timed("open of 100,000 entries", () => docxFailure(() => DocxDocument.open(zip)));
    expect(f).toMatchObject({ kind: "zip_bomb", actual: 100_000, limit: DEFAULT_LIMITS.maxEntries });
    expect(f.message).toContain("100000 entries; at most 10000");
  });
});
