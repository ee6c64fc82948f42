/**
 * An opened .docx package: single entries inflated on demand, untouched entries written back as their original
 * compressed bytes. Opened from bytes, every entry is a view of them; opened from a ByteSource (storage read by ranges),
 * only the XML parts are read, and other entries (media, embeddings, fonts) stay in the source until an edit needs
 * them: a save copies them from the source as they are, so media no edit touches never enter memory.
 */
import { DocxError, withPart } from "../errors.js";
import { decodePart, encodePart, type PartEncoding, parseXml, serializeXml, type XmlDocument } from "../xml/index.js";
import type { ByteSource } from "./byte-source.js";
import { concat } from "./concat.js";
import { CONTENT_TYPES_PART, ContentTypes } from "./content-types.js";
import { crc32 } from "./crc32.js";
import { DEFAULT_LIMITS, type DocxLimits } from "./limits.js";
import { parseRelationships, type Relationship, relationshipsPartName, relTypeIs } from "./relationships.js";
import type { CentralEntry, ZipEntryToWrite } from "./zip-entry.js";
import { entryData, inflateEntry, readCentralDirectory, readZipDirectory } from "./zip-reader.js";
import { deflateEntry, deflateEntryChunks, layoutZip, type OutputEntry, writeZipChunks, zipStream } from "./zip-writer.js";

export interface XmlPart {
  doc: XmlDocument;
  encoding: PartEncoding;
}

/** An entry of the opened file; `compressed` is null while its bytes are still only in the source. */
type PackageEntry = CentralEntry & { compressed: Uint8Array | null };

/** The parts read when a package is opened from a source: the ones the engine parses. */
const isXmlName = (name: string) => /\.(xml|rels)$/i.test(name);
/**
 * A name a copied local header would spell differently from the central directory we write (non-ASCII and not
 * flagged UTF-8, or not valid UTF-8): such entries are read, and written with a fresh local header.
 */
const needsRewrite = (e: CentralEntry) => /[^\x20-\x7e]/.test(e.name) && (!(e.flags & 0x800) || e.name.includes("\uFFFD"));
/** Entries to read are fetched together when at most this many bytes of other entries lie between them. */
const READ_GAP = 64 * 1024;
/** Most ranged reads one load makes (see load). */
const MAX_READS = 32;

/**
 * What a part's bytes are, as a zip central directory states it: CRC-32 and length of the uncompressed bytes. Two
 * parts with equal digests are taken as equal without reading either (a CRC collision at equal length is accepted).
 */
export interface PartDigest {
  crc: number;
  size: number;
}

/** A save that streams: its exact length is known before the first byte. */
export interface PackageStream {
  stream: ReadableStream<Uint8Array>;
  length: number;
}

export class DocxPackage {
  readonly limits: DocxLimits;
  private readonly entries: PackageEntry[];
  private readonly byName = new Map<string, PackageEntry>();
  private readonly byLowerName = new Map<string, string>();
  /** New bytes for parts that were changed or added; untouched parts are absent. */
  private readonly replaced = new Map<string, Uint8Array | Uint8Array[]>();
  private readonly removed = new Set<string>();
  private readonly relsCache = new Map<string, Relationship[]>();
  /** Bytes of the opened file held in memory (all of it when opened from bytes; what was read, from a source). */
  private heldBytes: number;
  /** The end of the file, read when the package was opened from a source, until the first load has used it. */
  private tail: { start: number; bytes: Uint8Array } | null = null;

  private constructor(
    entries: PackageEntry[],
    limits: DocxLimits,
    private readonly source: ByteSource | null,
    heldBytes: number,
  ) {
    this.entries = entries;
    this.limits = limits;
    this.heldBytes = heldBytes;
    for (const e of entries) {
      this.byName.set(e.name, e);
      this.byLowerName.set(e.name.toLowerCase(), e.name);
    }
  }

  static open(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): DocxPackage {
    const merged = { ...DEFAULT_LIMITS, ...limits };
    const entries = readZipDirectory(bytes, merged).map(({ central, compressed }) => ({ ...central, compressed }));
    return new DocxPackage(entries, merged, null, bytes.length);
  }

  /**
   * Opens a package by range reads: its central directory (all limits checked there, before anything else is read),
   * then the XML parts in as few reads as their places in the file allow. Everything else stays in `source`, which
   * must stay readable, unchanged, while the package is used.
   */
  static async openFrom(source: ByteSource, limits: Partial<DocxLimits> = {}): Promise<DocxPackage> {
    const merged = { ...DEFAULT_LIMITS, ...limits };
    const directory = await readCentralDirectory(source, merged);
    const entries = directory.entries.map((e) => ({ ...e, compressed: null }));
    const pkg = new DocxPackage(entries, merged, source, 0);
    // The file's last bytes were read to find the directory: entries lying there are not read again.
    pkg.tail = { start: directory.tailStart, bytes: directory.tail };
    await pkg.load(entries.filter((e) => isXmlName(e.name) || needsRewrite(e)).map((e) => e.name));
    return pkg;
  }

  /** Size of the opened file held in memory: the cache weighs a document by it. */
  get sourceBytes(): number {
    return this.heldBytes;
  }

  /** Names of the opened file's parts whose bytes are still only in the source (never read). */
  unreadParts(): string[] {
    return this.entries.filter((e) => e.compressed === null && !this.removed.has(e.name)).map((e) => e.name);
  }

  /**
   * Reads the named parts' compressed bytes from the source (parts already held, added or unknown are skipped), so
   * that synchronous reads of them work. Neighbouring entries are fetched by one ranged read.
   */
  async load(names: Iterable<string>): Promise<void> {
    const wanted = new Set<PackageEntry>();
    for (const name of names) {
      const bare = name.startsWith("/") ? name.slice(1) : name;
      const entry = this.byName.get(bare) ?? this.byName.get(this.byLowerName.get(bare.toLowerCase()) ?? "");
      if (entry && entry.compressed === null) wanted.add(entry);
    }
    if (wanted.size === 0 || !this.source) return;
    const sorted = [...wanted].sort((a, b) => a.localOffset - b.localOffset);
    const gaps = sorted.slice(1).map((e, i) => e.localOffset - (sorted[i].localOffset + sorted[i].extent));
    // Parts scattered all over a file (an odd or hostile one) are read in at most MAX_READS spans, closing the
    // smallest gaps first: storage allows a request only so many reads.
    const byGap = [...gaps].sort((a, b) => a - b);
    const gap = Math.max(READ_GAP, byGap.length >= MAX_READS ? byGap[byGap.length - MAX_READS] : 0);
    const groups: PackageEntry[][] = [[sorted[0]]];
    for (let i = 1; i < sorted.length; i++) {
      if (gaps[i - 1] <= gap) groups[groups.length - 1].push(sorted[i]);
      else groups.push([sorted[i]]);
    }
    const read = await Promise.all(
      groups.map((g) => this.readSpan(g[0].localOffset, g[g.length - 1].localOffset + g[g.length - 1].extent)),
    );
    this.tail = null; // used by the first load (at open); entries viewing it keep what they need
    // Every group is checked before any entry takes its bytes, so a damaged read leaves the package as it was.
    const data = groups.map((g, i) => g.map((e) => entryData(e, read[i].subarray(e.localOffset - g[0].localOffset))));
    groups.forEach((g, i) => {
      g.forEach((e, j) => {
        e.compressed = data[i][j];
      });
      this.heldBytes += read[i].length;
    });
  }

  /** The file's bytes from `start` to `end`: what lies in the tail read at open is taken from it, the rest read. */
  private async readSpan(start: number, end: number): Promise<Uint8Array> {
    const tail = this.tail;
    if (!tail || end <= tail.start) return this.source!.read(start, end - start);
    if (start >= tail.start) return tail.bytes.subarray(start - tail.start, end - tail.start);
    const head = await this.source!.read(start, tail.start - start);
    return concat([head, tail.bytes.subarray(0, end - tail.start)]);
  }

  /** Whether the part's bytes are in memory (false for a part still only in the source, and for an absent one). */
  isRead(name: string): boolean {
    const resolved = this.resolveName(name);
    if (resolved === undefined) return false;
    return this.replaced.has(resolved) || this.byName.get(resolved)?.compressed !== null;
  }

  /**
   * The part's digest as it is now, without reading anything from the source: the central directory's for an
   * untouched entry, computed from memory for one written since. Null for an absent part.
   */
  digest(name: string): PartDigest | null {
    const resolved = this.resolveName(name);
    if (resolved === undefined) return null;
    const replaced = this.replaced.get(resolved);
    if (!replaced) {
      const entry = this.byName.get(resolved)!;
      return { crc: entry.crc, size: entry.uncompressedSize };
    }
    let crc = 0;
    let size = 0;
    for (const chunk of Array.isArray(replaced) ? replaced : [replaced]) {
      crc = crc32(chunk, crc);
      size += chunk.length;
    }
    return { crc, size };
  }

  /** Declared uncompressed sizes of the entries the opened file had, by name. */
  declaredSizes(): Map<string, number> {
    return new Map(this.entries.map((e) => [e.name, e.uncompressedSize]));
  }

  /** Bytes held for parts written since opening (untouched parts are views of the input). */
  replacedBytes(): number {
    let total = 0;
    for (const bytes of this.replaced.values()) total += Array.isArray(bytes) ? bytes.reduce((n, c) => n + c.length, 0) : bytes.length;
    return total;
  }

  /** Part names compare case-insensitively in OPC (Part 2, §8.1.1.1). */
  resolveName(name: string): string | undefined {
    const bare = name.startsWith("/") ? name.slice(1) : name;
    if (this.removed.has(bare)) return undefined;
    if (this.byName.has(bare) || this.replaced.has(bare)) return bare;
    return this.byLowerName.get(bare.toLowerCase());
  }

  has(name: string): boolean {
    return this.resolveName(name) !== undefined;
  }

  partNames(): string[] {
    const names = this.entries.map((e) => e.name).filter((n) => !this.removed.has(n));
    for (const n of this.replaced.keys()) if (!this.byName.has(n)) names.push(n);
    return names;
  }

  readBytes(name: string): Uint8Array {
    const resolved = this.resolveName(name);
    if (resolved === undefined)
      throw new DocxError({ kind: "missing_part", part: name, message: `The package has no part named ${name}.` });
    const replaced = this.replaced.get(resolved);
    if (replaced) return Array.isArray(replaced) ? concat(replaced) : replaced;
    return this.inflate(this.byName.get(resolved)!);
  }

  private inflate(entry: PackageEntry): Uint8Array {
    const { compressed } = entry;
    if (compressed === null) throw notLoaded(entry.name);
    return inflateEntry({ ...entry, compressed }, this.limits);
  }

  /** The part's bytes as the opened file had them, or null for a part the file did not have. */
  originalBytes(name: string): Uint8Array | null {
    const bare = name.startsWith("/") ? name.slice(1) : name;
    const entry = this.byName.get(bare) ?? this.byName.get(this.byLowerName.get(bare.toLowerCase()) ?? "");
    return entry ? this.inflate(entry) : null;
  }

  /** Puts a part back as the opened file had it (its original compressed bytes are written on save). */
  restoreOriginal(name: string): void {
    const bare = name.startsWith("/") ? name.slice(1) : name;
    const original = this.byName.has(bare) ? bare : this.byLowerName.get(bare.toLowerCase());
    if (!original) return;
    this.replaced.delete(original);
    this.removed.delete(original);
    this.relsCache.delete(original);
  }

  readXml(name: string): XmlPart {
    const { text, encoding } = decodePart(this.readBytes(name));
    return { doc: withPart(name, () => parseXml(text, { maxDepth: this.limits.maxXmlDepth })), encoding };
  }

  /** Replaces a part with content given as chunks (e.g. untouched spans of the original plus re-serialised blocks). */
  writeBytes(name: string, bytes: Uint8Array | Uint8Array[]): void {
    const resolved = this.resolveName(name) ?? (name.startsWith("/") ? name.slice(1) : name);
    this.removed.delete(resolved);
    this.replaced.set(resolved, bytes);
    this.relsCache.delete(resolved);
  }

  writeXml(name: string, part: XmlPart): void {
    this.writeBytes(name, encodePart(serializeXml(part.doc), part.encoding));
  }

  remove(name: string): void {
    const resolved = this.resolveName(name);
    if (resolved === undefined) return;
    this.replaced.delete(resolved);
    this.relsCache.delete(resolved);
    if (this.byName.has(resolved)) this.removed.add(resolved);
  }

  /** Relationships whose source is `sourcePart` ("" for the package); parsed once and kept until the .rels part is rewritten. */
  relationships(sourcePart: string): Relationship[] {
    const relsName = relationshipsPartName(sourcePart.startsWith("/") ? sourcePart.slice(1) : sourcePart);
    const cached = this.relsCache.get(relsName);
    if (cached) return cached;
    const rels = this.has(relsName) ? parseRelationships(sourcePart, this.readXml(relsName).doc) : [];
    this.relsCache.set(relsName, rels);
    return rels;
  }

  /** The main document part, found through the package relationships rather than assumed to be word/document.xml. */
  mainDocumentName(): string {
    const rel = this.relationships("").find((r) => relTypeIs(r.type, "officeDocument") && r.partName);
    const name = rel?.partName ? this.resolveName(rel.partName) : this.resolveName("word/document.xml");
    if (!name) {
      throw new DocxError({
        kind: "missing_part",
        part: rel?.partName ?? "word/document.xml",
        message: "The file is not a Word document: it has no main document part (officeDocument relationship in _rels/.rels).",
      });
    }
    // A spreadsheet or presentation also has an officeDocument relationship; its main part's content type tells them apart.
    const type = this.contentTypes()?.of(name);
    if (type && !/wordprocessingml|ms-word/i.test(type)) {
      throw new DocxError({
        kind: "not_a_docx",
        contentType: type,
        message: `The file is not a Word document: its main part ${name} has content type ${type}.`,
      });
    }
    return name;
  }

  /** The package's content types, or null if it has no [Content_Types].xml. */
  contentTypes(): ContentTypes | null {
    return this.has(CONTENT_TYPES_PART) ? new ContentTypes(this.readXml(CONTENT_TYPES_PART).doc) : null;
  }

  /** Writes the package: untouched entries keep their original compressed bytes, changed ones are deflated anew. */
  save(): Uint8Array {
    return concat(this.saveChunks());
  }

  /**
   * Like save, as consecutive chunks that view the input for untouched entries (no second copy of the package). A
   * package opened from a source with parts never read cannot be saved this way (part_not_loaded): use saveStream.
   */
  saveChunks(): Uint8Array[] {
    const unread = this.unreadParts();
    if (unread.length > 0) throw notLoaded(unread[0]);
    return writeZipChunks(this.outputEntries(false) as ZipEntryToWrite[]);
  }

  /**
   * The package as a stream of known length: edited parts are deflated now; untouched parts of a package opened from a
   * source are copied from it as they lie there (local header, data, data descriptor) while the stream is read. The
   * source must still hold the opened file then; if it does not, the stream errors and nothing complete was produced.
   */
  saveStream(): PackageStream {
    const layout = layoutZip(this.outputEntries(this.source !== null));
    return { stream: zipStream(layout, this.source), length: layout.length };
  }

  /**
   * The entries to write. With `fromSource`, every untouched entry is copied from the source as it lies there, read or
   * not, so copied runs break only at edited entries and a save makes about one ranged read per edited part, however
   * its media and XML are interleaved; without, untouched entries are written from memory (all must have been read).
   */
  private outputEntries(fromSource: boolean): OutputEntry[] {
    const out: OutputEntry[] = [];
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      const bytes = this.replaced.get(e.name);
      if (bytes) out.push(compress(e.name, bytes, e));
      else if (e.compressed === null || (fromSource && !needsRewrite(e))) out.push({ copy: e });
      else out.push({ ...e, compressed: e.compressed });
    }
    for (const [name, bytes] of this.replaced) if (!this.byName.has(name)) out.push(compress(name, bytes));
    return out;
  }
}

/** The failure of a call that needs parts never read from the source (`parts` names them all, first first). */
export function notLoaded(part: string, parts?: string[]): DocxError {
  const names = parts && parts.length > 1 ? `Parts ${parts.join(", ")} have` : `Part ${part} has`;
  return new DocxError({
    kind: "part_not_loaded",
    part,
    ...(parts ? { parts } : {}),
    message: `${names} not been read from storage yet; load them and retry.`,
  });
}

function compress(name: string, bytes: Uint8Array | Uint8Array[], like?: CentralEntry): ZipEntryToWrite {
  return Array.isArray(bytes) ? deflateEntryChunks(name, bytes, like) : deflateEntry(name, bytes, like);
}
