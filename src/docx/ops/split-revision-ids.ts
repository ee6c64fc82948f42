import { getAttribute, setAttribute, type XmlElement } from "../xml/index.js";

/**
 * Splitting a run copies its properties, and with them a pending formatting change (w:rPrChange, §17.13.5.31) and
 * its w:id; ids name one revision each, so every copy after the first takes a fresh id (Word does the same).
 * Ids the paragraph already repeated before the edit (LibreOffice writes such) are the source's and stay as they are.
 */
export function separateSplitRevisionIds(p: XmlElement, w: string, repeatedBefore: ReadonlySet<string>, nextId: () => string): void {
  const seen = new Set<string>();
  for (const change of formatChanges(p, w)) {
    const id = getAttribute(change, w + "id");
    if (id === undefined || repeatedBefore.has(id)) continue;
    if (seen.has(id)) setAttribute(change, w + "id", nextId());
    else seen.add(id);
  }
}

/** The formatting-change ids a paragraph holds more than once: taken before an edit, for separateSplitRevisionIds. */
export function repeatedRevisionIds(p: XmlElement, w: string): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const change of formatChanges(p, w)) {
    const id = getAttribute(change, w + "id");
    if (id === undefined) continue;
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return repeated;
}

function formatChanges(p: XmlElement, w: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (el: XmlElement): void => {
    for (const c of el.children) {
      if (c.type !== "element") continue;
      if (c.name === w + "rPrChange") out.push(c);
      else visit(c);
    }
  };
  visit(p);
  return out;
}
