import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkPackageBytes, checkPackageTail, packageCheckingStream } from "../../src/http/docx-package-check";
import { minimalDocx, plainZip } from "../support/docx-bytes";

async function throughGuard(bytes: Uint8Array, chunkSize: number) {
  const guard = packageCheckingStream();
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.subarray(i, i + chunkSize));
      controller.close();
    },
  });
  const out: number[] = [];
  try {
    for await (const chunk of source.pipeThrough(guard.stream)) out.push(...chunk);
    return { ok: true, bytes: Uint8Array.from(out), failure: guard.failure() };
  } catch {
    return { ok: false, bytes: Uint8Array.from(out), failure: guard.failure() };
  }
}

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

describe("packageCheckingStream", () => {
  it("passes a package through unchanged, whatever the chunk size", async () => {
    const bytes = minimalDocx();
    for (const size of [1, 3, 64, bytes.length]) {
      const result = await throughGuard(bytes, size);
      expect(result).toEqual({ ok: true, bytes, failure: undefined });
    }
  });

  it("errors on a ZIP without [Content_Types].xml and never emits its last chunk", async () => {
    const bytes = plainZip();
    const result = await throughGuard(bytes, 16);
    expect(result.ok).toBe(false);
    expect(result.failure).toContain("[Content_Types].xml");
    expect(result.bytes.length).toBeLessThan(bytes.length);
  });

  it("errors on a non-ZIP at the first bytes", async () => {
    const result = await throughGuard(strToU8("plain text, no zip here"), 2);
    expect(result.ok).toBe(false);
    expect(result.bytes.length).toBe(0);
  });
});
