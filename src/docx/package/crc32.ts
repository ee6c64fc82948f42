/** CRC-32 (IEEE 802.3), as stored in zip headers (APPNOTE 4.4.7), computed by the runtime's native zlib. */
import { crc32 as nativeCrc32 } from "node:zlib";

/** CRC of `data`, continuing from `previous` (the CRC of the bytes before it) when given. */
export function crc32(data: Uint8Array, previous = 0): number {
  return nativeCrc32(data, previous) >>> 0;
}
