/** One zip entry as its central directory record declares it (APPNOTE.TXT 4.3.12). */
export interface CentralEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** MS-DOS time and date fields, kept so rewritten archives keep their timestamps. */
  dosTime: number;
  dosDate: number;
  /** General purpose flags; bit 3 means sizes follow the data, bit 11 means the name is UTF-8. */
  flags: number;
  /** Where its local header starts in the file. */
  localOffset: number;
  /**
   * Bytes from its local header to where the next entry (or the central directory) starts: local header, data, any
   * data descriptor. The span a save copies verbatim when the entry's bytes were never read.
   */
  extent: number;
}

/** One zip entry as stored: its compressed bytes are a view of the input so they can be copied verbatim. */
export interface ZipEntry extends Omit<CentralEntry, "localOffset" | "extent"> {
  compressed: Uint8Array;
}

/** An entry to write: a large part deflated in batches keeps its compressed bytes as consecutive chunks. */
export interface ZipEntryToWrite extends Omit<ZipEntry, "compressed"> {
  compressed: Uint8Array | Uint8Array[];
}
