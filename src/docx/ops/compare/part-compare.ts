import type { WordDocument } from "../../model/index.js";

/** The parts other than the main one that differ between two versions of a document, by name. */
export interface PartsDifference {
  /** Parts both have, with different content. */
  changed: string[];
  /** Parts only the other version has. */
  added: string[];
  /** Parts only this version has. */
  removed: string[];
}

/** XML parts are parsed at open on both sides; the others (media) may still be only in storage. */
export const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * How the parts of `source` differ from those of `doc`, reading no binary part: media are compared by CRC-32 and
 * uncompressed size (from each side's zip central directory, or computed for a part written since), so equal digests
 * count as equal content (a CRC collision at equal size goes unnoticed; accepted), and any difference in either counts
 * as a change. XML parts compare as the journal compares them, by their serialized trees.
 */
export function differingParts(doc: WordDocument, source: WordDocument): PartsDifference {
  const out: PartsDifference = { changed: [], added: [], removed: [] };
  const theirs = new Set(source.pkg.partNames());
  for (const name of theirs) {
    if (name === doc.mainPart) continue;
    if (!doc.pkg.has(name)) out.added.push(name);
    else if (isXmlPart(name) ? doc.parts.differsFrom(name, source.pkg.readBytes(name)) : !sameDigest(doc, source, name))
      out.changed.push(name);
  }
  // Part names compare case-insensitively (OPC): a part only renamed in case was compared above, not removed.
  for (const name of doc.pkg.partNames()) if (name !== doc.mainPart && !source.pkg.has(name)) out.removed.push(name);
  return out;
}

function sameDigest(doc: WordDocument, source: WordDocument, name: string): boolean {
  const mine = doc.pkg.digest(name);
  const theirs = source.pkg.digest(name);
  return mine !== null && theirs !== null && mine.crc === theirs.crc && mine.size === theirs.size;
}
