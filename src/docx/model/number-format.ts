/** List number formats (ST_NumberFormat, ISO/IEC 29500-1 §17.18.59): a counter value as the text Word shows. */

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/**
 * Word's letter numbering repeats the letter after z: 26 -> z, 27 -> aa, 53 -> aaa. Past MAX_LETTER_REPEATS the number
 * is written in digits, as roman numerals are from 4000: a list starting at 2,000,000,000 (a valid w:start) would
 * otherwise be labelled with 76 million letters per item.
 */
function letters(n: number): string {
  if (n <= 0 || n > 26 * MAX_LETTER_REPEATS) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const MAX_LETTER_REPEATS = 50;

function ordinalSuffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

/** The number `n` written in format `numFmt`; formats without a simple Latin form fall back to decimal. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "none":
    case "bullet":
      return "";
    case "decimalZero":
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "ordinal":
      return `${n}${ordinalSuffix(n)}`;
    default:
      return String(n);
  }
}

/** Bullet characters from symbol fonts (Symbol, Wingdings, Courier New "o") as the Unicode characters they draw. */
const SYMBOL_BULLETS: Record<string, string> = {
  "\uF0B7": "•",
  "\uF0A7": "▪",
  "\uF0D8": "➢",
  "\uF076": "❖",
  "\uF0FC": "✓",
  "\uF0A8": "□",
  o: "◦",
  "§": "▪",
};

export function bulletText(lvlText: string): string {
  if (!lvlText) return "•";
  return SYMBOL_BULLETS[lvlText] ?? (/^[\uF000-\uF0FF]$/.test(lvlText) ? "•" : lvlText);
}
