/** Writes zip bytes by hand, including forms our writer never produces (data descriptors, lying sizes), to test the reader. */
import { deflateSync } from "fflate";
import { crc32 } from "../../../src/docx/package/index.js";

export interface RawEntry {
  name: string;
  data: Uint8Array;
  stored?: boolean;
  /** Sizes and CRC after the data (general purpose flag bit 3) with zeros in the local header. */
  dataDescriptor?: boolean;
  /** Overrides of what the central directory declares. */
  declaredSize?: number;
  declaredCrc?: number;
}

export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const e of entries) {
    const name = enc.encode(e.name);
    const body = e.stored ? e.data : deflateSync(e.data);
    const crc = e.declaredCrc ?? crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = e.dataDescriptor ? 8 : 0;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, e.stored ? 0 : 8, true);
    if (!e.dataDescriptor) {
      local.setUint32(14, crc, true);
      local.setUint32(18, body.length, true);
      local.setUint32(22, size, true);
    }
    local.setUint16(26, name.length, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, flags, true);
    cd.setUint16(10, e.stored ? 0 : 8, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, body.length, true);
    cd.setUint32(24, size, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    const parts = [new Uint8Array(local.buffer), name, body];
    if (e.dataDescriptor) {
      const dd = new DataView(new ArrayBuffer(16));
      dd.setUint32(0, 0x08074b50, true);
      dd.setUint32(4, crc, true);
      dd.setUint32(8, body.length, true);
      dd.setUint32(12, size, true);
      parts.push(new Uint8Array(dd.buffer));
    }
    for (const part of parts) {
      chunks.push(part);
      offset += part.length;
    }
    central.push(new Uint8Array(cd.buffer), name);
  }
  const cdStart = offset;
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, cdStart, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** Rewrites a zip's end record in ZIP64 form (APPNOTE 4.3.14-4.3.15): 0xFFFF/0xFFFFFFFF markers plus the 64-bit records. */
export function toZip64(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const out = new Uint8Array(eocd + 56 + 20 + 22);
  out.set(zip.subarray(0, eocd));
  const v = new DataView(out.buffer);
  let p = eocd;
  v.setUint32(p, 0x06064b50, true);
  v.setBigUint64(p + 4, 44n, true);
  v.setUint16(p + 12, 45, true);
  v.setUint16(p + 14, 45, true);
  v.setBigUint64(p + 24, BigInt(count), true);
  v.setBigUint64(p + 32, BigInt(count), true);
  v.setBigUint64(p + 40, BigInt(cdSize), true);
  v.setBigUint64(p + 48, BigInt(cdOffset), true);
  p += 56;
  v.setUint32(p, 0x07064b50, true);
  v.setBigUint64(p + 8, BigInt(eocd), true);
  v.setUint32(p + 16, 1, true);
  p += 20;
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, 0xffff, true);
  v.setUint16(p + 10, 0xffff, true);
  v.setUint32(p + 12, 0xffffffff, true);
  v.setUint32(p + 16, 0xffffffff, true);
  return out;
}

/**
 * Rewrites every central directory record in ZIP64 form (APPNOTE 4.5.3): sizes and local header offset set to
 * 0xFFFFFFFF, the real values in a ZIP64 extended information field. Local headers stay as they were.
 */
export function withZip64Records(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const records: Uint8Array[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const record = new Uint8Array(46 + nameLen + 28);
    record.set(zip.subarray(p, p + 46 + nameLen));
    const r = new DataView(record.buffer);
    const [compressed, uncompressed, offset] = [view.getUint32(p + 20, true), view.getUint32(p + 24, true), view.getUint32(p + 42, true)];
    r.setUint32(20, 0xffffffff, true);
    r.setUint32(24, 0xffffffff, true);
    r.setUint32(42, 0xffffffff, true);
    r.setUint16(30, 28, true);
    r.setUint16(32, 0, true);
    const e = 46 + nameLen;
    r.setUint16(e, 1, true);
    r.setUint16(e + 2, 24, true);
    r.setBigUint64(e + 4, BigInt(uncompressed), true);
    r.setBigUint64(e + 12, BigInt(compressed), true);
    r.setBigUint64(e + 20, BigInt(offset), true);
    records.push(record);
    p += 46 + nameLen + extraLen + commentLen;
  }
  const cdSize = records.reduce((n, r) => n + r.length, 0);
  const out = new Uint8Array(cdOffset + cdSize + 22);
  out.set(zip.subarray(0, cdOffset));
  let q = cdOffset;
  for (const r of records) {
    out.set(r, q);
    q += r.length;
  }
  out.set(zip.subarray(eocd, eocd + 22), q);
  new DataView(out.buffer).setUint32(q + 12, cdSize, true);
  return out;
}
