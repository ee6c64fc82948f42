/**
 * Schema order of the children of WordprocessingML property elements, as data, so an edit can put a new property
 * where the schema's xsd:sequence wants it and Word keeps opening the file. Names are local names in the w namespace.
 */
import type { XmlElement, XmlNode } from "./tree.js";

/** EG_RPrBase (§17.3.2.28 rPr, §17.7.9.1): run properties; the paragraph mark's rPr (§17.3.1.29) starts with ins..moveTo. */
const RUN_PROPERTIES = [
  "ins",
  "del",
  "moveFrom",
  "moveTo",
  "rStyle",
  "rFonts",
  "b",
  "bCs",
  "i",
  "iCs",
  "caps",
  "smallCaps",
  "strike",
  "dstrike",
  "outline",
  "shadow",
  "emboss",
  "imprint",
  "noProof",
  "snapToGrid",
  "vanish",
  "webHidden",
  "color",
  "spacing",
  "w",
  "kern",
  "position",
  "sz",
  "szCs",
  "highlight",
  "u",
  "effect",
  "bdr",
  "shd",
  "fitText",
  "vertAlign",
  "rtl",
  "cs",
  "em",
  "lang",
  "eastAsianLayout",
  "specVanish",
  "oMath",
  "rPrChange",
];

/** CT_PPrBase then CT_PPr (§17.3.1.26 pPr). */
const PARAGRAPH_PROPERTIES = [
  "pStyle",
  "keepNext",
  "keepLines",
  "pageBreakBefore",
  "framePr",
  "widowControl",
  "numPr",
  "suppressLineNumbers",
  "pBdr",
  "shd",
  "tabs",
  "suppressAutoHyphens",
  "kinsoku",
  "wordWrap",
  "overflowPunct",
  "topLinePunct",
  "autoSpaceDE",
  "autoSpaceDN",
  "bidi",
  "adjustRightInd",
  "snapToGrid",
  "spacing",
  "ind",
  "contextualSpacing",
  "mirrorIndents",
  "suppressOverlap",
  "jc",
  "textDirection",
  "textAlignment",
  "textboxTightWrap",
  "outlineLvl",
  "divId",
  "cnfStyle",
  "rPr",
  "sectPr",
  "pPrChange",
];

/** CT_TblPrBase then CT_TblPr (§17.4.60 tblPr). */
const TABLE_PROPERTIES = [
  "tblStyle",
  "tblpPr",
  "tblOverlap",
  "bidiVisual",
  "tblStyleRowBandSize",
  "tblStyleColBandSize",
  "tblW",
  "jc",
  "tblCellSpacing",
  "tblInd",
  "tblBorders",
  "shd",
  "tblLayout",
  "tblCellMar",
  "tblLook",
  "tblCaption",
  "tblDescription",
  "tblPrChange",
];

/** CT_TrPrBase is an unbounded choice, so any order is valid; this is the order Word writes (§17.4.82 trPr). */
const ROW_PROPERTIES = [
  "cnfStyle",
  "divId",
  "gridBefore",
  "gridAfter",
  "wBefore",
  "wAfter",
  "cantSplit",
  "trHeight",
  "tblHeader",
  "tblCellSpacing",
  "jc",
  "hidden",
  "ins",
  "del",
  "trPrChange",
];

/** CT_TcPrBase then CT_TcPr (§17.4.70 tcPr). */
const CELL_PROPERTIES = [
  "cnfStyle",
  "tcW",
  "gridSpan",
  "hMerge",
  "vMerge",
  "tcBorders",
  "shd",
  "noWrap",
  "tcMar",
  "textDirection",
  "tcFitText",
  "vAlign",
  "hideMark",
  "headers",
  "cellIns",
  "cellDel",
  "cellMerge",
  "tcPrChange",
];

/** CT_SectPr (§17.6.17 sectPr): header and footer references first, sectPrChange last. */
const SECTION_PROPERTIES = [
  "headerReference",
  "footerReference",
  "footnotePr",
  "endnotePr",
  "type",
  "pgSz",
  "pgMar",
  "paperSrc",
  "pgBorders",
  "lnNumType",
  "pgNumType",
  "cols",
  "formProt",
  "vAlign",
  "noEndnote",
  "titlePg",
  "textDirection",
  "bidi",
  "rtlGutter",
  "docGrid",
  "printerSettings",
  "sectPrChange",
];

/** §17.4.38 tblBorders and §17.4.66 tcBorders; start/end are the strict names of left/right. */
const BORDERS = ["top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl"];

/** Child order by the property element's local name. */
export const CHILD_ORDER: Readonly<Record<string, readonly string[]>> = {
  rPr: RUN_PROPERTIES,
  pPr: PARAGRAPH_PROPERTIES,
  tblPr: TABLE_PROPERTIES,
  trPr: ROW_PROPERTIES,
  tcPr: CELL_PROPERTIES,
  sectPr: SECTION_PROPERTIES,
  tblBorders: BORDERS,
  tcBorders: BORDERS,
};

/**
 * Inserts `child` into `parent` at its schema position: after the last known sibling that comes before it, else before
 * the first known sibling that comes after it. Children in other namespaces (w14 extensions, mc:AlternateContent) are
 * never moved. `w` is the part's WordprocessingML prefix ("w:").
 */
export function insertInOrder(parent: XmlElement, child: XmlElement, w: string): void {
  const order = CHILD_ORDER[localOf(parent.name, w) ?? ""];
  const rank = (node: XmlNode): number => {
    if (node.type !== "element" || !order) return -1;
    const local = localOf(node.name, w);
    return local === null ? -1 : order.indexOf(local);
  };
  const mine = rank(child);
  let at = -1;
  if (mine >= 0) {
    for (let i = 0; i < parent.children.length; i++) {
      const r = rank(parent.children[i]);
      if (r >= 0 && r <= mine) at = i + 1;
    }
    if (at < 0) {
      const after = parent.children.findIndex((c) => rank(c) > mine);
      at = after >= 0 ? after : firstForeignElement(parent, w);
    }
  } else at = parent.children.length;
  parent.children.splice(at, 0, child);
  parent.selfClosing = false;
}

/** The index of the first element child outside the w namespace (extensions go last), or the end. */
function firstForeignElement(parent: XmlElement, w: string): number {
  const i = parent.children.findIndex((c) => c.type === "element" && localOf(c.name, w) === null);
  return i >= 0 ? i : parent.children.length;
}

/** The local name of a w-namespace element, or null for another namespace. */
function localOf(name: string, w: string): string | null {
  if (w === "") return name.includes(":") ? null : name;
  return name.startsWith(w) ? name.slice(w.length) : null;
}
