/**
 * Offsets a caller gives and reads count Unicode code points, so an emoji or any character outside the BMP is one
 * character and no offset can fall between the two halves of a surrogate pair. The engine itself works in UTF-16.
 */

/** The number of code points in `s`. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if (!isPair(s, i)) continue;
    n--;
    i++;
  }
  return n;
}

/** The UTF-16 index of code point `offset` in `s`, or -1 when `offset` lies past the end. */
export function utf16Index(s: string, offset: number): number {
  let i = 0;
  for (let n = 0; n < offset; n++) {
    if (i >= s.length) return -1;
    i += isPair(s, i) ? 2 : 1;
  }
  return i;
}

/** The number of code points before UTF-16 index `index`. */
export function codePointOffset(s: string, index: number): number {
  return codePointLength(s.slice(0, index));
}

/**
 * Up to `radius` characters either side of [start, end) of `text`, with "…" where text was left out, so a result that
 * shows where an edit landed stays small however long the paragraph is.
 */
export function contextSnippet(text: string, start: number, end: number, radius = 40): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const a = from > 0 && isLow(text, from) ? from + 1 : from;
  const b = to < text.length && isLow(text, to) ? to + 1 : to;
  return (a > 0 ? "…" : "") + text.slice(a, b) + (b < text.length ? "…" : "");
}

function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && isLow(s, i + 1);
}

function isLow(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
