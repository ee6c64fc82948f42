/**
 * The package's parts other than the main document body (styles, numbering, settings, comments, notes, headers,
 * relationships, content types, media), as edits see them: XML parts as parsed trees edited in place, binary parts as
 * bytes. Every change is recorded against a snapshot so the change journal can emit it as a small text splice.
 */
import { DocxError, withPart } from "../errors.js";
import type { DocxPackage, XmlPart } from "../package/index.js";
import { decodePart, encodePart, parseXml, serializeXml } from "../xml/index.js";

/**
 * One part's change, as data. XML parts change by a splice of their serialized text (`at`, `removed`, `inserted`);
 * `created`/`deleted` say the part did not exist before/after. Binary parts carry both sides in base64.
 */
export type PartChange =
  | { part: string; kind: "text"; at: number; removed: string; inserted: string; created?: true; deleted?: true }
  | { part: string; kind: "binary"; before: string | null; after: string | null };

interface LoadedPart {
  xml: XmlPart;
  /** True once an edit changed the tree (it is then written on save). */
  changed: boolean;
}

/** What a part was at the last journal take: its serialized text, its bytes, or absent. */
type PartState = { kind: "text"; text: string } | { kind: "binary"; bytes: Uint8Array } | { kind: "absent" };

const isXmlName = (name: string) => /\.(xml|rels)$/i.test(name);

export class PackageParts {
  private readonly loaded = new Map<string, LoadedPart>();
  /** State at the last take of every part edited since; parts absent here are unchanged. */
  private readonly before = new Map<string, PartState>();
  /** Parts whose trees are edited without notice (stories edited block by block): their state is always kept. */
  private readonly watched = new Set<string>();
  /** Parts changed through this API since the last take. */
  private readonly touched = new Set<string>();

  constructor(
    private readonly pkg: DocxPackage,
    /** Called after a part changed, so views derived from it (styles, stories) are rebuilt. */
    private readonly onChange: (name: string) => void,
  ) {}

  has(name: string): boolean {
    return this.pkg.has(name);
  }

  /** The part's tree, parsed once and kept; edit it in place and call `changed(name)`. */
  xml(name: string): XmlPart {
    const resolved = this.pkg.resolveName(name);
    if (!resolved) throw new DocxError({ kind: "missing_part", part: name, message: `The package has no part named ${name}.` });
    let entry = this.loaded.get(resolved);
    if (!entry) {
      entry = { xml: this.pkg.readXml(resolved), changed: false };
      this.loaded.set(resolved, entry);
      // Trees are edited in place before `changed` is called, so their state is kept from the moment they load.
      this.watch(resolved);
    }
    return entry.xml;
  }

  /** Declared size of the parts held as trees, for the document's memory estimate. */
  loadedBytes(): number {
    const sizes = this.pkg.declaredSizes();
    let total = 0;
    for (const name of this.loaded.keys()) total += sizes.get(name) ?? 0;
    return total;
  }

  /** Whether the part is held as a tree (loaded by `xml`). */
  isLoaded(name: string): boolean {
    const resolved = this.pkg.resolveName(name);
    return resolved !== undefined && this.loaded.has(resolved);
  }

  /** Records that a loaded tree was edited: it is written on save and journaled at the next take. */
  changed(name: string): void {
    const resolved = this.pkg.resolveName(name);
    const entry = resolved ? this.loaded.get(resolved) : undefined;
    if (!resolved || !entry) throw new DocxError({ kind: "missing_part", part: name, message: `Part ${name} was not loaded for editing.` });
    this.remember(resolved);
    this.touched.add(resolved);
    entry.changed = true;
    // Relationship and content-type readers go through the package, so it must see the edit at once.
    this.pkg.writeXml(resolved, entry.xml);
    this.onChange(resolved);
  }

  /** Creates or replaces a part: a string is XML text (kept as a tree), bytes are a binary part such as an image. */
  write(name: string, content: string | Uint8Array): void {
    const bare = name.replace(/^\//, "");
    const resolved = this.pkg.resolveName(bare) ?? bare;
    this.remember(resolved);
    this.touched.add(resolved);
    if (typeof content === "string") {
      const xml: XmlPart = {
        doc: withPart(resolved, () => parseXml(content, { maxDepth: this.pkg.limits.maxXmlDepth })),
        encoding: "utf-8",
      };
      this.loaded.set(resolved, { xml, changed: true });
      this.watched.add(resolved);
      this.pkg.writeXml(resolved, xml);
    } else {
      this.loaded.delete(resolved);
      this.watched.delete(resolved);
      this.pkg.writeBytes(resolved, content);
    }
    this.onChange(resolved);
  }

  remove(name: string): void {
    const resolved = this.pkg.resolveName(name);
    if (!resolved) return;
    this.remember(resolved);
    this.touched.add(resolved);
    this.loaded.delete(resolved);
    this.watched.delete(resolved);
    this.pkg.remove(resolved);
    this.onChange(resolved);
  }

  /** Whether the part, as the journal compares parts (XML by its serialized tree), differs from `bytes`. */
  differsFrom(name: string, bytes: Uint8Array): boolean {
    const now = this.state(name);
    if (now.kind === "absent") return true;
    if (now.kind === "binary") return toBase64(now.bytes) !== toBase64(bytes);
    const { text } = decodePart(bytes);
    return serializeXml(withPart(name, () => parseXml(text, { maxDepth: this.pkg.limits.maxXmlDepth }))) !== now.text;
  }

  /** Loaded trees that an edit changed, to write back on save. */
  *changedTrees(): Iterable<[string, XmlPart]> {
    for (const [name, entry] of this.loaded) if (entry.changed) yield [name, entry.xml];
  }

  /**
   * Keeps a snapshot of a part from now on, so the next take can tell what changed even when its tree is edited in
   * place without a `changed` call (a story edited block by block); `take` asks `maybeChanged` for those.
   */
  private watch(name: string): void {
    const resolved = this.pkg.resolveName(name);
    if (!resolved) return;
    this.remember(resolved);
    this.watched.add(resolved);
  }

  /** Marks a watched tree as edited, so it is written on save. */
  markEdited(name: string): void {
    const entry = this.loaded.get(name);
    if (entry) {
      entry.changed = true;
      this.touched.add(name);
    }
  }

  /** The changes since the last take, one per part that differs; starts a new take. */
  take(maybeChanged: (part: string) => boolean = () => true): PartChange[] {
    const out: PartChange[] = [];
    for (const [name, was] of [...this.before]) {
      const watched = this.watched.has(name);
      if (watched && !this.touched.has(name) && !maybeChanged(name)) continue;
      const now = this.state(name);
      const change = diffPart(name, was, now);
      if (change) out.push(change);
      if (watched) this.before.set(name, now);
      else this.before.delete(name);
    }
    this.touched.clear();
    return out;
  }

  /** Applies a change forwards (`revert` false) or backwards; the part must be in the state the change starts from. */
  apply(change: PartChange, revert: boolean): void {
    const current = this.state(change.part);
    let next: PartState;
    if (change.kind === "binary") {
      const [from, to] = revert ? [change.after, change.before] : [change.before, change.after];
      const matches = from === null ? current.kind === "absent" : current.kind === "binary" && toBase64(current.bytes) === from;
      if (!matches) throw mismatch(change.part);
      next = to === null ? { kind: "absent" } : { kind: "binary", bytes: fromBase64(to) };
    } else {
      const [removed, inserted] = revert ? [change.inserted, change.removed] : [change.removed, change.inserted];
      const [absentBefore, absentAfter] = revert ? [change.deleted, change.created] : [change.created, change.deleted];
      const text = current.kind === "text" ? current.text : current.kind === "absent" ? null : undefined;
      if (text === undefined || (absentBefore ? text !== null : text === null)) throw mismatch(change.part);
      const base = text ?? "";
      if (base.slice(change.at, change.at + removed.length) !== removed) throw mismatch(change.part);
      next = absentAfter
        ? { kind: "absent" }
        : { kind: "text", text: base.slice(0, change.at) + inserted + base.slice(change.at + removed.length) };
    }
    this.loaded.delete(change.part);
    // A part brought back to what the file had (undo, a failed or dry-run edit) gets its original bytes back.
    if (next.kind !== "absent" && this.isOriginal(change.part, next)) this.pkg.restoreOriginal(change.part);
    else if (next.kind === "absent") this.pkg.remove(change.part);
    else if (next.kind === "binary") this.pkg.writeBytes(change.part, next.bytes);
    else this.pkg.writeBytes(change.part, encodePart(next.text, "utf-8"));
    this.before.delete(change.part);
    this.watched.delete(change.part);
    this.touched.delete(change.part);
    this.onChange(change.part);
  }

  private isOriginal(name: string, state: PartState): boolean {
    const original = this.pkg.originalBytes(name);
    if (!original) return false;
    if (state.kind === "binary") return toBase64(original) === toBase64(state.bytes);
    if (state.kind !== "text" || !isXmlName(name)) return false;
    const { text } = decodePart(original);
    return serializeXml(withPart(name, () => parseXml(text, { maxDepth: this.pkg.limits.maxXmlDepth }))) === state.text;
  }

  private remember(name: string): void {
    if (!this.before.has(name)) this.before.set(name, this.state(name));
  }

  /** The part as the journal compares it: XML as the serialization of its tree, so both sides use one form. */
  private state(name: string): PartState {
    const resolved = this.pkg.resolveName(name);
    if (!resolved) return { kind: "absent" };
    const entry = this.loaded.get(resolved);
    if (entry) return { kind: "text", text: serializeXml(entry.xml.doc) };
    const bytes = this.pkg.readBytes(resolved);
    if (!isXmlName(resolved)) return { kind: "binary", bytes };
    const { text } = decodePart(bytes);
    return { kind: "text", text: serializeXml(withPart(resolved, () => parseXml(text, { maxDepth: this.pkg.limits.maxXmlDepth }))) };
  }
}

function diffPart(part: string, was: PartState, now: PartState): PartChange | null {
  if (was.kind === "binary" || now.kind === "binary") {
    const before = was.kind === "binary" ? toBase64(was.bytes) : null;
    const after = now.kind === "binary" ? toBase64(now.bytes) : null;
    if (was.kind === "text" || now.kind === "text") {
      throw new DocxError({
        kind: "invalid_argument",
        field: "part",
        message: `Part ${part} changed between XML and binary content, which is not supported.`,
      });
    }
    return before === after ? null : { part, kind: "binary", before, after };
  }
  if (was.kind === "absent" && now.kind === "absent") return null;
  const a = was.kind === "text" ? was.text : "";
  const b = now.kind === "text" ? now.text : "";
  if (was.kind === now.kind && a === b) return null;
  // Common prefix and suffix trimmed: the entry holds only the edited middle of the part.
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  const change: PartChange = {
    part,
    kind: "text",
    at: start,
    removed: a.slice(start, a.length - end),
    inserted: b.slice(start, b.length - end),
  };
  if (was.kind === "absent") change.created = true;
  if (now.kind === "absent") change.deleted = true;
  return change;
}

function mismatch(part: string): DocxError {
  return new DocxError({
    kind: "change_mismatch",
    message: `History does not match the document's part ${part}; the session must be reloaded.`,
  });
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
