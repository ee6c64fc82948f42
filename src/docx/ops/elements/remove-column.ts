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
import { markRevision } from "./tracked-elements.js";

export interface RemoveColumnResult {
  column_index: number;
  rows_affected: number;
  tables: string[];
  tracked?: true;
  spanning_cells_kept?: number;
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
  const tables: string[] = [];
  for (const node of nodes) {
    const owner = ownerOf(node)!;
    doc.touchForEdit(owner.list, owner.index);
    const table = resolvePath(doc, node.path).nodes[0];
    const tbl = elementOf(table)!;
    const w = owner.list.prefixes.w;
    const grid = firstChild(tbl, w + "tblGrid");
    const cols = grid ? childElements(grid, w + "gridCol") : [];
    const count = Math.max(cols.length, ...tableParts(doc, table, "row").map((r) => gridWidth(elementOf(r)!, w)));
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
      let at = gridBefore(tr, w);
      for (let i = 0; i < cells.length; i++) {
        const tc = elementOf(cells[i])!;
        const span = spanOf(tc, w);
        if (column >= at && column < at + span) {
          if (rev && span > 1) spanningKept++;
          else if (rev) markRevision(tc, w, rev, "del");
          else if (span > 1) setSpan(tc, w, span - 1);
          else {
            pinIds(doc, owner.list, cells.slice(i + 1));
            const parent = parentOf(tr, tc)!;
            parent.children.splice(parent.children.indexOf(tc), 1);
          }
          rows++;
          break;
        }
        at += span;
      }
    }
    if (!rev && grid && cols[column]) grid.children.splice(grid.children.indexOf(cols[column]), 1);
    owner.list.refresh(owner.index);
    tables.push(node.path);
  }
  if (!rev) return { column_index: column, rows_affected: rows, tables };
  return {
    column_index: column,
    rows_affected: rows - spanningKept,
    tables,
    tracked: true,
    ...(spanningKept ? { spanning_cells_kept: spanningKept } : {}),
  };
}

function spanOf(tc: XmlElement, w: string): number {
  const tcPr = firstChild(tc, w + "tcPr");
  const span = tcPr ? firstChild(tcPr, w + "gridSpan") : undefined;
  const n = span ? Number(getAttribute(span, w + "val")) : 1;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function setSpan(tc: XmlElement, w: string, n: number): void {
  const tcPr = firstChild(tc, w + "tcPr")!;
  const span = firstChild(tcPr, w + "gridSpan")!;
  if (n === 1) tcPr.children.splice(tcPr.children.indexOf(span), 1);
  else setAttribute(span, w + "val", String(n));
}

function gridBefore(tr: XmlElement, w: string): number {
  const trPr = firstChild(tr, w + "trPr");
  const before = trPr ? firstChild(trPr, w + "gridBefore") : undefined;
  const n = before ? Number(getAttribute(before, w + "val")) : 0;
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function gridWidth(tr: XmlElement, w: string): number {
  let n = gridBefore(tr, w);
  const walk = (el: XmlElement) => {
    for (const c of childElements(el)) {
      if (c.name === w + "tc") n += spanOf(c, w);
      else if (c.name === w + "sdt" || c.name === w + "sdtContent" || c.name === w + "customXml") walk(c);
    }
  };
  walk(tr);
  return n;
}
