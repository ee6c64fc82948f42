/** Bounds that keep a hostile .docx from exhausting memory or CPU. All sizes in bytes. */
export interface DocxLimits {
  /** Most zip entries a package may have. */
  maxEntries: number;
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for entries above `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /** Deepest element nesting accepted in an XML part. */
  maxXmlDepth: number;
}

export const DEFAULT_LIMITS: DocxLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxXmlDepth: 512,
};
