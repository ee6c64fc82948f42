/**
 * Removes one grid column from tables (§17.4.48 w:tblGrid): the cell covering it in each row goes, a spanning cell narrows.
 * When the document tracks changes, the column's cells stay and their content is marked deleted (runs in w:del, paragraph
 * marks deleted, §17.13.5.14-16): w:cellDel (§17.13.5.1) would remove the cell on acceptance, but LibreOffice ignores
 * it, so the deletion would not be visible there. Accepting therefore leaves the column empty rather than gone; a cell
 * spanning several columns keeps its content and width.
 */
import { DocxError } from "../../errors.js";
import { elementOf, ownerOf, tableParts, type WordDocument } from "../../model/index.js";
import { resolvePath } from "../../paths/index.js";
import { childElements, firstChild, getAttribute, parentOf, setAttribute, type XmlElement } from "../../xml/index.js";
import { trackingOf } from "../tracking.js";
import { pinIds } from "./element-tree.js";
import { type AnnotationsRemoved, anchoredIn, removeOrphaned } from "./orphan-annotations.js";
import { columnCount, gridWidths, repairVerticalMerges, rowCells, rowSkip } from "./table-shape.js";
import { markRevision } from "./tracked-elements.js";

export interface RemoveColumnResult extends AnnotationsRemoved {
  columnIndex: number;
  rowsAffected: number;
  tables: string[];
  tracked?: true;
  spanningCellsKept?: number;
}

export function removeTableColumn(doc: WordDocument, path: string, column: number): RemoveColumnResult {
  if (!Number.isInteger(column) || column < 0)
    throw new DocxError({
      kind: "invalid_argument",
      field: "column",
      message: `column must be a whole number >= 0 (0 is the first column); got ${column}.`,
    });
  const { nodes } = resolvePath(doc, path);
  if (nodes.length === 0) throw new DocxError({ kind: "path_not_found", path, message: `${path} selects no table.` });
  const notTable = nodes.find((n) => n.kind !== "table");
  if (notTable)
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${notTable.path} is a ${notTable.kind}; remove_table_column needs tables, e.g. /body/table[0].`,
    });
  const rev = trackingOf(doc);
  let rows = 0;
  let spanningKept = 0;
  const removedCells: XmlElement[] = [];
  const tables: string[] = [];
  for (const node of nodes) {
    const owner = ownerOf(node)!;
    doc.touchForEdit(owner.list, owner.index);
    const table = resolvePath(doc, node.path).nodes[0];
    const tbl = elementOf(table)!;
    const w = owner.list.prefixes.w;
    const grid = firstChild(tbl, w + "tblGrid");
    const cols = grid ? childElements(grid, w + "gridCol") : [];
    const widths = gridWidths(tbl, w);
    const count = columnCount(tbl, w);
    if (column >= count)
      throw new DocxError({
        kind: "invalid_argument",
        field: "column",
        message: `${node.path} has ${count} column${count === 1 ? "" : "s"} (0-${count - 1}); column ${column} does not exist.`,
      });
    if (count === 1)
      throw new DocxError({
        kind: "invalid_argument",
        field: "column",
        message: `${node.path} has only one column; remove the table instead.`,
      });
    for (const row of tableParts(doc, table, "row")) {
      const tr = elementOf(row)!;
      const cells = tableParts(doc, row, "cell");
      const placed = rowCells(tr, w);
      const i = placed.findIndex((c) => column >= c.column && column < c.column + c.span);
      if (i < 0) {
        // The column is one the row skips (w:gridBefore / w:gridAfter): the row skips one column less.
        if (!rev) narrowSkip(tr, w, column < rowSkip(tr, w, "gridBefore") ? "gridBefore" : "gridAfter");
        continue;
      }
      const { tc, column: at, span } = placed[i];
      if (rev && span > 1) spanningKept++;
      else if (rev) markRevision(tc, w, rev, "del");
      else if (span > 1) {
        setSpan(tc, w, span - 1);
        // The cell's width in twips follows the columns it still covers; a percentage or auto width follows the grid.
        const tcW = firstChild(firstChild(tc, w + "tcPr")!, w + "tcW");
        const type = tcW && (getAttribute(tcW, w + "type") ?? "dxa");
        if (tcW && type === "dxa" && widths[column]) setAttribute(tcW, w + "w", String(spanSum(widths, at, span) - widths[column]));
      } else {
        pinIds(doc, owner.list, cells.slice(i + 1));
        removedCells.push(tc);
        const parent = parentOf(tr, tc)!;
        parent.children.splice(parent.children.indexOf(tc), 1);
      }
      rows++;
    }
    if (!rev && grid && cols[column]) {
      grid.children.splice(grid.children.indexOf(cols[column]), 1);
      narrowTable(tbl, w, widths[column]);
      repairVerticalMerges(tbl, w);
    }
    owner.list.refresh(owner.index);
    tables.push(node.path);
  }
  if (!rev) return { columnIndex: column, rowsAffected: rows, tables, ...removeOrphaned(doc, anchoredIn(removedCells, doc.prefixes.w)) };
  return {
    columnIndex: column,
    rowsAffected: rows - spanningKept,
    tables,
    tracked: true,
    ...(spanningKept ? { spanningCellsKept: spanningKept } : {}),
  };
}

function setSpan(tc: XmlElement, w: string, n: number): void {
  const tcPr = firstChild(tc, w + "tcPr")!;
  const span = firstChild(tcPr, w + "gridSpan")!;
  if (n === 1) tcPr.children.splice(tcPr.children.indexOf(span), 1);
  else setAttribute(span, w + "val", String(n));
}

function spanSum(widths: number[], column: number, span: number): number {
  return widths.slice(column, column + span).reduce((a, b) => a + b, 0);
}

function narrowSkip(tr: XmlElement, w: string, which: "gridBefore" | "gridAfter"): void {
  const skip = firstChild(firstChild(tr, w + "trPr")!, w + which)!;
  setAttribute(skip, w + "val", String(rowSkip(tr, w, which) - 1));
}

/** A table width in twips (w:tblW type dxa) loses the removed column's width, so the other columns keep theirs. */
function narrowTable(tbl: XmlElement, w: string, removed: number | undefined): void {
  const tblPr = firstChild(tbl, w + "tblPr");
  const tblW = tblPr && firstChild(tblPr, w + "tblW");
  if (!tblW || getAttribute(tblW, w + "type") !== "dxa" || !removed) return;
  const width = Number(getAttribute(tblW, w + "w"));
  if (Number.isFinite(width) && width > removed) setAttribute(tblW, w + "w", String(Math.round(width - removed)));
}
