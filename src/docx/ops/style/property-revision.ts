/**
 * Tracked formatting changes (§17.13.5): the properties an element had before an edit, kept in its w:rPrChange,
 * w:pPrChange, w:tblPrChange, w:trPrChange or w:tcPrChange so a reviewer can reject the change.
 */
import { element, insertInOrder, type XmlElement } from "../../xml/index.js";
import type { RevisionContext } from "../tracking.js";
import { propertiesOf } from "./property-edits.js";

/**
 * Children the old-properties copy leaves out, by property element: the revision marks themselves and what the
 * copy's schema type lacks (CT_RPrOriginal, CT_PPrBase §17.13.5.29, CT_TblPrBase, CT_TrPrBase, CT_TcPrInner).
 */
const LEFT_OUT: Record<string, string[]> = {
  rPr: ["ins", "del", "moveFrom", "moveTo", "rPrChange"],
  pPr: ["rPr", "sectPr", "pPrChange"],
  tblPr: ["tblPrChange"],
  trPr: ["ins", "del", "trPrChange"],
  tcPr: ["tcPrChange"],
};

/** A copy of `host`'s property element `props` (local name), or null when it has none; taken before an edit. */
export function propertiesBefore(host: XmlElement, props: string, w: string): XmlElement | null {
  const found = host.children.find((c): c is XmlElement => c.type === "element" && c.name === w + props);
  return found ? structuredClone(found) : null;
}

/**
 * Records the edit of `host`'s `props` as a revision holding `before`. An element that already carries a tracked
 * property change keeps it: that one holds the properties as they were before any tracked edit.
 */
export function recordPropertyChange(
  before: XmlElement | null,
  host: XmlElement,
  props: string,
  w: string,
  after: string[],
  revision: RevisionContext,
): void {
  const { props: current } = propertiesOf(host, w + props, after);
  const changeName = w + props + "Change";
  if (current.children.some((c) => c.type === "element" && c.name === changeName)) return;
  const left = (LEFT_OUT[props] ?? []).map((n) => w + n);
  const old = element(
    w + props,
    [],
    (before?.children ?? []).filter((c) => !(c.type === "element" && left.includes(c.name))),
  );
  insertInOrder(current, element(changeName, revision.attributes(), [old]), w);
}
