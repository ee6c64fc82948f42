/**
 * One pass over document.xml bytes that finds the top-level children of w:body (ECMA-376 Part 1, §17.2.2)
 * and the few facts summaries and heading queries need, without building a tree.
 */
import { DocxError } from "../errors.js";
import { decodeEntities, parseFragment, type XmlElement } from "../xml/index.js";
import { type Prefixes, prefixesFrom } from "./namespaces.js";

export type BlockKind = "paragraph" | "table" | "sdt" | "sectPr" | "other";

export interface BlockFacts {
  kind: BlockKind;
  /** Qualified element name, e.g. "w:p". */
  name: string;
  /** Byte range of the element, and where the whitespace/comments before it begin. */
  gapStart: number;
  start: number;
  end: number;
  paraId: string | null;
  dmcpId: string | null;
  styleId: string | null;
  /** Direct w:outlineLvl (0-based) from the paragraph's own properties. */
  outlineLevel: number | null;
  numbered: boolean;
  /** The paragraph carries a w:sectPr: the section ends here. */
  sectionBreak: boolean;
  rows: number;
  /** Ids of comments whose range starts in this block (w:commentRangeStart), or null. */
  commentStarts: string[] | null;
  /** Leading text, at most PREVIEW_CHARS characters; `previewComplete` says whether it is exactly the block's text. */
  preview: string;
  previewComplete: boolean;
  /** What the block holds besides text ("image", "equation", "field", "note reference", "text box"), or null. */
  atoms: string[] | null;
}

/** Elements that are content without being text, by local name, as readers name them. */
export const ATOM_LABELS: Record<string, string> = {
  drawing: "image",
  pict: "image",
  object: "image",
  oMath: "equation",
  fldChar: "field",
  fldSimple: "field",
  footnoteReference: "note reference",
  endnoteReference: "note reference",
  txbxContent: "text box",
};

/** Adds `label` to the block's atoms once. */
export function addAtom(facts: BlockFacts, label: string): void {
  if (!facts.atoms) facts.atoms = [label];
  else if (!facts.atoms.includes(label)) facts.atoms.push(label);
}

export interface BodyIndex {
  prefixes: Prefixes;
  rootAttributes: { name: string; value: string }[];
  /** Byte range of the root start tag, rewritten when a namespace must be declared. */
  rootTagStart: number;
  rootTagEnd: number;
  /** Offset right after the w:body start tag (content start) and of the w:body end tag. */
  contentStart: number;
  contentEnd: number;
  bodySelfClosing: boolean;
  blocks: BlockFacts[];
  /** Stored ids (w14:paraId on nested paragraphs and rows, dmcp:id anywhere) found inside blocks. */
  nestedIds: string[];
}

export const PREVIEW_CHARS = 120;
const LT = 60,
  GT = 62,
  SLASH = 47,
  QUOTE = 34,
  APOS = 39;
const utf8 = new TextDecoder("utf-8");
const nameEncoder = new TextEncoder();

/**
 * Decodes short byte ranges without allocating a view per call: the bytes are copied into one scratch buffer and
 * decoded through a view of it kept per length. A scan decodes a few short strings per block, and a view costs more
 * heap than the string it yields.
 */
class ShortDecoder {
  private readonly scratch: Uint8Array;
  private readonly views: Uint8Array[] = [];
  constructor(readonly room: number) {
    this.scratch = new Uint8Array(room);
  }

  /** The scratch buffer, for a caller that fills it itself before calling decodeScratch. */
  get buffer(): Uint8Array {
    return this.scratch;
  }

  decode(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length > this.room) return utf8.decode(bytes.subarray(start, end));
    for (let i = 0; i < length; i++) this.scratch[i] = bytes[start + i];
    return this.decodeScratch(length);
  }

  decodeScratch(length: number): string {
    let view = this.views[length];
    if (view === undefined) {
      view = this.scratch.subarray(0, length);
      this.views[length] = view;
    }
    return utf8.decode(view);
  }
}
/** For attribute values (ids, style ids): longer ones are rare and decoded directly. */
const attributeDecoder = new ShortDecoder(64);

/** Name hashes stay within 30 bits, a V8 small integer: a larger one passed to NameTable.add deoptimized the scan. */
const NAME_HASH_MASK = 0x3fffffff;

/**
 * Interns element names as small integer codes, keyed by a rolling hash of their bytes in a fixed table, so the scan
 * allocates no string per tag and compares names as integers. A hit is confirmed byte by byte: the hash is easy to
 * collide on purpose (`vYp` and `w:p` share it), and an element taken for another would be edited as one.
 */
class NameTable {
  private readonly hashes = new Int32Array(4096);
  private readonly codes = new Int32Array(4096).fill(-1);
  private readonly names: string[] = [];
  /** Each name's UTF-8 bytes, by code. */
  private readonly nameBytes: Uint8Array[] = [];
  private readonly codeOf = new Map<string, number>();
  /** End of the name last read. */
  end = 0;

  read(bytes: Uint8Array, start: number): number {
    let h = 0;
    let p = start;
    const n = bytes.length;
    while (p < n) {
      const c = bytes[p];
      // Letters (above '>') first: one comparison for most bytes of a name.
      if (c <= 62 && (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13)) break;
      h = (Math.imul(h, 31) + c) & NAME_HASH_MASK;
      p++;
    }
    this.end = p;
    const slot = h & 4095;
    const code = this.codes[slot];
    if (code >= 0 && this.hashes[slot] === h) {
      const known = this.nameBytes[code];
      if (known.length === p - start) {
        let k = 0;
        while (k < known.length && known[k] === bytes[start + k]) k++;
        if (k === known.length) return code;
      }
    }
    return this.add(utf8.decode(bytes.subarray(start, p)), h, slot);
  }

  /** The code of a name given as a string (ASCII names only, as element names in WordprocessingML are). */
  intern(name: string): number {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) & NAME_HASH_MASK;
    const slot = h & 4095;
    const code = this.codes[slot];
    if (code >= 0 && this.hashes[slot] === h && this.names[code] === name) return code;
    return this.add(name, h, slot);
  }

  name(code: number): string {
    return this.names[code];
  }

  private add(name: string, h: number, slot: number): number {
    // A Map, not a search of `names`: a hostile part may hold hundreds of thousands of distinct names.
    let code = this.codeOf.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names[code] = name;
      this.codeOf.set(name, code);
      this.nameBytes[code] = nameEncoder.encode(name);
    }
    this.hashes[slot] = h;
    this.codes[slot] = code;
    return code;
  }
}

/** Whether the end tag name at `at` repeats the start tag name at `start` (both `length` bytes). */
function sameName(bytes: Uint8Array, at: number, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[at + k] !== bytes[start + k]) return false;
  const c = bytes[at + length];
  return c === 62 || c === 32 || c === 9 || c === 10 || c === 13;
}

/** Finds the '>' that closes the tag starting at `p`, skipping quoted attribute values. */
function tagEnd(bytes: Uint8Array, p: number): number {
  const n = bytes.length;
  while (p < n) {
    const c = bytes[p];
    if (c > GT) {
      p++; // a letter of an attribute name
      continue;
    }
    if (c === GT) return p;
    if (c === QUOTE || c === APOS) {
      // A loop, not indexOf: attribute values are mostly a few bytes (w:val="24"), shorter than a builtin call costs.
      p++;
      while (p < n && bytes[p] !== c) p++;
      if (p >= n) return -1;
    }
    p++;
  }
  return -1;
}

/** Reads attribute `name` (e.g. "w:val") from the tag bytes in [start, end). */
export function tagAttribute(bytes: Uint8Array, start: number, end: number, name: string): string | null {
  const first = name.charCodeAt(0);
  outer: for (let i = start; i < end - name.length - 2; i++) {
    if (bytes[i] !== first) continue;
    const before = bytes[i - 1];
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    for (let k = 1; k < name.length; k++) if (bytes[i + k] !== name.charCodeAt(k)) continue outer;
    let q = i + name.length;
    while (bytes[q] === 32) q++;
    if (bytes[q] !== 61) continue;
    q++;
    while (bytes[q] === 32) q++;
    const quote = bytes[q];
    if (quote !== QUOTE && quote !== APOS) return null;
    const close = bytes.indexOf(quote, q + 1);
    return decodeEntities(attributeDecoder.decode(bytes, q + 1, close), q + 1);
  }
  return null;
}

function malformed(offset: number, message: string): DocxError {
  return new DocxError({ kind: "xml_malformed", offset, message: `Malformed XML at offset ${offset}: ${message}` });
}

function skipSpecial(bytes: Uint8Array, lt: number): number {
  const c1 = bytes[lt + 1];
  if (c1 === 63) {
    for (let p = lt + 2; p < bytes.length - 1; p++) if (bytes[p] === 63 && bytes[p + 1] === GT) return p + 2;
    throw malformed(lt, "unterminated processing instruction");
  }
  if (bytes[lt + 2] === 45 && bytes[lt + 3] === 45) {
    for (let p = lt + 4; p < bytes.length - 2; p++) if (bytes[p] === 45 && bytes[p + 1] === 45 && bytes[p + 2] === GT) return p + 3;
    throw malformed(lt, "unterminated comment");
  }
  if (bytes[lt + 2] === 91 /* [ */) {
    for (let p = lt + 9; p < bytes.length - 2; p++) if (bytes[p] === 93 && bytes[p + 1] === 93 && bytes[p + 2] === GT) return p + 3;
    throw malformed(lt, "unterminated CDATA section");
  }
  throw new DocxError({
    kind: "xml_forbidden",
    message: "The XML contains a DOCTYPE or entity declaration; these are refused to prevent XXE and entity-expansion attacks.",
  });
}

/** Scans a whole main document part. `maxDepth` bounds nesting as the tree parser does. */
export function scanBody(bytes: Uint8Array, maxDepth = 512): BodyIndex {
  const names = new NameTable();
  const stack = new Int32Array(maxDepth + 1);
  const nameStarts = new Int32Array(maxDepth + 1);
  let depth = 0;
  let prefixes: Prefixes | null = null;
  let rootAttributes: { name: string; value: string }[] = [];
  let P = -1,
    PPR = -1,
    PSTYLE = -1,
    OUTLINE = -1,
    NUMPR = -1,
    SECTPR = -1,
    T = -1,
    TAB = -1,
    BR = -1,
    CR = -1,
    R = -1,
    TBL = -1,
    TR = -1,
    TBLPR = -1,
    TBLSTYLE = -1,
    SDT = -1,
    BODY = -1,
    TXBX = -1,
    MOVE_FROM = -1,
    COMMENT_START = -1,
    ID = -1;
  // Labels of atom elements (ATOM_LABELS) by interned name code: an array lookup per tag, not a Map probe; math is in
  // its own namespace, written m: in practice.
  let atomByCode: (string | undefined)[] = [];
  let W14_PARAID = "",
    DMCP_ID = "",
    VAL = "";
  let contentStart = -1,
    contentEnd = -1,
    bodySelfClosing = false,
    rootTagStart = -1,
    rootTagEnd = -1;
  const blocks: BlockFacts[] = [];
  const nestedIds: string[] = [];
  let block: BlockFacts | null = null;
  let gapStart = -1;
  let txbxDepth = 0;
  const preview = new PreviewBuilder();
  // Style ids repeat across thousands of blocks: each block refers to one shared string.
  const styleIds = new Map<string, string>();
  const styleId = (id: string | null): string | null => {
    if (id === null) return null;
    const known = styleIds.get(id);
    if (known !== undefined) return known;
    styleIds.set(id, id);
    return id;
  };
  const n = bytes.length;
  let i = 0;
  for (;;) {
    // Most tags follow the previous one directly; text between them is searched with indexOf after a few bytes.
    let lt = i;
    const near = Math.min(n, i + 8);
    while (lt < near && bytes[lt] !== LT) lt++;
    if (lt === near) lt = bytes.indexOf(LT, lt);
    if (lt < 0 || lt >= n) break;
    const c1 = bytes[lt + 1];
    if (c1 === 63 || c1 === 33) {
      i = skipSpecial(bytes, lt);
      continue;
    }
    if (c1 === SLASH) {
      depth--;
      if (depth < 0) throw malformed(lt, "end tag without a start tag");
      const name = stack[depth];
      const nameLength = names.name(name).length;
      if (!sameName(bytes, lt + 2, nameStarts[depth], nameLength)) {
        if (bytes.indexOf(GT, lt) < 0) throw malformed(lt, "unterminated end tag");
        throw malformed(lt, `end tag </${names.name(names.read(bytes, lt + 2))}> does not match <${names.name(name)}>`);
      }
      // The name matched and is followed by '>' or white space: the '>' is right there or after the spaces.
      let gt = lt + 2 + nameLength;
      while (gt < n && bytes[gt] !== GT) gt++;
      if (gt >= n) throw malformed(lt, "unterminated end tag");
      if (block) {
        if (name === P && depth > 2 && txbxDepth === 0) preview.separate();
        // Text boxes are their own stories and moved-away text is not there any more: neither is in the preview.
        if (name === TXBX || name === MOVE_FROM) txbxDepth--;
        if (depth === 2) {
          block.end = gt + 1;
          finishBlock(block);
          block = null;
          gapStart = gt + 1;
        }
      } else if (depth === 1 && name === BODY && contentEnd < 0) {
        contentEnd = lt;
      }
      i = gt + 1;
      continue;
    }
    const name = names.read(bytes, lt + 1);
    const p = names.end;
    let textEnd = -1;
    const gt = tagEnd(bytes, p);
    if (gt < 0) throw malformed(lt, `unterminated start tag <${names.name(name)}>`);
    const selfClosing = bytes[gt - 1] === SLASH;
    if (depth === 0) {
      rootAttributes = parseRootAttributes(bytes, lt, gt + 1);
      rootTagStart = lt;
      rootTagEnd = gt + 1;
      prefixes = prefixesFrom(rootAttributes);
      const w = prefixes.w;
      // One assignment each, not a destructured array: this runs inside the scan loop, and V8 deoptimized the whole
      // loop on the array iterator's map at the start of a later scan.
      const code = (local: string) => names.intern(w + local);
      P = code("p");
      PPR = code("pPr");
      PSTYLE = code("pStyle");
      OUTLINE = code("outlineLvl");
      NUMPR = code("numPr");
      SECTPR = code("sectPr");
      T = code("t");
      TAB = code("tab");
      BR = code("br");
      CR = code("cr");
      R = code("r");
      TBL = code("tbl");
      TR = code("tr");
      TBLPR = code("tblPr");
      TBLSTYLE = code("tblStyle");
      SDT = code("sdt");
      BODY = code("body");
      TXBX = code("txbxContent");
      COMMENT_START = code("commentRangeStart");
      MOVE_FROM = names.intern(w + "moveFrom");
      atomByCode = [];
      for (const [local, label] of Object.entries(ATOM_LABELS)) atomByCode[names.intern((local === "oMath" ? "m:" : w) + local)] = label;
      ID = names.intern(w + "id");
      W14_PARAID = prefixes.w14 ? prefixes.w14 + "paraId" : "\u0000";
      DMCP_ID = prefixes.dmcp ? prefixes.dmcp + "id" : "\u0000";
      VAL = w + "val";
    } else if (depth === 1 && name === BODY && contentStart < 0) {
      // Only the first w:body is the body; a malformed second one stays in the untouched suffix.
      contentStart = gt + 1;
      gapStart = contentStart;
      if (selfClosing) {
        bodySelfClosing = true;
        contentEnd = contentStart;
      }
    } else if (depth === 2 && contentStart >= 0 && contentEnd < 0) {
      block = newBlock(names.name(name), gapStart, lt);
      preview.reset();
      txbxDepth = 0;
      if (name === P) {
        block.kind = "paragraph";
        block.paraId = tagAttribute(bytes, lt, gt, W14_PARAID);
        block.dmcpId = tagAttribute(bytes, lt, gt, DMCP_ID);
      } else if (name === TBL) block.kind = "table";
      else if (name === SDT) block.kind = "sdt";
      else if (name === SECTPR) block.kind = "sectPr";
      if (block.kind !== "paragraph") block.dmcpId = tagAttribute(bytes, lt, gt, DMCP_ID);
    } else if (block) {
      const parent = stack[depth - 1];
      const atom = name < atomByCode.length ? atomByCode[name] : undefined;
      if (atom !== undefined) addAtom(block, atom);
      if ((name === P || name === TR) && W14_PARAID !== "\u0000") {
        const id = tagAttribute(bytes, lt, gt, W14_PARAID);
        if (id) nestedIds.push(id);
      }
      if (DMCP_ID !== "\u0000") {
        const id = tagAttribute(bytes, lt, gt, DMCP_ID);
        if (id) nestedIds.push(id);
      }
      if (name === T) {
        if (!selfClosing) {
          // The text runs to the next '<': found once, copied while the preview has room, and not scanned again.
          let next = gt + 1;
          while (next < n && bytes[next] !== LT) next++;
          if (next > gt + 1 && txbxDepth === 0 && !preview.full) preview.add(bytes, gt + 1, next);
          if (next < n) textEnd = next;
        }
      } else if (parent === R && txbxDepth === 0) {
        if (name === TAB) preview.add(TAB_BYTE, 0, 1);
        else if (name === BR || name === CR) preview.add(NEWLINE_BYTE, 0, 1);
      } else if (name === COMMENT_START) {
        const id = tagAttribute(bytes, lt, gt, names.name(ID));
        if (id !== null) {
          block.commentStarts ??= [];
          block.commentStarts.push(id);
        }
      } else if (name === TXBX || name === MOVE_FROM) {
        if (!selfClosing) txbxDepth++;
      } else if (depth === 4 && parent === PPR && block.kind === "paragraph") {
        if (name === PSTYLE) block.styleId = styleId(tagAttribute(bytes, lt, gt, VAL));
        else if (name === OUTLINE) block.outlineLevel = Number(tagAttribute(bytes, lt, gt, VAL));
        else if (name === NUMPR) block.numbered = true;
        else if (name === SECTPR) block.sectionBreak = true;
      } else if (block.kind === "table") {
        if (depth === 3 && name === TR) block.rows++;
        else if (depth === 4 && parent === TBLPR && name === TBLSTYLE) block.styleId = styleId(tagAttribute(bytes, lt, gt, VAL));
      }
    }
    if (selfClosing) {
      if (block && depth === 2) {
        block.end = gt + 1;
        finishBlock(block);
        block = null;
        gapStart = gt + 1;
      }
    } else {
      if (depth >= maxDepth)
        throw new DocxError({
          kind: "xml_too_deep",
          limit: maxDepth,
          message: `The XML nests elements more than ${maxDepth} deep; refusing it.`,
        });
      stack[depth] = name;
      nameStarts[depth] = lt + 1;
      depth++;
    }
    i = textEnd > gt ? textEnd : gt + 1;
  }
  if (depth !== 0) throw malformed(n, `the document ends inside <${names.name(stack[depth - 1])}>: it is truncated`);
  if (!prefixes || contentStart < 0)
    throw new DocxError({ kind: "missing_part", part: "w:body", message: "The main document part has no w:body element." });
  return { prefixes, rootAttributes, rootTagStart, rootTagEnd, contentStart, contentEnd, bodySelfClosing, blocks, nestedIds };

  function finishBlock(b: BlockFacts): void {
    const [text, complete] = preview.finish(b.start);
    b.preview = text;
    // Only a paragraph's preview is its exact text; tables and others separate cells differently from blockText.
    b.previewComplete = complete && b.kind === "paragraph";
    blocks.push(b);
  }
}

const TAB_BYTE = new Uint8Array([9]);
const NEWLINE_BYTE = new Uint8Array([10]);
/** Entities take up to 10 bytes per character: room for a full preview however its text is written. */
const PREVIEW_ROOM = PREVIEW_CHARS * 10 + 4;

/**
 * Collects a block's leading text as raw bytes in one scratch buffer and decodes it once, when the block ends: one
 * string per block, not one per run (a 2,400-page document has hundreds of thousands of runs).
 */
class PreviewBuilder {
  private readonly decoder = new ShortDecoder(PREVIEW_ROOM);
  private readonly scratch = this.decoder.buffer;
  private length = 0;
  /** UTF-16 units copied so far, an entity counting as one (an astral one decodes to two: the count only runs short). */
  private units = 0;
  private entities = false;
  private inEntity = false;
  /** Whether more text arrived than the preview keeps. */
  full = false;

  reset(): void {
    this.length = 0;
    this.units = 0;
    this.entities = false;
    this.inEntity = false;
    this.full = false;
  }

  /** A space after a nested paragraph, only after text. */
  separate(): void {
    if (this.length > 0 && !this.full) this.add(SPACE_BYTE, 0, 1);
  }

  add(bytes: Uint8Array, start: number, end: number): void {
    if (this.full) return;
    const scratch = this.scratch;
    let p = start;
    while (p < end) {
      const c = bytes[p];
      // Enough text: past PREVIEW_CHARS units, or out of room; only ever at a character start, outside an entity.
      if ((c & 0xc0) !== 0x80 && (this.length === PREVIEW_ROOM - 4 || (!this.inEntity && this.units > PREVIEW_CHARS))) {
        this.full = true;
        return;
      }
      if (c === 38) {
        this.entities = this.inEntity = true;
        this.units++;
      } else if (this.inEntity) {
        if (c === 59) this.inEntity = false;
      } else if ((c & 0xc0) !== 0x80) this.units += c >= 0xf0 ? 2 : 1;
      scratch[this.length++] = c;
      p++;
    }
  }

  /** The preview (at most PREVIEW_CHARS units) and whether it is the block's whole text; `at` locates entity errors. */
  finish(at: number): [string, boolean] {
    if (this.length === 0) return ["", !this.full];
    let raw = this.decoder.decodeScratch(this.length);
    if (this.full && this.entities) {
      // The copy may have stopped inside an entity: drop the unfinished reference.
      const amp = raw.lastIndexOf("&");
      if (amp >= 0 && raw.indexOf(";", amp) < 0) raw = raw.slice(0, amp);
    }
    const text = this.entities ? decodeEntities(raw, at) : raw;
    if (text.length <= PREVIEW_CHARS) return [text, !this.full];
    return [text.slice(0, PREVIEW_CHARS), false];
  }
}
const SPACE_BYTE = new Uint8Array([32]);

/**
 * The facts of one scanned block. A class, not an object literal: V8 tracks literals' allocation sites and, when it
 * decides to allocate their objects in old space, throws away the scanner's optimized code mid-document.
 */
class ScannedBlock implements BlockFacts {
  kind: BlockKind = "other";
  end = -1;
  paraId: string | null = null;
  dmcpId: string | null = null;
  styleId: string | null = null;
  outlineLevel: number | null = null;
  numbered = false;
  sectionBreak = false;
  rows = 0;
  commentStarts: string[] | null = null;
  preview = "";
  previewComplete = true;
  atoms: string[] | null = null;
  constructor(
    public name: string,
    public gapStart: number,
    public start: number,
  ) {}
}
// Each nullable field once with the other type it takes, before any scan: the first paragraph with a style, an outline
// level or a comment would otherwise change the field's type under optimized code and deoptimize the scan loop.
Object.assign(new ScannedBlock("", 0, 0), { paraId: "", dmcpId: "", styleId: "", outlineLevel: 0, commentStarts: [], atoms: [] });

function newBlock(name: string, gapStart: number, start: number): BlockFacts {
  return new ScannedBlock(name, gapStart, start);
}

function parseRootAttributes(bytes: Uint8Array, start: number, end: number): { name: string; value: string }[] {
  let tag = utf8.decode(bytes.subarray(start, end));
  if (!tag.endsWith("/>")) tag = tag.slice(0, -1) + "/>";
  const el = parseFragment(tag)[0] as XmlElement;
  return el.attributes;
}
