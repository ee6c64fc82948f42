/** The style sheet (ECMA-376 Part 1, §17.7): style names, basedOn chains and the heading level a paragraph style implies. */
import { firstChild, getAttribute, parseFragment, type XmlElement } from "../xml/index.js";
import { prefixesFrom } from "./namespaces.js";

export interface StyleInfo {
  styleId: string;
  name: string;
  type: string;
  basedOn: string | null;
  isDefault: boolean;
  /** w:outlineLvl written in this style's own pPr (0-based), if any. */
  outlineLevel: number | null;
  /** w:numPr in this style's own pPr (§17.3.1.19): list numbering the style applies, if any. */
  numbering: { numId: string | null; level: number | null } | null;
}

/**
 * Longest basedOn chain followed. Real style sheets nest a few levels; a hostile one can chain thousands of styles,
 * and walking such a chain for each style or paragraph is quadratic.
 */
export const MAX_BASED_ON_DEPTH = 64;

export class StyleSheet {
  private readonly styles = new Map<string, StyleInfo>();
  private readonly levels = new Map<string, number | null>();
  /** The default paragraph style, found once (undefined: not looked up yet; null: there is none). */
  private defaultParagraph: StyleInfo | null | undefined;

  /**
   * Reads styles.xml text one w:style at a time, so even a multi-megabyte style sheet never becomes one tree;
   * only the facts below are kept. `maxDepth` bounds nesting as for every other part.
   */
  constructor(xml: string | null, maxDepth = 512) {
    if (!xml) return;
    const rootStart = xml.search(/<(?![?!])/);
    if (rootStart < 0) return;
    const rootEnd = xml.indexOf(">", rootStart);
    const rootTag = xml.slice(rootStart, rootEnd + 1).replace(/\/?>$/, "/>");
    const root = parseFragment(rootTag)[0] as XmlElement;
    const w = prefixesFrom(root.attributes).w;
    const open = `<${w}style`;
    const close = `</${w}style>`;
    let at = xml.indexOf(open, rootEnd);
    while (at >= 0) {
      const next = xml[at + open.length];
      if (next !== " " && next !== ">" && next !== "/" && next !== "\t" && next !== "\n" && next !== "\r") {
        at = xml.indexOf(open, at + open.length);
        continue;
      }
      const tagEnd = xml.indexOf(">", at);
      const end = xml[tagEnd - 1] === "/" ? tagEnd + 1 : xml.indexOf(close, at) + close.length;
      if (end < at + close.length) break;
      const el = parseFragment(xml.slice(at, end), { maxDepth })[0] as XmlElement;
      this.add(el, w);
      at = xml.indexOf(open, end);
    }
  }

  private add(el: XmlElement, w: string): void {
    const styleId = getAttribute(el, w + "styleId");
    if (!styleId) return;
    const pPr = firstChild(el, w + "pPr");
    const outline = pPr ? firstChild(pPr, w + "outlineLvl") : undefined;
    const outlineVal = outline ? Number(getAttribute(outline, w + "val")) : NaN;
    const basedOn = firstChild(el, w + "basedOn");
    const name = firstChild(el, w + "name");
    const def = getAttribute(el, w + "default");
    const numPr = pPr ? firstChild(pPr, w + "numPr") : undefined;
    const numId = numPr && firstChild(numPr, w + "numId");
    const ilvl = numPr && firstChild(numPr, w + "ilvl");
    this.styles.set(styleId, {
      styleId,
      name: (name && getAttribute(name, w + "val")) ?? styleId,
      type: getAttribute(el, w + "type") ?? "paragraph",
      basedOn: (basedOn && getAttribute(basedOn, w + "val")) ?? null,
      isDefault: def === "1" || def === "true" || def === "on",
      outlineLevel: Number.isFinite(outlineVal) ? outlineVal : null,
      numbering: numPr
        ? { numId: (numId && getAttribute(numId, w + "val")) ?? null, level: ilvl ? Number(getAttribute(ilvl, w + "val") ?? 0) : null }
        : null,
    });
  }

  get(styleId: string): StyleInfo | undefined {
    return this.styles.get(styleId);
  }

  all(): StyleInfo[] {
    return [...this.styles.values()];
  }

  /** The default paragraph style (usually Normal), used when a paragraph names none. */
  defaultParagraphStyle(): StyleInfo | undefined {
    if (this.defaultParagraph === undefined) {
      this.defaultParagraph = null;
      for (const s of this.styles.values())
        if (s.type === "paragraph" && s.isDefault) {
          this.defaultParagraph = s;
          break;
        }
    }
    return this.defaultParagraph ?? undefined;
  }

  /**
   * Heading level 1-9 of a paragraph style, 0 for Title, null for body text. An outline level in the style or its
   * basedOn chain wins; otherwise the built-in names "heading N" and "Title" (or style ids HeadingN/Title) decide.
   */
  headingLevel(styleId: string | null): number | null {
    if (!styleId) return null;
    const cached = this.levels.get(styleId);
    if (cached !== undefined) return cached;
    const level = this.computeLevel(styleId);
    this.levels.set(styleId, level);
    return level;
  }

  private computeLevel(styleId: string): number | null {
    const seen = new Set<string>();
    let id: string | null = styleId;
    while (id && !seen.has(id) && seen.size < MAX_BASED_ON_DEPTH) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      if (s.outlineLevel !== null) return s.outlineLevel >= 0 && s.outlineLevel <= 8 ? s.outlineLevel + 1 : null;
      id = s.basedOn;
    }
    const name = (this.styles.get(styleId)?.name ?? styleId).toLowerCase().replace(/\s+/g, "");
    const m = /^heading([1-9])$/.exec(name);
    if (m) return Number(m[1]);
    if (name === "title") return 0;
    return null;
  }

  /** Resolves what a user typed as a style (id or display name, case-insensitive) to a style id. */
  resolveStyleId(nameOrId: string): string {
    if (this.styles.has(nameOrId)) return nameOrId;
    const wanted = nameOrId.toLowerCase().replace(/\s+/g, "");
    for (const s of this.styles.values()) {
      if (s.styleId.toLowerCase() === wanted || s.name.toLowerCase().replace(/\s+/g, "") === wanted) return s.styleId;
    }
    return nameOrId;
  }
}
