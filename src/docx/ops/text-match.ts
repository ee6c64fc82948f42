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

/** Typographic quotes and apostrophes as the straight ones agents type; each is one UTF-16 unit, so offsets hold. */
const QUOTES: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
};

export function foldQuotes(s: string): string {
  return s.replace(/[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033]/g, (q) => QUOTES[q]);
}

/**
 * Start offsets of the non-overlapping occurrences of `needle` in `text`, left to right; `anyQuotes` lets ' match ’
 * and " match “ ” (and the other way round).
 */
export function findAll(text: string, needle: string, matchCase: boolean, anyQuotes = false): number[] {
  if (!needle) return [];
  const fold = (s: string) => (anyQuotes ? foldQuotes(matchCase ? s : foldCase(s)) : matchCase ? s : foldCase(s));
  const hay = fold(text);
  const want = fold(needle);
  const out: number[] = [];
  for (let at = hay.indexOf(want); at >= 0; at = hay.indexOf(want, at + want.length)) out.push(at);
  return out;
}
