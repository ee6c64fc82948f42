/**
 * What tracked-change markup looks like (ISO/IEC 29500-1 §17.13.5, revisions): which elements are revisions, where
 * they sit, and what kind of change each records. Kept as data so listing and resolving agree on one vocabulary.
 */
import { childElements, getAttribute, localName, type XmlElement } from "../../xml/index.js";

/** Revision kinds as tools report them (docx-mcp's names where it has them). */
export const REVISION_TYPES = [
  "insertion",
  "deletion",
  "move_from",
  "move_to",
  "move",
  "paragraph_insertion",
  "paragraph_deletion",
  "format_change",
  "paragraph_format_change",
  "section_change",
  "table_change",
  "row_change",
  "row_insertion",
  "row_deletion",
  "cell_change",
  "cell_insertion",
  "cell_deletion",
  "cell_merge",
  "numbering_change",
  "content_control_insertion",
  "content_control_deletion",
] as const;
export type RevisionType = (typeof REVISION_TYPES)[number];

/** Run-level containers (§17.13.5.14 del, .18 ins, .22 moveFrom, .25 moveTo): their content was inserted, deleted or moved. */
export const CONTENT_REVISIONS = new Set(["ins", "del", "moveFrom", "moveTo"]);

/** Range markers that only delimit other revisions (§17.13.5.23-.28 move ranges, §17.13.5.4-.9 custom XML ranges). */
export const RANGE_MARKERS = new Set([
  "moveFromRangeStart",
  "moveFromRangeEnd",
  "moveToRangeStart",
  "moveToRangeEnd",
  "customXmlInsRangeStart",
  "customXmlInsRangeEnd",
  "customXmlDelRangeStart",
  "customXmlDelRangeEnd",
  "customXmlMoveFromRangeStart",
  "customXmlMoveFromRangeEnd",
  "customXmlMoveToRangeStart",
  "customXmlMoveToRangeEnd",
]);

/**
 * Property changes: the properties element, the change element inside it holding the old properties, and which of the
 * current children are not part of the old properties' type and so stay when the old ones are restored.
 */
export const PROPERTY_CHANGES: Record<string, { change: string; kept: string[]; type: RevisionType }> = {
  rPr: { change: "rPrChange", kept: ["ins", "del", "moveFrom", "moveTo"], type: "format_change" }, // §17.13.5.31
  pPr: { change: "pPrChange", kept: ["rPr", "sectPr"], type: "paragraph_format_change" }, // §17.13.5.29
  sectPr: { change: "sectPrChange", kept: ["headerReference", "footerReference"], type: "section_change" }, // §17.13.5.32
  tblPr: { change: "tblPrChange", kept: [], type: "table_change" }, // §17.13.5.34
  tblPrEx: { change: "tblPrExChange", kept: [], type: "table_change" }, // §17.13.5.35
  tblGrid: { change: "tblGridChange", kept: [], type: "table_change" }, // §17.13.5.33
  trPr: { change: "trPrChange", kept: ["ins", "del"], type: "row_change" }, // §17.13.5.37
  tcPr: { change: "tcPrChange", kept: ["cellIns", "cellDel", "cellMerge"], type: "cell_change" }, // §17.13.5.36
};
const CHANGE_ELEMENTS = new Set(Object.values(PROPERTY_CHANGES).map((p) => p.change));

/** Cell markers in w:tcPr (§17.13.5.1 cellDel, .2 cellIns, .3 cellMerge). */
export const CELL_MARKERS: Record<string, RevisionType> = { cellIns: "cell_insertion", cellDel: "cell_deletion", cellMerge: "cell_merge" };

/** Whether `el` records a revision by itself (range markers only delimit one and are not counted). */
export function isRevision(el: XmlElement, w: string): boolean {
  if (!el.name.startsWith(w) && w !== "") return false;
  const local = localName(el.name);
  return (
    CONTENT_REVISIONS.has(local) ||
    CHANGE_ELEMENTS.has(local) ||
    local in CELL_MARKERS ||
    local === "numberingChange" ||
    local === "customXmlInsRangeStart" ||
    local === "customXmlDelRangeStart"
  );
}

/** A regular expression that finds revision markup in a part's text, to skip blocks that have none without parsing them. */
export function revisionPattern(w: string): RegExp {
  const names = [...CONTENT_REVISIONS, ...RANGE_MARKERS, ...CHANGE_ELEMENTS, ...Object.keys(CELL_MARKERS), "numberingChange"];
  return new RegExp(`<${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:${names.join("|")})[\\s/>]`);
}

/** Whether a tree holds any revision markup. */
export function hasRevisionMarkup(el: XmlElement, w: string): boolean {
  for (const c of el.children) {
    if (c.type !== "element") continue;
    if (c.name.startsWith(w) && (isRevision(c, w) || RANGE_MARKERS.has(localName(c.name)))) return true;
    if (hasRevisionMarkup(c, w)) return true;
  }
  return false;
}

/** The w:id of a revision as a number, or null when it is missing or not a decimal number. */
export function revisionId(el: XmlElement, w: string): number | null {
  const v = getAttribute(el, w + "id");
  return v !== undefined && /^-?\d+$/.test(v.trim()) ? Number(v) : null;
}

/** Text of inserted, deleted or moved content: w:t, w:delText and math m:t, tabs and breaks. */
export function contentText(el: XmlElement, w: string): string {
  const out: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.type !== "element") continue;
      const local = localName(c.name);
      if (local === "t" || local === "delText")
        out.push(c.children.map((t) => (t.type === "text" || t.type === "cdata" ? t.text : "")).join(""));
      else if (c.name === w + "tab") out.push("\t");
      else if (c.name === w + "br" || c.name === w + "cr") out.push("\n");
      else if (local !== "rPr" && local !== "pPr" && local !== "instrText" && local !== "delInstrText") walk(c);
    }
  };
  walk(el);
  return out.join("");
}

/** The first child elements of `el` whose local names are in `names`, keeping their order. */
export function childrenNamed(el: XmlElement, w: string, names: string[]): XmlElement[] {
  return childElements(el).filter((c) => c.name.startsWith(w) && names.includes(localName(c.name)));
}
