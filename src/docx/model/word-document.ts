/** An opened Word document: the body indexed by one scan, the other stories and the style sheet as small trees. */
import { withPart } from "../errors.js";
import {
  CONTENT_TYPES_PART,
  checkPackageFootprint,
  concat,
  type DocxLimits,
  DocxPackage,
  relationshipsPartName,
  relTypeIs,
} from "../package/index.js";
import {
  childElements,
  decodePart,
  detectEncoding,
  element,
  encodePart,
  firstChild,
  getAttribute,
  localName,
  type PartEncoding,
  serializeNode,
  type XmlAttribute,
  type XmlElement,
} from "../xml/index.js";
import { assignIds, type Block, BlockList } from "./block-list.js";
import { scanBody } from "./body-scanner.js";
import { ChangeJournal } from "./change-journal.js";
import { declareDmcp, materializeId } from "./id-materializer.js";
import { IdRegistry } from "./ids.js";
import { type Prefixes, prefixesFrom } from "./namespaces.js";
import { PackageParts } from "./package-parts.js";
import { type Note, readNotes, storyBlocks } from "./stories.js";
import { StyleSheet } from "./styles.js";

export interface Section {
  index: number;
  /** Body block range [firstBlock, lastBlock] inclusive; the block holding the w:sectPr ends the section. */
  firstBlock: number;
  lastBlock: number;
  properties: XmlElement | null;
}

export interface HeaderFooter {
  kind: "header" | "footer";
  part: string;
  /** Reference types (default, first, even) under which sections use this part. */
  types: string[];
  sections: number[];
  blocks: BlockList;
}

/** Who edits: written as the author of tracked changes and comments. */
export interface Editor {
  author: string;
  initials: string;
}

const encoder = new TextEncoder();
/** Heap per body block for its facts, id and list slot (measured on the generated L report: about 420 bytes). */
const BLOCK_FACTS_BYTES = 450;
/** Heap per byte of XML parsed into a tree (measured: about 15). */
const TREE_BYTES_PER_XML_BYTE = 15;
/** Source size assumed for an inserted block, which has no byte range in the opened part. */
const NEW_BLOCK_BYTES = 1024;
const RELATIONSHIP_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export class WordDocument {
  readonly ids = new IdRegistry();
  /** Records what edits change, as data for the session's write-ahead log (see change-journal.ts). */
  readonly journal: ChangeJournal;
  readonly body: BlockList;
  readonly prefixes: Prefixes;
  readonly headersFooters: HeaderFooter[] = [];
  readonly footnotes: Note[] = [];
  readonly endnotes: Note[] = [];
  readonly comments: Note[] = [];
  /** Every part but the main body: edit trees through it so edits are saved and journaled (see package-parts.ts). */
  readonly parts: PackageParts;
  /** Who the current edit is by; the session layer sets it per call. */
  editor: Editor = { author: "docx-edge", initials: "DE" };
  /** Story block lists by part name (headers, notes, comments). */
  private readonly storyParts = new Map<string, BlockList[]>();
  private styleSheet: StyleSheet | null = null;

  private constructor(
    readonly pkg: DocxPackage,
    readonly mainPart: string,
    private readonly bodyBytes: Uint8Array,
    private readonly bodyEncoding: PartEncoding,
    private readonly contentStart: number,
    private readonly suffixStart: number,
    private readonly bodySelfClosing: boolean,
    blocks: Block[],
    prefixes: Prefixes,
    private readonly root: { name: string; attributes: XmlAttribute[]; tagStart: number; tagEnd: number; changed: boolean },
    nestedIds: string[],
  ) {
    this.prefixes = prefixes;
    this.body = new BlockList(mainPart, "body", prefixes, blocks, bodyBytes);
    this.parts = new PackageParts(pkg, (name) => this.partChanged(name));
    this.loadStories();
    const lists = this.storyLists();
    const storyIds = lists.slice(1).flatMap((l) => l.blocks.flatMap((b) => (b.tree ? nestedStoredIds(b.tree, l.prefixes) : [])));
    assignIds(lists, this.ids, [...nestedIds, ...storyIds]);
    this.journal = new ChangeJournal(this.body, this.root, this.ids, this.parts, {
      maybeChanged: (part) => this.storyParts.get(part)?.some((l) => l.changed) ?? false,
      sectionsChanged: () => this.reloadStories(),
    });
  }

  /** The style sheet, read from styles.xml on first use and again after styles.xml changes. */
  get styles(): StyleSheet {
    if (!this.styleSheet) {
      const name = this.relatedPartName("styles");
      // Edited trees are written to the package at once (PackageParts.changed), so the package is current.
      const text = name ? withPart(name, () => decodePart(this.pkg.readBytes(name)).text) : null;
      this.styleSheet = new StyleSheet(text, this.pkg.limits.maxXmlDepth);
    }
    return this.styleSheet;
  }

  static open(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): WordDocument {
    return WordDocument.fromPackage(DocxPackage.open(bytes, limits));
  }

  /** Opens the document of a package already opened (from bytes, or from storage by range reads). */
  static fromPackage(pkg: DocxPackage): WordDocument {
    // Sizes first, from the central directory: nothing large is inflated for a document that cannot be held.
    const { mainPart } = checkPackageFootprint(pkg);
    let raw = pkg.readBytes(mainPart);
    const encoding = detectEncoding(raw);
    // The scanner reads UTF-8; a BOM is skipped and UTF-16 parts (rare) are transcoded first.
    if (encoding === "utf-8-bom") raw = raw.subarray(3);
    else if (encoding !== "utf-8") raw = encoder.encode(decodePart(raw).text);
    const index = withPart(mainPart, () => scanBody(raw, pkg.limits.maxXmlDepth));
    const last = index.blocks[index.blocks.length - 1];
    const suffixStart = last ? last.end : index.bodySelfClosing ? index.contentStart - 2 : index.contentStart;
    const blocks: Block[] = index.blocks.map((facts) => ({ facts, id: "", tree: null }));
    const rootName = new TextDecoder().decode(raw.subarray(index.rootTagStart + 1, index.rootTagEnd)).split(/[\s/>]/)[0];
    const root = {
      name: rootName,
      attributes: index.rootAttributes,
      tagStart: index.rootTagStart,
      tagEnd: index.rootTagEnd,
      changed: false,
    };
    return new WordDocument(
      pkg,
      mainPart,
      raw,
      encoding,
      index.contentStart,
      suffixStart,
      index.bodySelfClosing,
      blocks,
      index.prefixes,
      root,
      index.nestedIds,
    );
  }

  /** Every block list: the body, headers and footers, notes and comments, in a fixed order. */
  storyLists(): BlockList[] {
    return [
      this.body,
      ...this.headersFooters.map((h) => h.blocks),
      ...[this.footnotes, this.endnotes, this.comments].flatMap((notes) => notes.map((n) => n.blocks)),
    ];
  }

  /**
   * About how many bytes this open document holds (heap and buffers), for the session cache's budget: the opened file
   * (entries are views of it), the inflated main part, one fact record per body block, parsed trees, rewritten parts.
   * The constants are measured (`npm run bench` prints this estimate next to the measured live memory).
   */
  memoryBytes(): number {
    let treeSource = this.parts.loadedBytes();
    for (const block of this.body.blocks) if (block.tree) treeSource += block.facts.end - block.facts.start || NEW_BLOCK_BYTES;
    return (
      this.pkg.sourceBytes +
      this.bodyBytes.length +
      this.body.blocks.length * BLOCK_FACTS_BYTES +
      treeSource * TREE_BYTES_PER_XML_BYTE +
      this.pkg.replacedBytes()
    );
  }

  /** The first part related to the main part by a relationship type ending in `type` (e.g. "styles"), or null. */
  relatedPartName(type: string): string | null {
    const rel = this.pkg.relationships(this.mainPart).find((r) => relTypeIs(r.type, type) && r.partName && this.pkg.has(r.partName));
    return rel?.partName ? this.pkg.resolveName(rel.partName)! : null;
  }

  /**
   * Adds a relationship from `source` ("" for the package) and returns its id. `type` is a full URI or the last
   * segment of an officeDocument relationship type ("image", "hyperlink", "comments", "numbering", "header", ...).
   */
  addRelationship(source: string, type: string, target: string, options: { external?: boolean } = {}): string {
    const relsName = relationshipsPartName(source);
    if (!this.parts.has(relsName))
      this.parts.write(relsName, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIP_NS}"/>`);
    const rels = this.parts.xml(relsName).doc.root;
    const taken = new Set(childElements(rels).map((r) => getAttribute(r, "Id")));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const attributes = [
      { name: "Id", value: `rId${n}` },
      { name: "Type", value: type.includes("://") ? type : OFFICE_REL + type },
      { name: "Target", value: target },
    ];
    if (options.external) attributes.push({ name: "TargetMode", value: "External" });
    rels.children.push(element("Relationship", attributes));
    rels.selfClosing = false;
    this.parts.changed(relsName);
    return `rId${n}`;
  }

  /** Declares a part's content type (an Override in [Content_Types].xml, §10.1.2.2.3) unless it already has it. */
  ensureContentType(partName: string, contentType: string): void {
    const name = "/" + partName.replace(/^\//, "");
    if (this.pkg.contentTypes()?.of(name) === contentType) return;
    const root = this.parts.xml(CONTENT_TYPES_PART).doc.root;
    root.children = root.children.filter(
      (c) =>
        !(c.type === "element" && localName(c.name) === "Override" && getAttribute(c, "PartName")?.toLowerCase() === name.toLowerCase()),
    );
    root.children.push(
      element("Override", [
        { name: "PartName", value: name },
        { name: "ContentType", value: contentType },
      ]),
    );
    root.selfClosing = false;
    this.parts.changed(CONTENT_TYPES_PART);
  }

  /** Declares the content type of every part with this extension (a Default, e.g. png → image/png) unless declared. */
  ensureDefaultContentType(extension: string, contentType: string): void {
    const root = this.parts.xml(CONTENT_TYPES_PART).doc.root;
    const ext = extension.toLowerCase();
    if (childElements(root).some((c) => localName(c.name) === "Default" && getAttribute(c, "Extension")?.toLowerCase() === ext)) return;
    root.children.unshift(
      element("Default", [
        { name: "Extension", value: ext },
        { name: "ContentType", value: contentType },
      ]),
    );
    root.selfClosing = false;
    this.parts.changed(CONTENT_TYPES_PART);
  }

  /** Rebuilds what is derived from a part after it changed: the style sheet, or the stories held as trees. */
  private partChanged(name: string): void {
    if (name === this.relatedPartName("styles")) this.styleSheet = null;
    if (this.storyParts.has(name) || name === relationshipsPartName(this.mainPart) || this.isStoryPart(name)) {
      this.reloadStories();
    }
  }

  private isStoryPart(name: string): boolean {
    return ["footnotes", "endnotes", "comments"].some((t) => this.relatedPartName(t) === name);
  }

  /**
   * Re-reads headers, footers, notes and comments (after their parts, the main relationships or section references
   * changed), keeping block ids: stored ids are claimed again and derived ids come out the same for unchanged blocks.
   */
  reloadStories(): void {
    if (!this.journal) return; // still opening
    for (const [name, lists] of this.storyParts) if (lists.some((l) => l.changed)) this.parts.markEdited(name);
    for (const list of this.storyLists().slice(1)) for (const b of list.blocks) this.ids.release(b.id);
    this.headersFooters.length = 0;
    this.footnotes.length = 0;
    this.endnotes.length = 0;
    this.comments.length = 0;
    this.storyParts.clear();
    this.loadStories();
    assignIds(this.storyLists().slice(1), this.ids, []);
  }

  private storyPart(name: string, list: BlockList): void {
    const lists = this.storyParts.get(name) ?? [];
    lists.push(list);
    this.storyParts.set(name, lists);
  }

  private loadStories(): void {
    const rels = this.pkg.relationships(this.mainPart);
    const relById = new Map(rels.map((r) => [r.id, r]));
    const byPart = new Map<string, HeaderFooter>();
    const sections = this.sections();
    const w = this.prefixes.w;
    for (const section of sections) {
      for (const kind of ["header", "footer"] as const) {
        for (const ref of section.properties ? childElements(section.properties, `${w}${kind}Reference`) : []) {
          const rel = relById.get(getAttribute(ref, this.prefixes.r + "id") ?? "");
          if (!rel?.partName || !this.pkg.has(rel.partName)) continue;
          let hf = byPart.get(rel.partName);
          if (!hf) {
            const root = this.parts.xml(rel.partName).doc.root;
            const blocks = storyBlocks(rel.partName, kind, root, prefixesFrom(root.attributes));
            this.storyPart(rel.partName, blocks);
            hf = { kind, part: rel.partName, types: [], sections: [], blocks };
            byPart.set(rel.partName, hf);
            this.headersFooters.push(hf);
          }
          const type = getAttribute(ref, w + "type") ?? "default";
          if (!hf.types.includes(type)) hf.types.push(type);
          if (!hf.sections.includes(section.index)) hf.sections.push(section.index);
        }
      }
    }
    const notes: [string, "footnote" | "endnote" | "comment", Note[]][] = [
      ["footnotes", "footnote", this.footnotes],
      ["endnotes", "endnote", this.endnotes],
      ["comments", "comment", this.comments],
    ];
    for (const [relType, noteName, target] of notes) {
      const rel = rels.find((r) => relTypeIs(r.type, relType) && r.partName && this.pkg.has(r.partName));
      if (!rel?.partName) continue;
      const part = this.parts.xml(rel.partName);
      for (const note of readNotes(rel.partName, part, noteName)) {
        target.push(note);
        this.storyPart(rel.partName, note.blocks);
      }
    }
  }

  /** Sections in order (§17.6.17): each ends at a paragraph carrying w:sectPr, the last at the body's own w:sectPr. */
  sections(): Section[] {
    const out: Section[] = [];
    const blocks = this.body.blocks;
    const w = this.prefixes.w;
    let first = 0;
    for (let i = 0; i < blocks.length; i++) {
      const f = blocks[i].facts;
      if (f.kind === "paragraph" && f.sectionBreak) {
        const pPr = firstChild(this.body.element(i), w + "pPr");
        out.push({ index: out.length, firstBlock: first, lastBlock: i, properties: (pPr && firstChild(pPr, w + "sectPr")) ?? null });
        first = i + 1;
      } else if (f.kind === "sectPr") {
        out.push({ index: out.length, firstBlock: first, lastBlock: i, properties: this.body.element(i) });
        first = i + 1;
      }
    }
    if (first < blocks.length || out.length === 0)
      out.push({ index: out.length, firstBlock: first, lastBlock: blocks.length - 1, properties: null });
    return out;
  }

  /** Core document properties (docProps/core.xml, Part 2 §11) by local name: title, creator, created, ... */
  coreProperties(): Record<string, string> {
    const rel = this.pkg.relationships("").find((r) => relTypeIs(r.type, "core-properties") && r.partName && this.pkg.has(r.partName));
    if (!rel?.partName) return {};
    const out: Record<string, string> = {};
    for (const el of childElements(this.pkg.readXml(rel.partName).doc.root)) {
      out[localName(el.name)] = el.children.map((c) => (c.type === "text" || c.type === "cdata" ? c.text : "")).join("");
    }
    return out;
  }

  /** Writes the package. Untouched parts are copied compressed; the body is re-deflated only if a block changed, from original spans plus re-serialised blocks. */
  save(): Uint8Array {
    return concat(this.saveChunks());
  }

  /** The saved package as chunks; untouched entries are views of the input (see DocxPackage.saveChunks). */
  saveChunks(): Uint8Array[] {
    return this.packageToSave().saveChunks();
  }

  /** The package with every edit written into it (the body from original spans plus re-serialised blocks, edited trees). */
  packageToSave(): DocxPackage {
    if (this.body.changed) this.pkg.writeBytes(this.mainPart, this.bodyChunks());
    for (const [name, lists] of this.storyParts) if (lists.some((l) => l.changed)) this.parts.markEdited(name);
    for (const [name, xml] of this.parts.changedTrees()) this.pkg.writeXml(name, xml);
    return this.pkg;
  }

  private bodyChunks(): Uint8Array[] {
    const src = this.bodyBytes;
    const chunks: Uint8Array[] = [];
    if (this.root.changed) {
      const tag = serializeNode({
        type: "element",
        name: this.root.name,
        attributes: this.root.attributes,
        children: [],
        selfClosing: true,
      });
      chunks.push(src.subarray(0, this.root.tagStart), encoder.encode(tag.slice(0, -2) + ">"));
    }
    const prefixFrom = this.root.changed ? this.root.tagEnd : 0;
    if (this.bodySelfClosing) {
      // `<w:body/>` becomes `<w:body>` ... `</w:body>` once it has content.
      chunks.push(src.subarray(prefixFrom, this.contentStart - 2), encoder.encode(">"));
    } else chunks.push(src.subarray(prefixFrom, this.contentStart));
    const list = this.body;
    // Consecutive untouched blocks are one contiguous span of the original, written as a single chunk.
    let spanStart = -1;
    let spanEnd = -1;
    const flush = () => {
      if (spanStart >= 0) chunks.push(src.subarray(spanStart, spanEnd));
      spanStart = -1;
    };
    for (let i = 0; i < list.length; i++) {
      const b = list.blocks[i];
      const from = b.facts.gapStart >= 0 ? b.facts.gapStart : b.facts.start;
      if (!b.tree && from === spanEnd && spanStart >= 0) {
        spanEnd = b.facts.end;
        continue;
      }
      flush();
      if (!b.tree) {
        spanStart = from;
        spanEnd = b.facts.end;
        continue;
      }
      const gap = list.gapBytes(i);
      if (gap) chunks.push(gap);
      chunks.push(encoder.encode(serializeNode(b.tree)));
    }
    flush();
    if (this.bodySelfClosing) chunks.push(encoder.encode(`</${this.prefixes.w}body>`), src.subarray(this.contentStart));
    else chunks.push(src.subarray(this.suffixStart));
    if (this.bodyEncoding === "utf-8") return chunks;
    const whole = new TextDecoder().decode(concat(chunks));
    return [encodePart(whole, this.bodyEncoding)];
  }

  /**
   * Prepares a node's top-level block for editing: keeps its tree, and stores the ids of the block and of `node`
   * in the elements so they survive the edit. Returns the block's tree; call `body/list.refresh(index)` after editing.
   */
  touchForEdit(list: BlockList, index: number): XmlElement {
    const tree = list.touch(index);
    this.storeId(list, tree, list.blocks[index].id);
    return tree;
  }

  /** The main part's root start-tag attributes (namespace declarations, mc:Ignorable), as a copy. */
  rootAttributes(): XmlAttribute[] {
    return structuredClone(this.root.attributes);
  }

  /**
   * Replaces the main part's root attributes (journaled as a root change); the namespace prefixes must stay the same.
   * Ids this document stored as dmcp:id stay bound: the dmcp declaration is kept when it is in use.
   */
  setRootAttributes(attributes: XmlAttribute[]): void {
    const next = structuredClone(attributes);
    if (this.prefixes.dmcp === "dmcp:") declareDmcp(next, { ...this.prefixes, dmcp: null });
    if (JSON.stringify(next) === JSON.stringify(this.root.attributes)) return;
    this.root.attributes.splice(0, this.root.attributes.length, ...next);
    this.root.changed = true;
  }

  /** Inserts a block before position `index` of a story, with `id` (a fresh one by default, a moved block keeps its own) stored in it; returns the id. */
  insertBlock(list: BlockList, index: number, el: XmlElement, id: string = this.ids.fresh()): string {
    this.pinFollowing(list, index);
    this.storeId(list, el, id);
    list.insert(index, el, id);
    return id;
  }

  /** Removes block `index` of a story. */
  removeBlock(list: BlockList, index: number): void {
    this.pinFollowing(list, index + 1);
    list.remove(index);
  }

  /** Stores the id of block `index`, which is about to get a new predecessor its derived id was chained on. */
  private pinFollowing(list: BlockList, index: number): void {
    if (index >= list.length) return;
    const b = list.blocks[index];
    if (b.facts.paraId || b.facts.dmcpId || b.facts.kind === "sectPr") return;
    this.touchForEdit(list, index);
    list.refresh(index);
  }

  /** Writes `id` into `el` (see id-materializer.ts), declaring the dmcp namespace on the part root when needed. */
  storeId(list: BlockList, el: XmlElement, id: string): void {
    if (list === this.body) {
      if (!list.prefixes.dmcp && materializeIdNeedsDmcp(el, id, list.prefixes)) {
        declareDmcp(this.root.attributes, list.prefixes);
        this.root.changed = true;
      }
    } else {
      if (this.parts.isLoaded(list.part) && !list.prefixes.dmcp && materializeIdNeedsDmcp(el, id, list.prefixes))
        declareDmcp(this.parts.xml(list.part).doc.root.attributes, list.prefixes);
    }
    materializeId(el, id, list.prefixes);
    list.changed = true;
  }
}

/** Whether storing `id` on `el` would need a dmcp:id (rather than an existing id or a w14:paraId). */
function materializeIdNeedsDmcp(el: XmlElement, id: string, prefixes: Prefixes): boolean {
  const w14 = prefixes.w14 ? prefixes.w14 + "paraId" : null;
  if (w14 && getAttribute(el, w14)) return false;
  if (w14 && (el.name === prefixes.w + "p" || el.name === prefixes.w + "tr") && /^[0-9A-Fa-f]{8}$/.test(id)) return false;
  return true;
}

/** Stored ids below a block element (its own id is claimed as the block's). */
function nestedStoredIds(block: XmlElement, prefixes: Prefixes): string[] {
  const out: string[] = [];
  const paraId = prefixes.w14 ? prefixes.w14 + "paraId" : null;
  const dmcpId = prefixes.dmcp ? prefixes.dmcp + "id" : null;
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.type !== "element") continue;
      if (paraId && (c.name === prefixes.w + "p" || c.name === prefixes.w + "tr")) {
        const v = getAttribute(c, paraId);
        if (v) out.push(v);
      }
      const d = dmcpId ? getAttribute(c, dmcpId) : undefined;
      if (d) out.push(d);
      walk(c);
    }
  };
  walk(block);
  return out;
}
