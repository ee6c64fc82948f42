/**
 * Document changes as data, for the write-ahead log. A change lists the body's block splices (what was
 * removed, what was inserted, at which block index) with the XML text of both sides, and for every other
 * part that changed (styles, numbering, comments, headers, relationships, media) a splice of its text
 * (see package-parts.ts), so it can be re-applied to rebuild a later state or reverted for undo without
 * re-running the edit. Its size is the size of what was edited, never of the document.
 *
 * Dirty blocks are found by comparing each parsed block's serialization with the one taken at the last
 * snapshot; untouched blocks are still bytes and are never serialized.
 */
import { DocxError } from "../errors.js";
import { parseFragment, serializeNode, type XmlAttribute, type XmlElement } from "../xml/index.js";
import { factsFromElement } from "./block-facts.js";
import type { Block, BlockList } from "./block-list.js";
import type { IdRegistry } from "./ids.js";
import type { PackageParts, PartChange } from "./package-parts.js";

/** Replace `removed.length` blocks at index `at` (in the list as it is when this splice applies) by `inserted`. */
export interface BlockSplice {
  at: number;
  removed: string[];
  inserted: string[];
  /**
   * Ids of the removed and inserted blocks, so a block put back by apply or revert gets its id even when the id is
   * derived (not written in its XML) and the block was never in this process (a cold reload). Older entries lack them.
   */
  removedIds?: string[];
  insertedIds?: string[];
}

export interface StoryChange {
  /** `part#story`, e.g. `word/document.xml#body` or `word/footnotes.xml#footnote:2`. */
  story: string;
  splices: BlockSplice[];
}

/** A JSON-serializable change between two states of a document. */
export interface DocumentChange {
  /** Block splices of the main part's body (older entries may also name tree-held stories). */
  stories: StoryChange[];
  /** Changes of other package parts, in the order they apply. */
  parts?: PartChange[];
  /** The main part's root start-tag attributes, when an edit declared a namespace there. */
  rootAttributes?: { before: XmlAttribute[]; after: XmlAttribute[] };
}

interface StorySnapshot {
  order: Block[];
  /** Serialization of every parsed block at snapshot time; blocks absent here were still original bytes. */
  text: Map<Block, string>;
}

export const storyKey = (list: BlockList) => `${list.part}#${list.story}`;

export class ChangeJournal {
  private readonly snapshots = new Map<BlockList, StorySnapshot>();
  private rootSnapshot: string;
  /**
   * Ids of blocks that left the story (removed, or replaced by an edit), by their XML text: a block restored by undo,
   * or by reverting a failed or dry-run edit, takes its id back, even a derived one that its text does not hold.
   */
  private readonly retired = new Map<string, string[]>();

  constructor(
    private readonly body: BlockList,
    private readonly root: { attributes: XmlAttribute[]; changed: boolean },
    private readonly ids: IdRegistry,
    private readonly parts: PackageParts,
    private readonly hooks: {
      /** Whether a tree-held story part may have been edited block by block since the last take. */
      maybeChanged: (part: string) => boolean;
      /** Called after applying or reverting a change that may move section or header/footer references. */
      sectionsChanged: () => void;
    },
  ) {
    this.snapshots.set(body, snapshotOf(body));
    this.rootSnapshot = JSON.stringify(root.attributes);
  }

  /** The change since the last take (or open), or null when nothing changed; starts a new change. */
  take(): DocumentChange | null {
    const stories: StoryChange[] = [];
    const list = this.body;
    const before = this.snapshots.get(list)!;
    const now = snapshotOf(list);
    const inPlace = sameOrder(before.order, now.order);
    const { splices, removed } = diffStory(list, before, now, inPlace);
    if (splices.length) {
      stories.push({ story: storyKey(list), splices });
      // A block that left or changed is in a splice's removed range (the others are kept), so only those are looked
      // at: an untouched block is never decoded here.
      const live = inPlace ? null : new Set(now.order);
      for (const b of removed) {
        const was = before.text.get(b) ?? list.originalText(b) ?? "";
        if ((live && !live.has(b)) || was !== (now.text.get(b) ?? list.originalText(b) ?? "")) this.retire(was, b.id);
      }
    }
    this.snapshots.set(list, now);
    const rootNow = JSON.stringify(this.root.attributes);
    const change: DocumentChange = { stories };
    if (rootNow !== this.rootSnapshot) change.rootAttributes = { before: JSON.parse(this.rootSnapshot), after: JSON.parse(rootNow) };
    this.rootSnapshot = rootNow;
    const parts = this.parts.take(this.hooks.maybeChanged);
    if (parts.length) change.parts = parts;
    return stories.length || change.rootAttributes || parts.length ? change : null;
  }

  apply(change: DocumentChange): void {
    for (const story of change.stories) {
      const list = this.listFor(story.story);
      for (const s of story.splices) this.splice(list, s.at, s.removed, s.inserted, s.insertedIds);
    }
    if (change.rootAttributes) this.setRoot(change.rootAttributes.after);
    for (const part of change.parts ?? []) this.parts.apply(part, false);
    if (movesSections(change)) this.hooks.sectionsChanged();
  }

  revert(change: DocumentChange): void {
    for (const part of [...(change.parts ?? [])].reverse()) this.parts.apply(part, true);
    for (const story of [...change.stories].reverse()) {
      const list = this.listFor(story.story);
      for (const s of [...story.splices].reverse()) this.splice(list, s.at, s.inserted, s.removed, s.removedIds);
    }
    if (change.rootAttributes) this.setRoot(change.rootAttributes.before);
    if (movesSections(change)) this.hooks.sectionsChanged();
  }

  /**
   * The id a change carries for a block, if no other block holds it (`freed`: ids of the blocks this splice just
   * removed, such as the same block before an edit stored its id); else an id retired with the block's text.
   */
  private carriedId(carried: string | undefined, xml: string, freed: Set<string>): string | undefined {
    const retired = this.retired.get(xml);
    if (carried && (freed.delete(carried) || retired?.includes(carried) || this.ids.claim(carried))) {
      if (retired?.includes(carried)) retired.splice(retired.indexOf(carried), 1);
      return carried;
    }
    return retired?.pop();
  }

  private retire(xml: string, id: string) {
    const ids = this.retired.get(xml);
    if (ids) ids.push(id);
    else this.retired.set(xml, [id]);
  }

  private setRoot(attributes: XmlAttribute[]) {
    this.root.attributes.splice(0, this.root.attributes.length, ...structuredClone(attributes));
    this.root.changed = true;
    this.rootSnapshot = JSON.stringify(this.root.attributes);
  }

  private listFor(key: string): BlockList {
    const list = storyKey(this.body) === key ? this.body : undefined;
    if (!list)
      throw new DocxError({ kind: "change_mismatch", message: `This change edits story ${key}, which the document does not have.` });
    return list;
  }

  /** Replaces blocks whose current text must equal `expected` by `replacement`, keeping the snapshot in step. */
  private splice(list: BlockList, at: number, expected: string[], replacement: string[], replacementIds?: string[]) {
    const snap = this.snapshots.get(list)!;
    for (let i = 0; i < expected.length; i++) {
      const block = list.blocks[at + i];
      if (!block || currentText(list, block, snap) !== expected[i]) {
        throw new DocxError({
          kind: "change_mismatch",
          message: `History does not match the document at ${storyKey(list)} block ${at + i}; the session must be reloaded.`,
        });
      }
    }
    // The replacement takes over the removed blocks' places in the original bytes (the whitespace before
    // them, and their original text), as an edit in place does; a block restored to exactly its original
    // text becomes untouched bytes again, so undo gives back the original byte for byte.
    // A replacement equal to a removed block's original text takes that block's place (an insertion before it
    // must not shift it onto another block's bytes); the others take the removed places in order.
    const gone = list.blocks.slice(at, at + expected.length);
    const freed = new Set(gone.map((b) => b.id));
    const spans = gone.map((b) => ({ gapStart: b.facts.gapStart, start: b.facts.start, end: b.facts.end }));
    const originals = gone.map((b) => list.originalText(b));
    const taken = new Set<number>();
    const placeOf = (xml: string, i: number) => {
      const k = originals.findIndex((o, j) => o === xml && !taken.has(j));
      const j = k >= 0 ? k : i;
      if (j >= spans.length || taken.has(j)) return undefined;
      taken.add(j);
      return spans[j];
    };
    for (let i = 0; i < expected.length; i++) {
      this.retire(expected[i], list.blocks[at].id);
      snap.text.delete(list.blocks[at]);
      list.remove(at);
    }
    replacement.forEach((xml, i) => {
      const el = parseFragment(xml).find((n): n is XmlElement => n.type === "element");
      if (!el)
        throw new DocxError({
          kind: "change_mismatch",
          message: `A history entry holds a block without an element at ${storyKey(list)} block ${at + i}.`,
        });
      const facts = factsFromElement(el, list.prefixes);
      const stored = facts.paraId ?? facts.dmcpId;
      const id =
        stored && this.ids.claim(stored) ? stored : (stored ?? this.carriedId(replacementIds?.[i], xml, freed) ?? this.ids.fresh());
      list.insert(at + i, el, id);
      const block = list.blocks[at + i];
      const span = placeOf(xml, i);
      if (span) Object.assign(block.facts, span);
      if (!list.parent && span && list.originalText(block) === xml) block.tree = null;
      else snap.text.set(block, xml);
    });
    snap.order = list.blocks.slice();
  }
}

/**
 * A body block holding section properties can change which headers and footers exist. (Changed parts re-read
 * what depends on them as they are applied: see WordDocument.partChanged.)
 */
function movesSections(change: DocumentChange): boolean {
  return change.stories.some((s) => s.splices.some((sp) => [...sp.removed, ...sp.inserted].some((xml) => xml.includes("sectPr"))));
}

function snapshotOf(list: BlockList): StorySnapshot {
  const text = new Map<Block, string>();
  for (const b of list.blocks) if (b.tree) text.set(b, serializeNode(b.tree));
  return { order: list.blocks.slice(), text };
}

function currentText(list: BlockList, block: Block, snap: StorySnapshot): string {
  return snap.text.get(block) ?? (block.tree ? serializeNode(block.tree) : (list.originalText(block) ?? ""));
}

/**
 * Splices turning the snapshot's block order into the current one, and the blocks they remove. Blocks kept in place
 * are the longest increasing run of unchanged blocks (by identity); everything between is one splice.
 */
function diffStory(
  list: BlockList,
  before: StorySnapshot,
  now: StorySnapshot,
  inPlace: boolean,
): { splices: BlockSplice[]; removed: Block[] } {
  const textBefore = (b: Block) => before.text.get(b) ?? list.originalText(b) ?? "";
  const textNow = (b: Block) => now.text.get(b) ?? list.originalText(b) ?? "";
  // A block still held as original bytes cannot have changed; only parsed blocks are compared by text.
  const unchanged = (b: Block) => !b.tree || (before.text.get(b) ?? list.originalText(b)) === textNow(b);
  // No block moved (an edit in place, the usual case): the unchanged blocks are the longest increasing run already.
  const kept = inPlace ? unchangedInPlace(now.order, unchanged) : longestIncreasing(movedCandidates(before.order, now.order, unchanged));

  const splices: BlockSplice[] = [];
  const removedBlocks: Block[] = [];
  let pj = -1,
    pk = -1;
  for (const anchor of [...kept, { j: now.order.length, k: before.order.length }]) {
    if (anchor.j - pj > 1 || anchor.k - pk > 1) {
      const removed = before.order.slice(pk + 1, anchor.k);
      const inserted = now.order.slice(pj + 1, anchor.j);
      for (const b of removed) removedBlocks.push(b);
      splices.push({
        at: pj + 1,
        removed: removed.map(textBefore),
        inserted: inserted.map(textNow),
        removedIds: removed.map((b) => b.id),
        insertedIds: inserted.map((b) => b.id),
      });
    }
    pj = anchor.j;
    pk = anchor.k;
  }
  return { splices, removed: removedBlocks };
}

function sameOrder(a: Block[], b: Block[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A block's place now (`j`) and in the snapshot (`k`). */
type Place = { j: number; k: number };

function unchangedInPlace(order: Block[], unchanged: (b: Block) => boolean): Place[] {
  const places: Place[] = [];
  for (let j = 0; j < order.length; j++) if (unchanged(order[j])) places.push({ j, k: j });
  return places;
}

/** Unchanged blocks of the current order that were in the snapshot, with their old index. */
function movedCandidates(before: Block[], now: Block[], unchanged: (b: Block) => boolean): Place[] {
  const oldIndex = new Map<Block, number>();
  for (const [i, b] of before.entries()) oldIndex.set(b, i);
  const candidates: Place[] = [];
  now.forEach((b, j) => {
    const k = oldIndex.get(b);
    if (k !== undefined && unchanged(b)) candidates.push({ j, k });
  });
  return candidates;
}

/** Longest subsequence of `candidates` with increasing old index, in O(n log n). */
function longestIncreasing(candidates: Place[]): Place[] {
  const tails: number[] = [];
  const prev = new Array<number>(candidates.length).fill(-1);
  for (let c = 0; c < candidates.length; c++) {
    let lo = 0,
      hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]].k < candidates[c].k) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[c] = tails[lo - 1];
    tails[lo] = c;
  }
  const kept: Place[] = [];
  for (let c = tails.length ? tails[tails.length - 1] : -1; c >= 0; c = prev[c]) kept.push(candidates[c]);
  return kept.reverse();
}
