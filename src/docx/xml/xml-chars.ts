/**
 * XML 1.0 `Char` (§2.2): the characters a well-formed part may contain. U+0000-U+0008, U+000B, U+000C, U+000E-U+001F,
 * U+FFFE, U+FFFF and unpaired surrogates cannot be written even as character references, so Word and LibreOffice
 * refuse a part holding one.
 */

import { DocxError } from "../errors.js";

const ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching exactly these control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The UTF-16 index of the first character XML 1.0 does not allow, or -1. */
export function firstIllegalXmlChar(s: string): number {
  const m = ILLEGAL.exec(s);
  return m ? m.index : -1;
}

/** "U+0001" for the UTF-16 unit at `index`. */
export function describeChar(s: string, index: number): string {
  return `U+${s.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Refuses input that would become document text or an attribute when any string in it (at any depth of objects and
 * arrays, as a tool's arguments arrive) holds a character XML cannot hold; the error names the field and the position
 * in code points.
 */
export function refuseIllegalXmlInput(value: unknown, field: string): void {
  if (typeof value === "string") {
    const at = firstIllegalXmlChar(value);
    if (at < 0) return;
    const position = [...value.slice(0, at)].length;
    throw new DocxError({
      kind: "invalid_argument",
      field,
      position,
      message: `${field} contains ${describeChar(value, at)} at character ${position}, which a Word document cannot hold (XML 1.0 allows tab, line feed, carriage return and printable characters only); remove it.`,
    });
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) refuseIllegalXmlInput(v, `${field}[${i}]`);
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) refuseIllegalXmlInput(v, field ? `${field}.${k}` : k);
}
