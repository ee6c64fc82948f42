/**
 * One pass over document.xml bytes that finds the top-level children of w:body (ECMA-376 Part 1, §17.2.2)
 * and the few facts summaries and heading queries need, without building a tree.
 */
import { DocxError } from "../errors.js";
import { decodeEntities, parseFragment, type XmlElement } from "../xml/index.js";
import { prefixesFrom, type Prefixes } from "./namespaces.js";

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
  /** Leading text, at most PREVIEW_CHARS characters; `previewComplete` says whether it is the whole text. */
  preview: string;
  previewComplete: boolean;
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
const LT = 60, GT = 62, SLASH = 47, QUOTE = 34, APOS = 39;
const latin = new TextDecoder("utf-8");

/** Interns element names by a rolling hash of their bytes, so the scan allocates no string per tag. */
class NameTable {
  private readonly map = new Map<number, string>();
  get(bytes: Uint8Array, start: number, end: number): string {
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + bytes[i]) | 0;
    let name = this.map.get(h);
    if (name === undefined || name.length !== end - start) {
      name = latin.decode(bytes.subarray(start, end));
      this.map.set(h, name);
    }
    return name;
  }
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Finds the '>' that closes the tag starting at `p`, skipping quoted attribute values. */
function tagEnd(bytes: Uint8Array, p: number): number {
  const n = bytes.length;
  while (p < n) {
    const c = bytes[p];
    if (c === GT) return p;
    if (c === QUOTE || c === APOS) {
      const close = bytes.indexOf(c, p + 1);
      if (close < 0) return -1;
      p = close + 1;
    } else p++;
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
    return decodeEntities(latin.decode(bytes.subarray(q + 1, close)), q + 1);
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
  throw new DocxError({ kind: "xml_forbidden", message: "The XML contains a DOCTYPE or entity declaration; these are refused to prevent XXE and entity-expansion attacks." });
}

/** Scans a whole main document part. `maxDepth` bounds nesting as the tree parser does. */
export function scanBody(bytes: Uint8Array, maxDepth = 512): BodyIndex {
  const names = new NameTable();
  const stack: string[] = [];
  let depth = 0;
  let prefixes: Prefixes | null = null;
  let rootAttributes: { name: string; value: string }[] = [];
  let P = "", PPR = "", PSTYLE = "", OUTLINE = "", NUMPR = "", SECTPR = "", T = "", TAB = "", BR = "", CR = "", R = "", TBL = "", TR = "", TBLPR = "", TBLSTYLE = "", SDT = "", BODY = "", TXBX = "";
  let W14_PARAID = "", DMCP_ID = "", VAL = "";
  let contentStart = -1, contentEnd = -1, bodySelfClosing = false, rootTagStart = -1, rootTagEnd = -1;
  const blocks: BlockFacts[] = [];
  const nestedIds: string[] = [];
  let block: BlockFacts | null = null;
  let gapStart = -1;
  let txbxDepth = 0;
  let preview = "";
  let previewFull = false;
  const addText = (s: string) => {
    if (previewFull) return;
    if (preview.length + s.length > PREVIEW_CHARS) {
      preview += s.slice(0, PREVIEW_CHARS - preview.length);
      previewFull = true;
    } else preview += s;
  };
  const n = bytes.length;
  let i = 0;
  for (;;) {
    const lt = bytes.indexOf(LT, i);
    if (lt < 0) break;
    const c1 = bytes[lt + 1];
    if (c1 === 63 || c1 === 33) {
      i = skipSpecial(bytes, lt);
      continue;
    }
    if (c1 === SLASH) {
      const gt = bytes.indexOf(GT, lt);
      if (gt < 0) throw malformed(lt, "unterminated end tag");
      depth--;
      if (depth < 0) throw malformed(lt, "end tag without a start tag");
      const name = stack[depth];
      let e = lt + 2;
      while (e < gt && !isNameEnd(bytes[e])) e++;
      if (names.get(bytes, lt + 2, e) !== name) throw malformed(lt, `end tag </${names.get(bytes, lt + 2, e)}> does not match <${name}>`);
      if (block) {
        if (name === P && depth > 2 && preview.length > 0 && !previewFull) addText(" ");
        if (name === TXBX) txbxDepth--;
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
    let p = lt + 1;
    while (p < n && !isNameEnd(bytes[p])) p++;
    const name = names.get(bytes, lt + 1, p);
    const gt = tagEnd(bytes, p);
    if (gt < 0) throw malformed(lt, `unterminated start tag <${name}>`);
    const selfClosing = bytes[gt - 1] === SLASH;
    if (depth === 0) {
      rootAttributes = parseRootAttributes(bytes, lt, gt + 1);
      rootTagStart = lt;
      rootTagEnd = gt + 1;
      prefixes = prefixesFrom(rootAttributes);
      const w = prefixes.w;
      [P, PPR, PSTYLE, OUTLINE, NUMPR, SECTPR, T, TAB, BR, CR, R, TBL, TR, TBLPR, TBLSTYLE, SDT, BODY, TXBX] = ["p", "pPr", "pStyle", "outlineLvl", "numPr", "sectPr", "t", "tab", "br", "cr", "r", "tbl", "tr", "tblPr", "tblStyle", "sdt", "body", "txbxContent"].map((l) => w + l);
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
      block = newBlock(name, gapStart, lt);
      preview = "";
      previewFull = false;
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
      if ((name === P || name === TR) && W14_PARAID !== "\u0000") {
        const id = tagAttribute(bytes, lt, gt, W14_PARAID);
        if (id) nestedIds.push(id);
      }
      if (DMCP_ID !== "\u0000") {
        const id = tagAttribute(bytes, lt, gt, DMCP_ID);
        if (id) nestedIds.push(id);
      }
      if (name === T) {
        if (!selfClosing && txbxDepth === 0 && !previewFull) {
          const next = bytes.indexOf(LT, gt + 1);
          if (next > gt + 1) addText(decodeEntities(latin.decode(bytes.subarray(gt + 1, next)), gt + 1));
        }
      } else if (parent === R && txbxDepth === 0) {
        if (name === TAB) addText("\t");
        else if (name === BR || name === CR) addText("\n");
      } else if (name === TXBX) {
        if (!selfClosing) txbxDepth++;
      } else if (depth === 4 && parent === PPR && block.kind === "paragraph") {
        if (name === PSTYLE) block.styleId = tagAttribute(bytes, lt, gt, VAL);
        else if (name === OUTLINE) block.outlineLevel = Number(tagAttribute(bytes, lt, gt, VAL));
        else if (name === NUMPR) block.numbered = true;
        else if (name === SECTPR) block.sectionBreak = true;
      } else if (block.kind === "table") {
        if (depth === 3 && name === TR) block.rows++;
        else if (depth === 4 && parent === TBLPR && name === TBLSTYLE) block.styleId = tagAttribute(bytes, lt, gt, VAL);
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
      if (depth >= maxDepth) throw new DocxError({ kind: "xml_too_deep", limit: maxDepth, message: `The XML nests elements more than ${maxDepth} deep; refusing it.` });
      stack[depth] = name;
      depth++;
    }
    i = gt + 1;
  }
  if (depth !== 0) throw malformed(n, `the document ends inside <${stack[depth - 1]}>: it is truncated`);
  if (!prefixes || contentStart < 0) throw new DocxError({ kind: "missing_part", part: "w:body", message: "The main document part has no w:body element." });
  return { prefixes, rootAttributes, rootTagStart, rootTagEnd, contentStart, contentEnd, bodySelfClosing, blocks, nestedIds };

  function finishBlock(b: BlockFacts): void {
    b.preview = preview;
    b.previewComplete = !previewFull;
    blocks.push(b);
  }
}

function newBlock(name: string, gapStart: number, start: number): BlockFacts {
  return { kind: "other", name, gapStart, start, end: -1, paraId: null, dmcpId: null, styleId: null, outlineLevel: null, numbered: false, sectionBreak: false, rows: 0, preview: "", previewComplete: true };
}

function parseRootAttributes(bytes: Uint8Array, start: number, end: number): { name: string; value: string }[] {
  let tag = latin.decode(bytes.subarray(start, end));
  if (!tag.endsWith("/>")) tag = tag.slice(0, -1) + "/>";
  const el = parseFragment(tag)[0] as XmlElement;
  return el.attributes;
}
