/**
 * Bounds that keep a hostile or simply huge .docx from exhausting an isolate's memory (128 MB for everything it holds,
 * ArrayBuffers included) or its CPU. All sizes in bytes, as declared in the zip's central directory.
 */
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
  /** Largest main document part: it is held inflated (1x) plus about 0.5x in block facts while the document is open. */
  maxMainPartBytes: number;
  /**
   * Largest sum of the other XML parts (styles, numbering, headers, notes, comments, relationships...): each may be
   * parsed into a tree, which costs about 15 times its size.
   */
  maxParsedPartsBytes: number;
}

const MB = 1024 * 1024;

/**
 * Sized so one open document stays well under the isolate's 128 MB with room for the request: a 32 MB main part
 * (about 3,000 pages) costs about 50 MB open, 8 MB of other XML at most about 120 MB only if every part were parsed at
 * once (styles are read as a style sheet, not a tree, so real documents stay far below). Media are never inflated
 * unless read, and copied as their compressed bytes on save, so they count only towards the entry and total limits.
 */
export const DEFAULT_LIMITS: DocxLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 100 * MB,
  maxTotalBytes: 512 * MB,
  maxCompressionRatio: 200,
  ratioFloorBytes: MB,
  maxXmlDepth: 512,
  maxMainPartBytes: 32 * MB,
  maxParsedPartsBytes: 8 * MB,
};
