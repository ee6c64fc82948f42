/** The three style edits: run formatting, paragraph formatting, table/row/cell formatting, all with merge semantics. */
import { type DocNode, tableParts, type WordDocument } from "../../model/index.js";
import { firstChild, type XmlElement } from "../../xml/index.js";
import { applyStyle, type HostEdit, type StyleOutcome } from "./apply-style.js";
import { HEADING_OUTLINE_REMOVAL, paragraphStyleEdits } from "./paragraph-properties.js";
import { runStyleEdits } from "./run-properties.js";
import { elementsWithin } from "./style-targets.js";
import { invalid } from "./style-values.js";
import { tableStyleEdits } from "./table-properties.js";

export interface StyleOptions {
  /** What to style; omitted means every block of the body. Wildcards ([*]) select many. */
  path?: string;
}

/** Merges run properties (§17.3.2) into every run inside the selected elements. */
export function styleRuns(doc: WordDocument, style: unknown, options: StyleOptions = {}): StyleOutcome {
  const edits = runStyleEdits(style);
  const w = doc.prefixes.w;
  return applyStyle(doc, options.path, (_node, el) => elementsWithin(el, w + "r", w).map((host) => ({ host, props: "rPr", edits })), {
    ...options,
    noun: "runs",
  });
}

/** Merges paragraph properties (§17.3.1) into every paragraph inside the selected elements. */
export function styleParagraphs(doc: WordDocument, style: unknown, options: StyleOptions = {}): StyleOutcome {
  const edits = paragraphStyleEdits(style, doc.styles);
  const w = doc.prefixes.w;
  // Paragraphs whose direct outline level a heading style removes, counted once although the plan runs twice.
  const outlined = new Set<string>();
  const outcome = applyStyle(
    doc,
    options.path,
    (node, el) =>
      elementsWithin(el, w + "p", w).map((host, i) => {
        const pPr = firstChild(host, w + "pPr");
        if (edits.includes(HEADING_OUTLINE_REMOVAL) && pPr && firstChild(pPr, w + "outlineLvl")) outlined.add(`${node.path}#${i}`);
        return { host, props: "pPr", edits };
      }),
    { ...options, noun: "paragraphs" },
  );
  if (outlined.size === 0) return outcome;
  return {
    ...outcome,
    outlineLevelsRemoved: outlined.size,
    note: `${outlined.size} paragraph${outlined.size === 1 ? "" : "s"} had a direct outline level, which outranks a style's; it was removed so the heading style makes ${outlined.size === 1 ? "it a heading" : "them headings"}.`,
  };
}

/**
 * Merges table (§17.4.60), row (§17.4.82) and cell (§17.4.70) properties. A selected table gets all three on itself,
 * its rows and its cells; a selected row its row and cell properties; a selected cell its cell properties; any
 * other selection applies to the tables inside it.
 */
export function styleTables(
  doc: WordDocument,
  specs: { style?: unknown; cell_style?: unknown; row_style?: unknown },
  options: StyleOptions = {},
): StyleOutcome {
  const edits = tableStyleEdits(specs, doc.styles);
  const w = doc.prefixes.w;
  const cellsOf = (row: XmlElement): HostEdit[] =>
    edits.cell.length ? children(doc, row, "cell").map((host) => ({ host, props: "tcPr", edits: edits.cell })) : [];
  const rowOf = (row: XmlElement): HostEdit[] => [
    ...(edits.row.length ? [{ host: row, props: "trPr", edits: edits.row }] : []),
    ...cellsOf(row),
  ];
  const tableOf = (table: XmlElement): HostEdit[] => [
    ...(edits.table.length ? [{ host: table, props: "tblPr", edits: edits.table }] : []),
    ...children(doc, table, "row").flatMap(rowOf),
  ];
  return applyStyle(
    doc,
    options.path,
    (node, el) => {
      if (node.kind === "row" || node.kind === "cell") {
        const wrong =
          node.kind === "row"
            ? edits.table.length
              ? "style"
              : null
            : edits.table.length
              ? "style"
              : edits.row.length
                ? "row_style"
                : null;
        if (wrong)
          throw invalid(
            wrong,
            `cannot apply to a ${node.kind} (${node.path}); select its table, e.g. ${node.path.replace(/\/row\[.*$/, "")}.`,
          );
        if (node.kind === "row") return rowOf(el);
        return edits.cell.length ? [{ host: el, props: "tcPr", edits: edits.cell }] : [];
      }
      return elementsWithin(el, w + "tbl", w).flatMap(tableOf);
    },
    { ...options, noun: "tables" },
  );
}

/** Rows of a table or cells of a row, through SDT and customXml wrappers, not entering nested tables. */
function children(doc: WordDocument, el: XmlElement, kind: "row" | "cell"): XmlElement[] {
  const node: DocNode = { kind: kind === "row" ? "table" : "row", path: "", id: null, element: el };
  return tableParts(doc, node, kind).map((n) => n.element!);
}
