/**
 * List labels as Word computes them (ISO/IEC 29500-1 §17.9): abstract numbering levels (start, numFmt, lvlText,
 * lvlRestart, isLgl), num instances with level and start overrides, and counters kept while the document is read
 * in order. Counters belong to the abstract definition, so two nums sharing one continue the same list unless a num
 * overrides the start value.
 */

import { childElements, firstChild, getAttribute, type XmlElement } from "../xml/index.js";
import { bulletText, formatNumber } from "./number-format.js";
import { MAX_BASED_ON_DEPTH } from "./styles.js";

/**
 * Longest w:lvlText read and longest label made from it. Real ones are a few characters ("%1.", "Article %1 -"); a
 * hostile lvlText of 50,000 placeholders made 500 list items export 250 million characters.
 */
const MAX_LEVEL_TEXT = 128;
const MAX_LABEL = 256;

import type { WordDocument } from "./word-document.js";

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** Restart after a use of this 1-based level or a higher one; 0 never restarts; null: after the level above. */
  restart: number | null;
  legal: boolean;
  pStyle: string | null;
}

interface NumInstance {
  abstractId: string;
  levels: Map<number, Level>;
  starts: Map<number, number>;
}

export interface ListLabel {
  /** 0-based list level. */
  level: number;
  /** The label as shown, e.g. "3.", "1.2.", "b)", "IV." or a bullet "•"; "" for numFmt none. */
  label: string;
  ordered: boolean;
  /** The list (abstract numbering) the item belongs to; a new one at the top level starts a new list. */
  list: string;
}

export class ListNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly overridden = new Set<string>();
  private readonly w: string;

  constructor(private readonly doc: WordDocument) {
    // Read-only: a tree an edit already holds is used as is; otherwise the part is parsed once for this export.
    const name = doc.relatedPartName("numbering");
    const root = name ? (doc.parts.isLoaded(name) ? doc.parts.xml(name) : doc.pkg.readXml(name)).doc.root : undefined;
    const w = doc.prefixes.w;
    this.w = w;
    if (!root) return;
    for (const a of childElements(root, w + "abstractNum")) this.abstracts.set(getAttribute(a, w + "abstractNumId") ?? "", this.levels(a));
    for (const n of childElements(root, w + "num")) {
      const ref = firstChild(n, w + "abstractNumId");
      const instance: NumInstance = { abstractId: (ref && getAttribute(ref, w + "val")) ?? "", levels: new Map(), starts: new Map() };
      for (const o of childElements(n, w + "lvlOverride")) {
        const ilvl = Number(getAttribute(o, w + "ilvl") ?? 0);
        const start = firstChild(o, w + "startOverride");
        if (start) instance.starts.set(ilvl, Number(getAttribute(start, w + "val") ?? 0));
        const lvl = firstChild(o, w + "lvl");
        if (lvl) instance.levels.set(ilvl, this.level(lvl));
      }
      this.nums.set(getAttribute(n, w + "numId") ?? "", instance);
    }
  }

  private levels(abstractNum: XmlElement): Map<number, Level> {
    const out = new Map<number, Level>();
    for (const lvl of childElements(abstractNum, this.w + "lvl")) out.set(Number(getAttribute(lvl, this.w + "ilvl") ?? 0), this.level(lvl));
    return out;
  }

  private level(lvl: XmlElement): Level {
    const w = this.w;
    const val = (name: string) => {
      const el = firstChild(lvl, w + name);
      return el ? (getAttribute(el, w + "val") ?? null) : null;
    };
    const isLgl = firstChild(lvl, w + "isLgl");
    const restart = val("lvlRestart");
    return {
      start: Number(val("start") ?? 0),
      numFmt: val("numFmt") ?? "decimal",
      lvlText: (val("lvlText") ?? "").slice(0, MAX_LEVEL_TEXT),
      restart: restart === null ? null : Number(restart),
      legal: isLgl !== undefined && !["0", "false", "off"].includes(getAttribute(isLgl, w + "val") ?? ""),
      pStyle: val("pStyle"),
    };
  }

  /** The number format (§17.18.59) of the level a paragraph's numbering uses, or null when it is not a list item. */
  formatOf(paragraph: XmlElement): string | null {
    const ref = this.reference(paragraph);
    return ref ? (this.definition(ref.numId, ref.level)?.numFmt ?? null) : null;
  }

  private definition(numId: string, ilvl: number): Level | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    return num.levels.get(ilvl) ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /**
   * The numbering a paragraph has: direct w:numPr first, then its style's (through basedOn), with the level taken from
   * the abstract level that names the style when the style gives none. Null for paragraphs that are not list items.
   */
  reference(paragraph: XmlElement): { numId: string; level: number } | null {
    const w = this.w;
    const pPr = firstChild(paragraph, w + "pPr");
    const numPr = pPr && firstChild(pPr, w + "numPr");
    const direct = (name: string) => {
      const el = numPr && firstChild(numPr, w + name);
      return el ? (getAttribute(el, w + "val") ?? null) : null;
    };
    let numId = direct("numId");
    let level = direct("ilvl") === null ? null : Number(direct("ilvl"));
    const styleEl = pPr && firstChild(pPr, w + "pStyle");
    const styleId = (styleEl && getAttribute(styleEl, w + "val")) ?? this.doc.styles.defaultParagraphStyle()?.styleId ?? null;
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id) && seen.size < MAX_BASED_ON_DEPTH && (numId === null || level === null); ) {
      seen.add(id);
      const style = this.doc.styles.get(id);
      if (!style) break;
      if (style.numbering) {
        numId ??= style.numbering.numId;
        level ??= style.numbering.level;
      }
      id = style.basedOn;
    }
    if (numId === null || numId === "0" || !this.nums.has(numId)) return null;
    if (level === null && styleId) {
      const abstract = this.abstracts.get(this.nums.get(numId)!.abstractId);
      for (const [ilvl, lvl] of abstract ?? []) if (lvl.pStyle === styleId) level = ilvl;
    }
    return { numId, level: Math.min(Math.max(level ?? 0, 0), 8) };
  }

  /** Counts the next item of a list and returns its label; call once per list paragraph, in document order. */
  next(numId: string, level: number): ListLabel | null {
    const def = this.definition(numId, level);
    if (!def) return null;
    const num = this.nums.get(numId)!;
    let counters = this.counters.get(num.abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(num.abstractId, counters);
    }
    const key = `${numId}/${level}`;
    const start = (ilvl: number) => num.starts.get(ilvl) ?? this.definition(numId, ilvl)?.start ?? 1;
    // A num with a start override restarts the shared list the first time it is used.
    if (num.starts.has(level) && !this.overridden.has(key)) {
      this.overridden.add(key);
      counters[level] = undefined;
    }
    counters[level] = counters[level] === undefined ? start(level) : counters[level]! + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const restart = this.definition(numId, deeper)?.restart ?? deeper;
      if (restart !== 0 && level < restart) counters[deeper] = undefined;
    }
    if (def.numFmt === "bullet") return { level, label: bulletText(def.lvlText), ordered: false, list: num.abstractId };
    const label = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const ilvl = Number(d) - 1;
      const value = counters![ilvl] ?? start(ilvl);
      const fmt = this.definition(numId, ilvl)?.numFmt ?? "decimal";
      return formatNumber(value, def.legal && fmt !== "bullet" ? "decimal" : fmt);
    });
    return { level, label: def.numFmt === "none" ? "" : label.slice(0, MAX_LABEL), ordered: true, list: num.abstractId };
  }
}
