/** Visible text of WordprocessingML elements (§17.3.3): w:t, tabs and breaks; deleted text, field codes and text boxes are left out. */
import type { XmlElement } from "../xml/index.js";

/** Text of a paragraph or of any inline container (run, hyperlink, w:ins, inline SDT, ...). */
export function inlineText(el: XmlElement, w: string): string {
  const out: string[] = [];
  collectInline(el, w, out);
  return out.join("");
}

function collectInline(el: XmlElement, w: string, out: string[]): void {
  const inRun = el.name === w + "r";
  for (const c of el.children) {
    if (c.type !== "element") continue;
    const name = c.name;
    if (name === w + "t") {
      for (const t of c.children) if (t.type === "text" || t.type === "cdata") out.push(t.text);
    } else if (inRun && name === w + "tab") out.push("\t");
    else if (inRun && (name === w + "br" || name === w + "cr")) out.push("\n");
    else if (inRun && name === w + "noBreakHyphen") out.push("\u2011");
    else if (name === w + "txbxContent" || name === w + "del" || name === w + "moveFrom" || name === w + "pPr" || name === w + "rPr")
      continue;
    else collectInline(c, w, out);
  }
}

/** Text of a block: paragraphs as lines, table cells separated by tabs and rows by newlines. */
export function blockText(el: XmlElement, w: string): string {
  const name = el.name;
  if (name === w + "p") return inlineText(el, w);
  if (name === w + "tbl") {
    const rows: string[] = [];
    for (const tr of el.children) {
      if (tr.type !== "element" || tr.name !== w + "tr") continue;
      const cells: string[] = [];
      for (const tc of tr.children) if (tc.type === "element" && tc.name === w + "tc") cells.push(blockText(tc, w));
      rows.push(cells.join("\t"));
    }
    return rows.join("\n");
  }
  if (name === w + "sectPr" || name === w + "tblPr" || name === w + "tcPr" || name === w + "sdtPr") return "";
  const parts: string[] = [];
  for (const c of el.children) {
    if (c.type !== "element") continue;
    const t = blockText(c, w);
    if (c.name === w + "p" || c.name === w + "tbl" || t !== "") parts.push(t);
  }
  return parts.join("\n");
}
