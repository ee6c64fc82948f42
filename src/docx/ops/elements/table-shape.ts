/**
 * Keeps a table rectangular (§17.4.38 w:tbl): each row's w:gridBefore + w:gridSpan sum + w:gridAfter equals the
 * w:tblGrid column count, a w:vMerge continuation sits under a merged cell of the same columns, and cells that edits
 * create or narrow get a w:tcW matching the grid columns they cover. Word and LibreOffice each repair ragged tables
 * their own way, so an edit that leaves one renders differently in each.
 */
import { DocxError } from "../../errors.js";
import { MAX_GRID_SPAN } from "../../model/index.js";
import { childElements, element, firstChild, getAttribute, insertInOrder, setAttribute, type XmlElement } from "../../xml/index.js";

export interface PlacedCell {
  tc: XmlElement;
  /** First grid column the cell covers. */
  column: number;
  span: number;
}

const WRAPPERS = ["sdt", "sdtContent", "customXml"];

function wrapped(parent: XmlElement, local: string, w: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of childElements(parent)) {
    if (c.name === w + local) out.push(c);
    else if (WRAPPERS.some((n) => c.name === w + n)) out.push(...wrapped(c, local, w));
  }
  return out;
}

/** A span or skip as written, at most MAX_GRID_SPAN (see there). */
function intVal(el: XmlElement | undefined, w: string, fallback: number): number {
  const v = el ? Number(getAttribute(el, w + "val")) : Number.NaN;
  return Number.isInteger(v) && v >= 0 ? Math.min(v, MAX_GRID_SPAN) : fallback;
}

function tableRows(tbl: XmlElement, w: string): XmlElement[] {
  return wrapped(tbl, "tr", w);
}

export function cellSpan(tc: XmlElement, w: string): number {
  const tcPr = firstChild(tc, w + "tcPr");
  return Math.max(1, intVal(tcPr && firstChild(tcPr, w + "gridSpan"), w, 1));
}

/** w:gridBefore or w:gridAfter of a row (§17.4.14, 17.4.15). */
export function rowSkip(tr: XmlElement, w: string, which: "gridBefore" | "gridAfter"): number {
  const trPr = firstChild(tr, w + "trPr");
  return intVal(trPr && firstChild(trPr, w + which), w, 0);
}

export function rowCells(tr: XmlElement, w: string): PlacedCell[] {
  let column = rowSkip(tr, w, "gridBefore");
  return wrapped(tr, "tc", w).map((tc) => {
    const span = cellSpan(tc, w);
    const placed = { tc, column, span };
    column += span;
    return placed;
  });
}

/** Grid columns a row covers, skipped ones included. */
export function rowWidth(tr: XmlElement, w: string): number {
  return rowCells(tr, w).reduce((n, c) => n + c.span, rowSkip(tr, w, "gridBefore") + rowSkip(tr, w, "gridAfter"));
}

/** Grid column widths in twips (0 where a w:gridCol has none). */
export function gridWidths(tbl: XmlElement, w: string): number[] {
  const grid = firstChild(tbl, w + "tblGrid");
  return (grid ? childElements(grid, w + "gridCol") : []).map((c) => {
    const n = Number(getAttribute(c, w + "w"));
    return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
  });
}

/** The grid's column count; a table without w:tblGrid (not valid, but seen) counts its widest row. */
export function columnCount(tbl: XmlElement, w: string): number {
  const grid = gridWidths(tbl, w).length;
  return grid > 0 ? grid : Math.max(0, ...tableRows(tbl, w).map((r) => rowWidth(r, w)));
}

function spanWidth(widths: number[], column: number, span: number): number {
  return widths.slice(column, column + span).reduce((a, b) => a + b, 0);
}

/** Sets a cell's w:tcW to `twips` (dxa), creating w:tcPr and w:tcW as needed. */
function setCellWidth(tc: XmlElement, w: string, twips: number): void {
  let tcPr = firstChild(tc, w + "tcPr");
  if (!tcPr) {
    tcPr = element(w + "tcPr");
    tc.children.unshift(tcPr);
    tc.selfClosing = false;
  }
  let tcW = firstChild(tcPr, w + "tcW");
  if (!tcW) {
    tcW = element(w + "tcW");
    insertInOrder(tcPr, tcW, w);
  }
  tcW.attributes = [
    { name: w + "w", value: String(twips) },
    { name: w + "type", value: "dxa" },
  ];
}

/** A cell's w:tcW when it is in twips (w:type dxa or absent), else null (pct and auto widths follow the grid). */
function dxaWidth(tc: XmlElement, w: string): XmlElement | null {
  const tcPr = firstChild(tc, w + "tcPr");
  const tcW = tcPr && firstChild(tcPr, w + "tcW");
  if (!tcW) return null;
  const type = getAttribute(tcW, w + "type") ?? "dxa";
  return type === "dxa" ? tcW : null;
}

/**
 * After cells of a row moved to other grid columns (one was added, removed or widened): every width in twips follows
 * the columns its cell now covers, and the `fresh` cells without a width get one.
 */
export function fitRowWidths(tbl: XmlElement, tr: XmlElement, w: string, fresh: XmlElement[] = []): void {
  const widths = gridWidths(tbl, w);
  for (const cell of rowCells(tr, w)) {
    const width = spanWidth(widths, cell.column, cell.span);
    if (width <= 0 || cell.column + cell.span > widths.length) continue;
    const tcPr = firstChild(cell.tc, w + "tcPr");
    if (dxaWidth(cell.tc, w) || (fresh.includes(cell.tc) && !(tcPr && firstChild(tcPr, w + "tcW")))) setCellWidth(cell.tc, w, width);
  }
}

/**
 * Refuses a row that covers more grid columns than the table has, and pads a shorter one at its end with empty
 * cells as wide as the columns they fill. Returns how many cells were added.
 */
export function fitRowToGrid(tbl: XmlElement, tr: XmlElement, w: string, field: string, where: string): number {
  const count = columnCount(tbl, w);
  const width = rowWidth(tr, w);
  if (width > count)
    throw new DocxError({
      kind: "invalid_argument",
      field,
      message: `${field}: the row would cover ${width} grid columns but ${where} has ${count}; give at most ${count} columns of cells (col_span counts).`,
    });
  const widths = gridWidths(tbl, w);
  for (let column = width; column < count; column++) {
    const cell = element(w + "tc", [], [element(w + "p")]);
    if (widths[column]) setCellWidth(cell, w, widths[column]);
    tr.children.push(cell);
  }
  tr.selfClosing = false;
  return count - width;
}

/** Cell properties a new row takes from its neighbour, in CT_TcPr order; merges and spans are the row's own. */
const COPIED_CELL_PROPERTIES = ["tcBorders", "shd", "noWrap", "tcMar", "textDirection", "vAlign"];

/**
 * Gives the cells of a new row what the neighbouring row's cell in the same grid column has and they lack: borders,
 * shading, margins, vertical alignment, a width (from the grid when the neighbour's is in twips) and its first
 * paragraph's style and alignment.
 */
export function takeNeighbourLook(tbl: XmlElement, tr: XmlElement, neighbour: XmlElement | undefined, w: string): void {
  const widths = gridWidths(tbl, w);
  const next = new Map((neighbour ? rowCells(neighbour, w) : []).map((c) => [c.column, c]));
  for (const cell of rowCells(tr, w)) {
    const model = next.get(cell.column);
    const width = spanWidth(widths, cell.column, cell.span);
    const own = firstChild(cell.tc, w + "tcPr");
    if (!(own && firstChild(own, w + "tcW")) && width > 0 && (!model || dxaWidth(model.tc, w))) setCellWidth(cell.tc, w, width);
    if (!model) continue;
    const theirs = firstChild(model.tc, w + "tcPr");
    for (const name of COPIED_CELL_PROPERTIES) {
      const source = theirs && firstChild(theirs, w + name);
      if (!source) continue;
      let tcPr = firstChild(cell.tc, w + "tcPr");
      if (!tcPr) {
        tcPr = element(w + "tcPr");
        cell.tc.children.unshift(tcPr);
      }
      if (!firstChild(tcPr, w + name)) insertInOrder(tcPr, structuredClone(source), w);
    }
    for (const source of paragraphLook(model.tc, w)) for (const p of childElements(cell.tc, w + "p")) giveParagraph(p, source, w);
  }
}

/** The paragraph style, direction and alignment of a cell's first paragraph (pandoc keeps a column's alignment there). */
function paragraphLook(tc: XmlElement, w: string): XmlElement[] {
  const p = firstChild(tc, w + "p");
  const pPr = p && firstChild(p, w + "pPr");
  return pPr
    ? [firstChild(pPr, w + "pStyle"), firstChild(pPr, w + "bidi"), firstChild(pPr, w + "jc")].filter((e): e is XmlElement => !!e)
    : [];
}

/** Adds a copy of `property` to the paragraph's w:pPr unless it sets that property itself. */
function giveParagraph(p: XmlElement, property: XmlElement, w: string): void {
  let pPr = firstChild(p, w + "pPr");
  if (pPr && firstChild(pPr, property.name)) return;
  if (!pPr) {
    pPr = element(w + "pPr");
    p.children.unshift(pPr);
    p.selfClosing = false;
  }
  insertInOrder(pPr, structuredClone(property), w);
}

/**
 * A w:vMerge continuation (§17.4.85) whose cell above is not part of a merge over the same columns (its row was
 * removed, or a row was put between) starts a merge instead, so it shows its own content rather than vanishing.
 */
export function repairVerticalMerges(tbl: XmlElement, w: string): void {
  let above = new Map<number, { span: number; merged: boolean }>();
  for (const tr of tableRows(tbl, w)) {
    const here = new Map<number, { span: number; merged: boolean }>();
    for (const cell of rowCells(tr, w)) {
      const tcPr = firstChild(cell.tc, w + "tcPr");
      const vMerge = tcPr && firstChild(tcPr, w + "vMerge");
      if (vMerge && getAttribute(vMerge, w + "val") !== "restart") {
        const up = above.get(cell.column);
        if (!up?.merged || up.span !== cell.span) setAttribute(vMerge, w + "val", "restart");
      }
      here.set(cell.column, { span: cell.span, merged: !!vMerge });
    }
    above = here;
  }
}

/** The nearest ancestor of `el` inside `root` named `name` (e.g. the w:tbl around a row), or null. */
export function enclosing(root: XmlElement, el: XmlElement, name: string): XmlElement | null {
  const path: XmlElement[] = [];
  const find = (node: XmlElement): boolean => {
    if (node === el) return true;
    for (const c of node.children) {
      if (c.type === "element" && find(c)) {
        path.push(node);
        return true;
      }
    }
    return false;
  };
  if (!find(root)) return null;
  // Ancestors were collected innermost first.
  return path.find((n) => n.name === name) ?? null;
}
