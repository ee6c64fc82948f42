/** The same facts the body scanner gathers, computed from a parsed block (after an edit, or for header/footer/note parts). */
import { firstChild, getAttribute, localName, type XmlElement } from "../xml/index.js";
import { ATOM_LABELS, addAtom, type BlockFacts, type BlockKind, PREVIEW_CHARS } from "./body-scanner.js";
import type { Prefixes } from "./namespaces.js";
import { blockText } from "./text.js";

export function factsFromElement(el: XmlElement, prefixes: Prefixes): BlockFacts {
  const w = prefixes.w;
  const kind: BlockKind =
    el.name === w + "p"
      ? "paragraph"
      : el.name === w + "tbl"
        ? "table"
        : el.name === w + "sdt"
          ? "sdt"
          : el.name === w + "sectPr"
            ? "sectPr"
            : "other";
  const text = blockText(el, w);
  const facts: BlockFacts = {
    kind,
    name: el.name,
    gapStart: -1,
    start: -1,
    end: -1,
    paraId: kind === "paragraph" && prefixes.w14 ? (getAttribute(el, prefixes.w14 + "paraId") ?? null) : null,
    dmcpId: prefixes.dmcp ? (getAttribute(el, prefixes.dmcp + "id") ?? null) : null,
    styleId: null,
    outlineLevel: null,
    numbered: false,
    sectionBreak: false,
    rows: 0,
    commentStarts: null,
    preview: text.slice(0, PREVIEW_CHARS),
    previewComplete: text.length <= PREVIEW_CHARS,
    atoms: null,
  };
  collectAtoms(el, facts);
  const starts = descendants(el, w + "commentRangeStart").map((c) => getAttribute(c, w + "id") ?? "");
  if (starts.length) facts.commentStarts = starts;
  if (kind === "paragraph") {
    const pPr = firstChild(el, w + "pPr");
    if (pPr) {
      const style = firstChild(pPr, w + "pStyle");
      facts.styleId = style ? (getAttribute(style, w + "val") ?? null) : null;
      const outline = firstChild(pPr, w + "outlineLvl");
      facts.outlineLevel = outline ? Number(getAttribute(outline, w + "val")) : null;
      facts.numbered = firstChild(pPr, w + "numPr") !== undefined;
      facts.sectionBreak = firstChild(pPr, w + "sectPr") !== undefined;
    }
  } else if (kind === "table") {
    const tblPr = firstChild(el, w + "tblPr");
    const style = tblPr ? firstChild(tblPr, w + "tblStyle") : undefined;
    facts.styleId = style ? (getAttribute(style, w + "val") ?? null) : null;
    facts.rows = el.children.filter((c) => c.type === "element" && c.name === w + "tr").length;
  }
  return facts;
}

function collectAtoms(el: XmlElement, facts: BlockFacts): void {
  for (const c of el.children) {
    if (c.type !== "element") continue;
    const local = localName(c.name);
    if (Object.hasOwn(ATOM_LABELS, local)) addAtom(facts, ATOM_LABELS[local]);
    collectAtoms(c, facts);
  }
}

function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.type !== "element") continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
