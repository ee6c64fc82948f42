/**
 * Stable element ids.
 * - Stored ids win: Word's w14:paraId on paragraphs and table rows, then docx-mcp's dmcp:id (namespace http://docx-mcp.dev/id) on anything.
 * - A top-level block (body, header, footer, note or comment paragraph/table) without one gets 8 hex digits hashed from its story,
 *   kind, style and leading text and from the id of the block before it. Chaining on the previous *id* (not its content) keeps
 *   identical blocks apart (e.g. runs of empty paragraphs) and keeps ids put when a block is edited, since its id is then stored.
 * - An element inside a block without a stored id is named from its block: `<blockId>.<kind letter><ordinal>`, e.g. `1A2B3C4D.r2` or
 *   `1A2B3C4D.tr1.tc0.p0`. The dot cannot occur in 8-hex ids, so derived ids never collide with stored or hashed ones.
 * - Ids are unique per document: a repeated stored id on a block gives the later block a derived id; a repeated stored id
 *   inside blocks is ignored for all its holders (they take derived ids); hash collisions are rehashed with a salt.
 * - Edits write ids into elements before changing them (w14:paraId, or dmcp:id): the edited block's own id, and for an
 *   insertion or removal the id of the block after it, whose predecessor changes. New elements get fresh ids.
 */

/** FNV-1a over UTF-16 code units, continuing from `h`; a terminator step keeps chained fields apart ("ab"+"c" vs "a"+"bc"). */
export function fnv(key: string, seed = 0x811c9dc5): number {
  // Kept as int32 throughout (every step takes ToInt32 anyway): a seed above 2^31 would otherwise make the loop
  // work on doubles, and an open hashes every block's text.
  let h = seed | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x10000, 0x01000193) >>> 0;
}

/** 8 hex digits from a hash, folded into 31 bits because w14:paraId must be below 0x80000000 (MS-DOCX 2.6.2.4). */
function toId(h: number): string {
  const v = (h >>> 0) & 0x7fffffff || 1;
  // One string from eight digit codes (toString, toUpperCase and padStart made three): an open derives one per block.
  return String.fromCharCode(
    HEX_DIGITS[v >>> 28],
    HEX_DIGITS[(v >>> 24) & 15],
    HEX_DIGITS[(v >>> 20) & 15],
    HEX_DIGITS[(v >>> 16) & 15],
    HEX_DIGITS[(v >>> 12) & 15],
    HEX_DIGITS[(v >>> 8) & 15],
    HEX_DIGITS[(v >>> 4) & 15],
    HEX_DIGITS[v & 15],
  );
}
const HEX_DIGITS = Array.from("0123456789ABCDEF", (c) => c.charCodeAt(0));

export function hashId(key: string): string {
  return toId(fnv(key));
}

export function isHexId(id: string): boolean {
  return /^[0-9A-Fa-f]{8}$/.test(id);
}

/** Hands out ids that are unique within one document. */
export class IdRegistry {
  private readonly used = new Set<string>();
  /** Stored ids found more than once; elements carrying them are named by position instead. */
  private readonly ambiguous = new Set<string>();
  private freshCounter = 0;

  /** Claims a stored id; returns false if it is already taken (a duplicate in the file). */
  claim(id: string): boolean {
    return this.claimKey(id.toUpperCase());
  }

  /** Claims an id already in upper case, as toId writes them. */
  private claimKey(key: string): boolean {
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }

  /** Claims a stored id of an element inside a block; a repeat makes every holder fall back to a derived id. */
  claimNested(id: string): void {
    if (!this.claim(id)) this.ambiguous.add(id.toUpperCase());
  }

  isAmbiguous(id: string): boolean {
    return this.ambiguous.has(id.toUpperCase());
  }

  /** Gives an id back (its block is being re-read), so the same block can claim or derive it again. */
  release(id: string): void {
    this.used.delete(id.toUpperCase());
  }

  /** A derived id from the hash `base` of a block's key; a collision is rehashed with a salt. */
  derive(base: number): string {
    for (let salt = 0; ; salt++) {
      const id = toId(Math.imul(base, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35));
      if (this.claimKey(id)) return id;
    }
  }

  /** A new id for a new or copied element. */
  fresh(): string {
    for (;;) {
      const id = hashId(`fresh\u0000${this.freshCounter++}\u0000${this.used.size}`);
      if (this.claimKey(id)) return id;
    }
  }
}

/** The id of a child without a stored id, named from its parent: see the scheme above. */
export function nestedId(parentId: string, letter: string, ordinal: number): string {
  return `${parentId}.${letter}${ordinal}`;
}
