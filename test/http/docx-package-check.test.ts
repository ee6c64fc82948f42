import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkPackageBytes, checkPackageTail } from "../../src/http/docx-package-check";
import { minimalDocx, plainZip } from "../support/docx-bytes";

describe("checkPackageBytes", () => {
  it("accepts a ZIP with [Content_Types].xml", () => {
    expect(checkPackageBytes(minimalDocx())).toEqual({ ok: true });
  });

  it("refuses bytes without the ZIP signature", () => {
    expect(checkPackageBytes(strToU8("%PDF-1.7"))).toMatchObject({ ok: false, reason: expect.stringContaining("PK") });
  });

  it("refuses a ZIP without [Content_Types].xml", () => {
    expect(checkPackageBytes(plainZip())).toMatchObject({ ok: false, reason: expect.stringContaining("[Content_Types].xml") });
  });

  it("refuses a truncated package", () => {
    const bytes = minimalDocx();
    expect(checkPackageBytes(bytes.subarray(0, bytes.length - 30))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("end-of-central-directory"),
    });
  });

  it("finds [Content_Types].xml among many entries", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 500; i++) files[`word/media/image${i}.png`] = strToU8(String(i));
    files["[Content_Types].xml"] = strToU8("<Types/>");
    expect(checkPackageBytes(zipSync(files))).toEqual({ ok: true });
  });
});

describe("checkPackageTail", () => {
  it("reads the central directory from only the end of a large file", () => {
    const bytes = zipSync(
      { "[Content_Types].xml": strToU8("<Types/>"), "big.bin": new Uint8Array(3_000_000).map((_, i) => (i * 7919) % 251) },
      { level: 0 },
    );
    expect(checkPackageTail(bytes.subarray(bytes.length - 4096), bytes.length)).toEqual({ ok: true });
  });
});
