/** Lengths users type ("2.5cm", "1in", "72pt", "20mm", or twips as a bare number) as twips (1/1440 inch, §17.18.105). */
import { DocxError } from "../../errors.js";

const TWIPS_PER: Record<string, number> = { in: 1440, cm: 1440 / 2.54, mm: 1440 / 25.4, pt: 20, twip: 1, twips: 1, tw: 1 };

/** Paper sizes in twips, portrait (width, height), by lower-case name; PAPER_NAMES spells them for messages. */
export const PAPER_SIZES: Record<string, [number, number]> = {
  a3: [16838, 23811],
  a4: [11906, 16838],
  a5: [8391, 11906],
  letter: [12240, 15840],
  legal: [12240, 20160],
  tabloid: [15840, 24480],
};
export const PAPER_NAMES = ["A3", "A4", "A5", "Letter", "Legal", "Tabloid"];

export function toTwips(value: string | number, field: string): number {
  const text = String(value).trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(in|cm|mm|pt|twips?|tw)?$/.exec(text);
  if (!m) {
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `${field} must be a length like "2.5cm", "1in", "20mm", "72pt" or a number of twips; got ${JSON.stringify(value)}.`,
    });
  }
  const twips = Math.round(Number(m[1]) * TWIPS_PER[m[2] ?? "twip"]);
  if (twips > 31680)
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `${field} is ${twips} twips (${(twips / 1440).toFixed(1)} in); Word allows at most 31680 twips (22 in).`,
    });
  return twips;
}

/** Twips as centimetres with two decimals, for results people read. */
export const twipsToCm = (twips: number) => Math.round((twips / 1440) * 254) / 100;
