/** Every XML part parses (XML 1.0 well-formedness as our strict parser reads it) and holds only XML 1.0 characters, written or referenced. */
import { describeChar, firstIllegalXmlChar, parseXml } from "../xml/index.js";

export function checkWellFormed(parts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [name, xml] of parts) {
    const at = firstIllegalXmlChar(xml);
    if (at >= 0) out.push(`${name}: ${describeChar(xml, at)} at offset ${at} is not an XML 1.0 character.`);
    for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
      const code = m[1][0] === "x" ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
      const ch = code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFF";
      if (code > 0x10ffff || firstIllegalXmlChar(ch) >= 0 || (code >= 0xd800 && code <= 0xdfff))
        out.push(`${name}: the reference ${m[0]} at offset ${m.index} names a character XML 1.0 does not allow.`);
    }
    try {
      parseXml(xml);
    } catch (e) {
      out.push(`${name}: not well-formed: ${(e as Error).message}`);
    }
  }
  return out;
}
