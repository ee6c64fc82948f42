/**
 * An ordered list of blocks (paragraphs, tables, SDTs, ...) in a story: the body, a header, a footnote, a comment.
 * A block is either still original bytes (untouched, written back verbatim) or a parsed tree (touched by an edit).
 */
import { parseFragment, type XmlElement } from "../xml/index.js";
import { factsFromElement } from "./block-facts.js";
import type { BlockFacts } from "./body-scanner.js";
import { fnv, type IdRegistry } from "./ids.js";
import type { Prefixes } from "./namespaces.js";
import { blockText } from "./text.js";

export interface Block {
  facts: BlockFacts;
  id: string;
  /** The parsed element once touched; null while the block is only bytes of `source`. */
  tree: XmlElement | null;
}

const utf8 = new TextDecoder();

export class BlockList {
  /** True once any block was replaced, inserted or removed. */
  changed = false;

  constructor(
    /** Part name and story label, e.g. "word/document.xml" and "body". */
    readonly part: string,
    readonly story: string,
    readonly prefixes: Prefixes,
    readonly blocks: Block[],
    private readonly source: Uint8Array | null,
    /** For stories held as a tree (headers, notes, comments): the element whose children the blocks are. */
    readonly parent: XmlElement | null = null,
  ) {}

  get length(): number {
    return this.blocks.length;
  }

  /** The block's element; untouched body blocks are parsed on each call and not kept, to bound memory. */
  element(index: number): XmlElement {
    const b = this.blocks[index];
    if (b.tree) return b.tree;
    const { start, end } = b.facts;
    const nodes = parseFragment(utf8.decode(this.source!.subarray(start, end)));
    return nodes.find((n): n is XmlElement => n.type === "element")!;
  }

  text(index: number): string {
    const f = this.blocks[index].facts;
    return f.previewComplete ? f.preview : blockText(this.element(index), this.prefixes.w);
  }

  /** Parses the block, keeps the tree, and returns it for in-place editing; call `refresh` after editing. */
  touch(index: number): XmlElement {
    const b = this.blocks[index];
    if (!b.tree) {
      b.tree = this.element(index);
      this.changed = true;
    }
    return b.tree;
  }

  /** Recomputes a touched block's facts after its tree was edited. */
  refresh(index: number): void {
    const b = this.blocks[index];
    if (!b.tree) return;
    const facts = factsFromElement(b.tree, this.prefixes);
    facts.gapStart = b.facts.gapStart;
    facts.start = b.facts.start;
    facts.end = b.facts.end;
    b.facts = facts;
    this.changed = true;
  }

  insert(index: number, el: XmlElement, id: string): void {
    if (this.parent) {
      const before = this.blocks[index]?.tree;
      const at = before ? this.parent.children.indexOf(before) : -1;
      this.parent.children.splice(at < 0 ? this.parent.children.length : at, 0, el);
    }
    this.blocks.splice(index, 0, { facts: factsFromElement(el, this.prefixes), id, tree: el });
    this.changed = true;
  }

  remove(index: number): void {
    const [removed] = this.blocks.splice(index, 1);
    if (this.parent && removed.tree) this.parent.children.splice(this.parent.children.indexOf(removed.tree), 1);
    this.changed = true;
  }

  /** Original bytes between the previous block and this one (whitespace, comments), kept when writing back. */
  gapBytes(index: number): Uint8Array | null {
    const f = this.blocks[index].facts;
    return this.source && f.gapStart >= 0 && f.start > f.gapStart ? this.source.subarray(f.gapStart, f.start) : null;
  }

  /** The block's original XML text, for blocks that came from the part's bytes (null for blocks created by edits). */
  originalText(block: Block): string | null {
    const { start, end } = block.facts;
    return this.source && end > start ? utf8.decode(this.source.subarray(start, end)) : null;
  }

  sourceBytes(index: number): Uint8Array | null {
    const b = this.blocks[index];
    return !b.tree && this.source ? this.source.subarray(b.facts.start, b.facts.end) : null;
  }
}

/**
 * Gives every block of every list its id, in document order: all stored ids are claimed first so that a derived id
 * never takes one, then the rest are derived, each chained on the id before it (see ids.ts). Called once per open,
 * over all stories in a fixed order.
 */
export function assignIds(lists: BlockList[], ids: IdRegistry, nestedIds: string[]): void {
  for (const list of lists) {
    for (const b of list.blocks) {
      const stored = b.facts.paraId ?? b.facts.dmcpId;
      b.id = stored && ids.claim(stored) ? stored : "";
    }
  }
  for (const id of nestedIds) ids.claimNested(id);
  for (const list of lists) {
    let previous = `${list.part}#${list.story}`;
    for (const b of list.blocks) {
      if (!b.id) {
        const f = b.facts;
        b.id = ids.derive(fnv(f.preview, fnv(f.styleId ?? "", fnv(f.kind, fnv(previous)))));
      }
      previous = b.id;
    }
  }
}
