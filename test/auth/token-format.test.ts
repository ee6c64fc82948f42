import { describe, expect, it } from "vitest";
import {
  checkTokenFormat,
  crc32,
  hashAccessToken,
  mintAccessToken,
  TOKEN_LENGTH,
  tokenChecksum,
  tokenDisplayParts,
} from "../../src/auth/token-format";

describe("crc32", () => {
  it("matches the standard check value for '123456789'", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
  });
});

describe("mintAccessToken", () => {
  it("starts with dxe_ and has the fixed length", () => {
    const token = mintAccessToken();
    expect(token).toMatch(/^dxe_[0-9A-Za-z]+$/);
    expect(token).toHaveLength(TOKEN_LENGTH);
  });

  it("carries at least 160 bits of randomness", () => {
    const randomChars = TOKEN_LENGTH - "dxe_".length - 6;
    expect(randomChars * Math.log2(62)).toBeGreaterThanOrEqual(160);
  });

  it("passes its own format check", () => {
    for (let i = 0; i < 200; i++) expect(checkTokenFormat(mintAccessToken())).toEqual({ ok: true });
  });

  it("never repeats", () => {
    const seen = new Set(Array.from({ length: 1000 }, mintAccessToken));
    expect(seen.size).toBe(1000);
  });

  it("uses all of the base62 alphabet roughly evenly", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      for (const ch of mintAccessToken().slice(4, 36)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    // 16,000 draws over 62 symbols: about 258 each; a biased generator would stray far from that.
    for (const n of counts.values()) expect(n).toBeGreaterThan(150);
  });
});

describe("checkTokenFormat", () => {
  const token = mintAccessToken();

  it("rejects another prefix", () => {
    expect(checkTokenFormat("ghp_" + token.slice(4))).toEqual({ ok: false, reason: "wrong_prefix" });
  });

  it("rejects a truncated token", () => {
    expect(checkTokenFormat(token.slice(0, -1))).toEqual({ ok: false, reason: "wrong_length" });
  });

  it("rejects characters outside base62", () => {
    expect(checkTokenFormat(token.slice(0, 10) + "-" + token.slice(11))).toEqual({ ok: false, reason: "bad_characters" });
  });

  it("rejects a single-character typo through the checksum", () => {
    const flipped = token[10] === "a" ? "b" : "a";
    expect(checkTokenFormat(token.slice(0, 10) + flipped + token.slice(11))).toEqual({ ok: false, reason: "bad_checksum" });
  });

  it("rejects a wrong checksum", () => {
    const body = token.slice(0, -6);
    const wrong = tokenChecksum("x".repeat(32));
    expect(checkTokenFormat(body + wrong)).toEqual({ ok: false, reason: "bad_checksum" });
  });
});

describe("hashAccessToken", () => {
  it("is the hex SHA-256 of the token", async () => {
    expect(await hashAccessToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("tokenDisplayParts", () => {
  it("keeps the prefix with four characters and the last four", () => {
    const token = mintAccessToken();
    expect(tokenDisplayParts(token)).toEqual({ displayPrefix: token.slice(0, 8), lastFour: token.slice(-4) });
  });
});
