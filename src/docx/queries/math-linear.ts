/**
 * A linear form of Office Math (OMML, ISO/IEC 29500 §22.1), close to what Word's linear format shows: fractions as
 * (a)/(b), scripts as x_i and x^2, radicals as √(x), n-ary operators as ∑_(i=1)^n, delimiters with their characters.
 * It lets a reader see an equation instead of a gap; it is not meant to round-trip.
 */
import { getAttribute, localName, type XmlElement } from "../xml/index.js";

/** The linear form of an m:oMath, m:oMathPara or any math element. */
export function mathLinear(el: XmlElement): string {
  const local = localName(el.name);
  const part = (name: string) => {
    const c = child(el, name);
    return c ? mathLinear(c) : "";
  };
  const group = (s: string) => ([...s].length <= 1 ? s : `(${s})`);
  switch (local) {
    case "t":
      return el.children.map((c) => (c.type === "text" || c.type === "cdata" ? c.text : "")).join("");
    case "f":
      return `${group(part("num"))}/${group(part("den"))}`;
    case "sSup":
      return `${part("e")}^${group(part("sup"))}`;
    case "sSub":
      return `${part("e")}_${group(part("sub"))}`;
    case "sSubSup":
      return `${part("e")}_${group(part("sub"))}^${group(part("sup"))}`;
    case "sPre":
      return `_${group(part("sub"))}^${group(part("sup"))}${part("e")}`;
    case "rad": {
      const degree = part("deg");
      return `√${degree ? `(${degree}&` : "("}${part("e")})`;
    }
    case "nary": {
      const op = property(el, "naryPr", "chr") ?? "∫";
      const sub = part("sub");
      const sup = part("sup");
      return `${op}${sub ? `_${group(sub)}` : ""}${sup ? `^${group(sup)}` : ""} ${part("e")}`;
    }
    case "d": {
      const open = property(el, "dPr", "begChr") ?? "(";
      const close = property(el, "dPr", "endChr") ?? ")";
      const sep = property(el, "dPr", "sepChr") ?? "|";
      return open + children(el, "e").map(mathLinear).join(sep) + close;
    }
    case "func":
      return `${part("fName")} ${part("e")}`;
    default:
      // Properties (m:rPr, m:fPr, w:rPr ...) carry no text.
      if (local.endsWith("Pr")) return "";
      return el.children.map((c) => (c.type === "element" ? mathLinear(c) : "")).join("");
  }
}

function children(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === "element" && localName(c.name) === local);
}

function child(el: XmlElement, local: string): XmlElement | undefined {
  return children(el, local)[0];
}

/** A property's m:val, e.g. the n-ary operator in m:naryPr/m:chr. */
function property(el: XmlElement, pr: string, name: string): string | undefined {
  const p = child(el, pr);
  const c = p ? child(p, name) : undefined;
  if (!c) return undefined;
  return c.attributes.find((a) => localName(a.name) === "val")?.value ?? getAttribute(c, "val");
}
