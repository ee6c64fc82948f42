/**
 * Tables are rectangular and agree with their grid (§17.4.38, 17.4.48): each row's w:gridBefore, cell w:gridSpan and
 * w:gridAfter add up to the w:tblGrid column count; a w:vMerge continuation sits under a cell of a merge over the same
 * columns; a cell's w:tcW in twips matches the grid columns it covers (within 1%, as Word rounds).
 */
import { childElements, firstChild, getAttribute, type XmlElement } from "../xml/index.js";
import { descendants, wordParts } from "./structure-part-trees.js";

export function checkTableGrid(parts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const { name, root, w } of wordParts(parts)) {
    descendants(root, [w + "tbl"]).forEach((tbl, t) => {
      for (const problem of tableProblems(tbl, w)) out.push(`${name}: table ${t}: ${problem}`);
    });
  }
  return out;
}

function number(el: XmlElement | undefined, attr: string, fallback: number): number {
  const v = el ? Number(getAttribute(el, attr)) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
}

/** Rows or cells, looking through content controls and custom XML (but not into nested tables). */
function children(parent: XmlElement, name: string, w: string): XmlElement[] {
  return childElements(parent).flatMap((c) =>
    c.name === name ? [c] : [w + "sdt", w + "sdtContent", w + "customXml"].includes(c.name) ? children(c, name, w) : [],
  );
}

function tableProblems(tbl: XmlElement, w: string): string[] {
  const grid = firstChild(tbl, w + "tblGrid");
  const widths = (grid ? childElements(grid, w + "gridCol") : []).map((c) => number(c, w + "w", 0));
  const problems: string[] = [];
  let above = new Map<number, { span: number; merged: boolean }>();
  children(tbl, w + "tr", w).forEach((tr, r) => {
    const trPr = firstChild(tr, w + "trPr");
    let column = number(trPr && firstChild(trPr, w + "gridBefore"), w + "val", 0);
    const here = new Map<number, { span: number; merged: boolean }>();
    children(tr, w + "tc", w).forEach((tc, c) => {
      const tcPr = firstChild(tc, w + "tcPr");
      const span = Math.max(1, number(tcPr && firstChild(tcPr, w + "gridSpan"), w + "val", 1));
      const vMerge = tcPr && firstChild(tcPr, w + "vMerge");
      if (vMerge && getAttribute(vMerge, w + "val") !== "restart") {
        const up = above.get(column);
        if (!up?.merged || up.span !== span)
          problems.push(
            `row ${r} cell ${c} continues a vertical merge, but the cell above in grid column ${column} is not merged over the same columns`,
          );
      }
      const tcW = tcPr && firstChild(tcPr, w + "tcW");
      const expected = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      if (tcW && (getAttribute(tcW, w + "type") ?? "dxa") === "dxa" && expected > 0 && column + span <= widths.length) {
        const given = number(tcW, w + "w", expected);
        if (Math.abs(given - expected) > Math.max(2 * span, expected * 0.01))
          problems.push(
            `row ${r} cell ${c} is ${given} twips wide (w:tcW) but covers grid columns ${column}-${column + span - 1} of ${expected} twips`,
          );
      }
      here.set(column, { span, merged: !!vMerge });
      column += span;
    });
    column += number(trPr && firstChild(trPr, w + "gridAfter"), w + "val", 0);
    if (widths.length > 0 && column !== widths.length)
      problems.push(`row ${r} covers ${column} grid columns, the grid has ${widths.length}`);
    above = here;
  });
  return problems;
}
