/**
 * The personal access token format: `dxe_` + 32 random base62 characters (~190 bits) + a 6-character
 * base62 CRC32 of the random part. The checksum lets us reject typos and junk without a database read.
 * Pure Web-standard code (crypto.getRandomValues, crypto.subtle) so Node scripts and Workers share it.
 */

export const TOKEN_PREFIX = "dxe_";
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32, so any CRC32 fits
export const TOKEN_LENGTH = TOKEN_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

export type TokenFormatFailure = "wrong_prefix" | "wrong_length" | "bad_characters" | "bad_checksum";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the zip/PNG polynomial) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase62(value: number, width: number): string {
  let out = "";
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, "0");
}

export function tokenChecksum(randomPart: string): string {
  return toBase62(crc32(randomPart), CHECKSUM_LENGTH);
}

/** Uniform base62 characters: bytes >= 248 are dropped so `% 62` has no bias. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/**
 * A fresh secret with the given 4-character prefix: `dxe_` for personal access tokens; the OAuth
 * server uses the same shape with its own prefixes, so the prefix alone tells the kinds apart.
 */
export function mintSecret(prefix: string): string {
  const randomPart = randomBase62(RANDOM_LENGTH);
  return prefix + randomPart + tokenChecksum(randomPart);
}

/** A fresh token. Shown to its owner once; only its hash is stored. */
export function mintAccessToken(): string {
  return mintSecret(TOKEN_PREFIX);
}

/** Checks shape and checksum only; says nothing about whether the token exists. */
export function checkTokenFormat(token: string, prefix: string = TOKEN_PREFIX): { ok: true } | { ok: false; reason: TokenFormatFailure } {
  if (!token.startsWith(prefix)) return { ok: false, reason: "wrong_prefix" };
  if (token.length !== TOKEN_LENGTH) return { ok: false, reason: "wrong_length" };
  if (!TOKEN_SHAPE.test(TOKEN_PREFIX + token.slice(prefix.length))) return { ok: false, reason: "bad_characters" };
  const randomPart = token.slice(prefix.length, prefix.length + RANDOM_LENGTH);
  if (token.slice(-CHECKSUM_LENGTH) !== tokenChecksum(randomPart)) return { ok: false, reason: "bad_checksum" };
  return { ok: true };
}

/** Lowercase hex SHA-256 of the whole token: the only form the database keeps. */
export async function hashAccessToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** What a token list shows so people can tell tokens apart: `dxe_` + 4 characters, and the last 4. */
export function tokenDisplayParts(token: string): { displayPrefix: string; lastFour: string } {
  return { displayPrefix: token.slice(0, TOKEN_PREFIX.length + 4), lastFour: token.slice(-4) };
}
