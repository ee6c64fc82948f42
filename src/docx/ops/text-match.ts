/** Finding a string in paragraph text, exactly or ignoring case, with offsets that stay valid in the original text. */

/**
 * Lower-cases one UTF-16 unit at a time, keeping a unit whose lower case is longer (e.g. "İ"), so the folded text has
 * the same length as the original and offsets found in it apply to the original.
 */
export function foldCase(s: string): string {
  let out = "";
  for (const c of s) {
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

/** Start offsets of the non-overlapping occurrences of `needle` in `text`, left to right. */
export function findAll(text: string, needle: string, matchCase: boolean): number[] {
  if (!needle) return [];
  const hay = matchCase ? text : foldCase(text);
  const want = matchCase ? needle : foldCase(needle);
  const out: number[] = [];
  for (let at = hay.indexOf(want); at >= 0; at = hay.indexOf(want, at + want.length)) out.push(at);
  return out;
}
