/** An opened .docx package: single entries inflated on demand, untouched entries written back as their original compressed bytes. */
import { DocxError, withPart } from "../errors.js";
import { decodePart, encodePart, type PartEncoding, parseXml, serializeXml, type XmlDocument } from "../xml/index.js";
import { concat } from "./concat.js";
import { CONTENT_TYPES_PART, ContentTypes } from "./content-types.js";
import { DEFAULT_LIMITS, type DocxLimits } from "./limits.js";
import { parseRelationships, type Relationship, relationshipsPartName, relTypeIs } from "./relationships.js";
import type { ZipEntry, ZipEntryToWrite } from "./zip-entry.js";
import { inflateEntry, readZipEntries } from "./zip-reader.js";
import { deflateEntry, deflateEntryChunks, writeZipChunks } from "./zip-writer.js";

export interface XmlPart {
  doc: XmlDocument;
  encoding: PartEncoding;
}

export class DocxPackage {
  readonly limits: DocxLimits;
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, string>();
  /** New bytes for parts that were changed or added; untouched parts are absent. */
  private readonly replaced = new Map<string, Uint8Array | Uint8Array[]>();
  private readonly removed = new Set<string>();
  private readonly relsCache = new Map<string, Relationship[]>();

  private constructor(
    entries: ZipEntry[],
    limits: DocxLimits,
    /** Size of the opened file: entries are views of it, so it stays in memory while the package does. */
    readonly sourceBytes: number,
  ) {
    this.entries = entries;
    this.limits = limits;
    for (const e of entries) {
      this.byName.set(e.name, e);
      this.byLowerName.set(e.name.toLowerCase(), e.name);
    }
  }

  static open(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): DocxPackage {
    const merged = { ...DEFAULT_LIMITS, ...limits };
    return new DocxPackage(readZipEntries(bytes, merged), merged, bytes.length);
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
    return inflateEntry(this.byName.get(resolved)!, this.limits);
  }

  /** The part's bytes as the opened file had them, or null for a part the file did not have. */
  originalBytes(name: string): Uint8Array | null {
    const bare = name.startsWith("/") ? name.slice(1) : name;
    const entry = this.byName.get(bare) ?? this.byName.get(this.byLowerName.get(bare.toLowerCase()) ?? "");
    return entry ? inflateEntry(entry, this.limits) : null;
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

  /** Like save, as consecutive chunks that view the input for untouched entries (no second copy of the package). */
  saveChunks(): Uint8Array[] {
    const out: ZipEntryToWrite[] = [];
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      const bytes = this.replaced.get(e.name);
      out.push(bytes ? compress(e.name, bytes, e) : e);
    }
    for (const [name, bytes] of this.replaced) if (!this.byName.has(name)) out.push(compress(name, bytes));
    return writeZipChunks(out);
  }
}

function compress(name: string, bytes: Uint8Array | Uint8Array[], like?: ZipEntry): ZipEntryToWrite {
  return Array.isArray(bytes) ? deflateEntryChunks(name, bytes, like) : deflateEntry(name, bytes, like);
}
