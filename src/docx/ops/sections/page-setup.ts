/** Page size, orientation (w:pgSz, §17.6.13) and margins (w:pgMar, §17.6.11) of one section or all of them. */
import { DocxError } from "../../errors.js";
import type { WordDocument } from "../../model/index.js";
import { firstChild, getAttribute, setAttribute } from "../../xml/index.js";
import { PAPER_NAMES, PAPER_SIZES, toTwips, twipsToCm } from "./length-units.js";
import { checkPageGeometry } from "./page-geometry.js";
import { editSection, sectionAt, sectionChild } from "./section-properties.js";

export const MARGIN_NAMES = ["top", "right", "bottom", "left", "header", "footer", "gutter"] as const;
export type MarginName = (typeof MARGIN_NAMES)[number];

export interface PageSetupChange {
  /** A paper name (A3, A4, A5, Letter, Legal, Tabloid) or explicit width/height below. */
  size?: string;
  width?: string | number;
  height?: string | number;
  orientation?: "portrait" | "landscape";
  margins?: Partial<Record<MarginName, string | number>>;
}

export interface PageSetup {
  section: number;
  width_twips: number | null;
  height_twips: number | null;
  width_cm: number | null;
  height_cm: number | null;
  orientation: "portrait" | "landscape";
  margins_twips: Partial<Record<MarginName, number>>;
}

/** Validates everything before the first section is touched, so a bad value changes nothing. */
function plan(change: PageSetupChange) {
  let size: [number, number] | null = null;
  if (change.size !== undefined) {
    size = PAPER_SIZES[change.size.trim().toLowerCase()] ?? null;
    if (!size)
      throw new DocxError({
        kind: "invalid_argument",
        field: "size",
        message: `Unknown paper size ${JSON.stringify(change.size)}; use one of ${PAPER_NAMES.join(", ")}, or width and height.`,
      });
  }
  const width = change.width === undefined ? null : toTwips(change.width, "width");
  const height = change.height === undefined ? null : toTwips(change.height, "height");
  if (width === 0 || height === 0)
    throw new DocxError({ kind: "invalid_argument", field: width === 0 ? "width" : "height", message: "A page cannot be 0 wide or high." });
  const margins: [MarginName, number][] = [];
  for (const [name, value] of Object.entries(change.margins ?? {})) {
    if (!(MARGIN_NAMES as readonly string[]).includes(name))
      throw new DocxError({
        kind: "invalid_argument",
        field: `margins.${name}`,
        message: `Unknown margin ${name}; margins are ${MARGIN_NAMES.join(", ")}.`,
      });
    if (value !== undefined) margins.push([name as MarginName, toTwips(value, `margins.${name}`)]);
  }
  if (change.orientation !== undefined && change.orientation !== "portrait" && change.orientation !== "landscape") {
    throw new DocxError({
      kind: "invalid_argument",
      field: "orientation",
      message: `orientation must be "portrait" or "landscape", not ${JSON.stringify(change.orientation)}.`,
    });
  }
  if (!size && width === null && height === null && margins.length === 0 && change.orientation === undefined) {
    throw new DocxError({
      kind: "invalid_argument",
      field: "size",
      message: "Nothing to change: give size, width, height, orientation or margins.",
    });
  }
  return { size, width, height, margins, orientation: change.orientation };
}

/** Word's margins where a section never set them (w:pgMar needs all seven, §17.6.11). */
const DEFAULT_MARGINS: Record<MarginName, number> = {
  top: 1440,
  right: 1440,
  bottom: 1440,
  left: 1440,
  header: 720,
  footer: 720,
  gutter: 0,
};

/** Applies `change` to section `index`, or every section when `index` is undefined; returns the new setups. */
export function setPageSetup(doc: WordDocument, index: number | undefined, change: PageSetupChange): PageSetup[] {
  const p = plan(change);
  const targets = index === undefined ? doc.sections().map((s) => s.index) : [sectionAt(doc, index).index];
  // Every section's result is checked before any is changed.
  const results = targets.map((i) => resultingSetup(doc, i, p));
  results.forEach((r, k) => {
    if (Number.isFinite(r.width) && Number.isFinite(r.height))
      checkPageGeometry(targets[k], { width: r.width, height: r.height, ...r.margins });
  });
  const w = doc.prefixes.w;
  targets.forEach((i, k) => {
    const r = results[k];
    const { sectPr, done } = editSection(doc, i);
    const pgSz = sectionChild(sectPr, w, "pgSz");
    if (Number.isFinite(r.width)) setAttribute(pgSz, w + "w", String(r.width));
    if (Number.isFinite(r.height)) setAttribute(pgSz, w + "h", String(r.height));
    if (r.landscape === true) setAttribute(pgSz, w + "orient", "landscape");
    else if (r.landscape === false) pgSz.attributes = pgSz.attributes.filter((a) => a.name !== w + "orient");
    if (p.margins.length) {
      const pgMar = sectionChild(sectPr, w, "pgMar");
      for (const name of MARGIN_NAMES) setAttribute(pgMar, w + name, String(r.margins[name]));
    }
    done();
  });
  return targets.map((i) => pageSetup(doc, i));
}

/** What section `index` would have after the change: page size, orientation and all seven margins. */
function resultingSetup(doc: WordDocument, index: number, p: ReturnType<typeof plan>) {
  const w = doc.prefixes.w;
  const props = sectionAt(doc, index).properties;
  const pgSz = props ? firstChild(props, w + "pgSz") : undefined;
  const pgMar = props ? firstChild(props, w + "pgMar") : undefined;
  const num = (el: typeof pgSz, name: string) => Number((el && getAttribute(el, w + name)) ?? Number.NaN);
  let width = p.width ?? (p.size ? p.size[0] : num(pgSz, "w"));
  let height = p.height ?? (p.size ? p.size[1] : num(pgSz, "h"));
  const landscape = p.orientation
    ? p.orientation === "landscape"
    : p.size
      ? !!pgSz && getAttribute(pgSz, w + "orient") === "landscape"
      : undefined;
  // Word draws a landscape page from the larger dimension as width, so the two are swapped to match w:orient.
  if (landscape !== undefined && Number.isFinite(width) && Number.isFinite(height) && (landscape ? width < height : width > height))
    [width, height] = [height, width];
  const margins = { ...DEFAULT_MARGINS };
  for (const name of MARGIN_NAMES) {
    const v = num(pgMar, name);
    if (Number.isFinite(v)) margins[name] = v;
  }
  for (const [name, twips] of p.margins) margins[name] = twips;
  return { width, height, landscape, margins };
}

export function pageSetup(doc: WordDocument, index: number): PageSetup {
  const s = sectionAt(doc, index);
  const w = doc.prefixes.w;
  const pgSz = s.properties ? firstChild(s.properties, w + "pgSz") : undefined;
  const pgMar = s.properties ? firstChild(s.properties, w + "pgMar") : undefined;
  const n = (v: string | undefined) => (v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));
  const width = n(pgSz && getAttribute(pgSz, w + "w"));
  const height = n(pgSz && getAttribute(pgSz, w + "h"));
  const margins: Partial<Record<MarginName, number>> = {};
  for (const name of MARGIN_NAMES) {
    const v = n(pgMar && getAttribute(pgMar, w + name));
    if (v !== null) margins[name] = v;
  }
  return {
    section: index,
    width_twips: width,
    height_twips: height,
    width_cm: width === null ? null : twipsToCm(width),
    height_cm: height === null ? null : twipsToCm(height),
    orientation: pgSz && getAttribute(pgSz, w + "orient") === "landscape" ? "landscape" : "portrait",
    margins_twips: margins,
  };
}
