/** One zip entry as stored: its compressed bytes are a view of the input so they can be copied verbatim. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** MS-DOS time and date fields, kept so rewritten archives keep their timestamps. */
  dosTime: number;
  dosDate: number;
  /** General purpose flags; bit 11 means the name is UTF-8. */
  flags: number;
  compressed: Uint8Array;
}

/** An entry to write: a large part deflated in batches keeps its compressed bytes as consecutive chunks. */
export interface ZipEntryToWrite extends Omit<ZipEntry, "compressed"> {
  compressed: Uint8Array | Uint8Array[];
}
