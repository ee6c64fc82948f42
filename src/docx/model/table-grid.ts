/**
 * A table's cells placed on its grid (§17.4): w:gridBefore skips columns, w:gridSpan widens a cell, and a cell with
 * w:vMerge (no value or "continue") extends the cell above it in the same grid column instead of starting a new one.
 */
import { childElements, firstChild, getAttribute, type XmlElement } from "../xml/index.js";

export interface GridCell {
  element: XmlElement;
  column: number;
  colspan: number;
  rowspan: number;
}

export interface TableGrid {
  /** Each row's cells that start there; cells continued from above are left out. */
  rows: GridCell[][];
  columns: number;
  /** Whether any cell spans more than one column or row. */
  merged: boolean;
}

/** Rows or cells below `parent`, looking through content controls and custom XML wrappers. */
function wrapped(parent: XmlElement, name: string, w: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of childElements(parent)) {
    if (c.name === name) out.push(c);
    else if (c.name === w + "sdt" || c.name === w + "sdtContent" || c.name === w + "customXml") out.push(...wrapped(c, name, w));
  }
  return out;
}

/**
 * Largest w:gridSpan, w:gridBefore or w:gridAfter taken as written (Word's tables have at most 63 columns). A hostile
 * gridSpan of millions would otherwise make a grid of millions of columns: 5,000,000 took 3 s and 700 MB to export.
 */
export const MAX_GRID_SPAN = 256;

const intVal = (el: XmlElement | undefined, w: string, fallback: number) => {
  const v = el ? Number(getAttribute(el, w + "val")) : NaN;
  return Number.isInteger(v) && v > 0 ? Math.min(v, MAX_GRID_SPAN) : fallback;
};

export function tableGrid(table: XmlElement, w: string): TableGrid {
  const rows: GridCell[][] = [];
  let above = new Map<number, GridCell>();
  let columns = 0;
  let merged = false;
  for (const tr of wrapped(table, w + "tr", w)) {
    const trPr = firstChild(tr, w + "trPr");
    let column = trPr ? intVal(firstChild(trPr, w + "gridBefore"), w, 0) : 0;
    const row: GridCell[] = [];
    const covering = new Map<number, GridCell>();
    for (const tc of wrapped(tr, w + "tc", w)) {
      const tcPr = firstChild(tc, w + "tcPr");
      const colspan = intVal(tcPr && firstChild(tcPr, w + "gridSpan"), w, 1);
      const vMerge = tcPr && firstChild(tcPr, w + "vMerge");
      const continued = vMerge && getAttribute(vMerge, w + "val") !== "restart" ? above.get(column) : undefined;
      let cell: GridCell;
      if (continued) {
        continued.rowspan++;
        cell = continued;
        merged = true;
      } else {
        cell = { element: tc, column, colspan, rowspan: 1 };
        row.push(cell);
        if (colspan > 1) merged = true;
      }
      for (let c = column; c < column + colspan; c++) covering.set(c, cell);
      column += colspan;
    }
    columns = Math.max(columns, column);
    rows.push(row);
    above = covering;
  }
  return { rows, columns, merged };
}
