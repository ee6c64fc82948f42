/**
 * Lists as real numbering (§17.9): each new list gets its own w:abstractNum and w:num in numbering.xml (created when
 * missing), so a numbered list starts at 1; items are paragraphs with w:numPr, nested items use w:ilvl 1-8.
 */
import { element, type XmlElement } from "../../xml/index.js";
import { maxAttribute, relatedPart } from "../related-part.js";
import { type BuildContext, wEl } from "./build-context.js";
import { paragraph, paragraphProperties, paragraphRuns } from "./paragraph-builder.js";
import { invalid, type JsonObject, objectAt, onlyKnown, optionalArray, optionalBoolean, optionalNumber } from "./value-fields.js";

const ORDERED_FORMATS = ["decimal", "lowerLetter", "lowerRoman"];
const BULLETS = ["\u2022", "\u25e6", "\u25aa"];
const MAX_ITEMS = 2_000;

interface Item {
  level: number;
  value: JsonObject;
  field: string;
}

export function buildList(ctx: BuildContext, v: JsonObject, field: string): XmlElement[] {
  onlyKnown(v, field, "a list value", ["type", "items", "ordered", "start"]);
  const ordered = optionalBoolean(v, "ordered", field) ?? false;
  const start = optionalNumber(v, "start", field, 0, 32_767);
  if (start !== undefined && !ordered) throw invalid(`${field}.start`, 'numbers the first item, so it needs "ordered": true.');
  const items: Item[] = [];
  collect(v, field, 0, items);
  if (items.length === 0)
    throw invalid(
      `${field}.items`,
      'is required: a list needs at least one item, e.g. {"type":"list","items":["One","Two"],"ordered":true}.',
    );
  // Item content is built (and checked) before numbering.xml changes.
  const contents = items.map((it) => paragraphRuns(ctx, it.value, it.field));
  const numId = addNumbering(ctx, ordered, start ?? 1);
  const listStyle = ctx.doc.styles.get("ListParagraph")?.type === "paragraph" ? "ListParagraph" : undefined;
  return items.map((it, i) => {
    const numPr = wEl(ctx, "numPr", {}, [wEl(ctx, "ilvl", { val: it.level }), wEl(ctx, "numId", { val: numId })]);
    return paragraph(ctx, paragraphProperties(ctx, undefined, it.field, { styleId: listStyle, numPr }), contents[i]);
  });
}

/** Items are strings or {text | runs, level, items}; nested `items` are one level deeper. */
function collect(v: JsonObject, field: string, level: number, out: Item[]): void {
  const items = optionalArray(v, "items", field, MAX_ITEMS) ?? [];
  items.forEach((raw, i) => {
    const f = `${field}.items[${i}]`;
    const item = typeof raw === "string" ? { text: raw } : objectAt(raw, f);
    onlyKnown(item, f, "a list item", ["text", "runs", "style", "level", "items"]);
    const own = optionalNumber(item, "level", f, 0, 8);
    const itemLevel = own ?? level;
    out.push({ level: itemLevel, value: item, field: f });
    if (item.items !== undefined) {
      if (itemLevel >= 8) throw invalid(`${f}.items`, "lists nest at most 9 levels (0-8).");
      collect(item, f, itemLevel + 1, out);
    }
    if (out.length > MAX_ITEMS) throw invalid(field, `has more than ${MAX_ITEMS} items.`);
  });
}

/** Adds an abstract numbering with nine levels (the first counting from `start`) and a w:num for it; returns the w:numId. */
function addNumbering(ctx: BuildContext, ordered: boolean, start: number): number {
  const { name, root, w } = relatedPart(ctx.doc, "numbering", "numbering");
  const el = (local: string, attrs: Record<string, string | number> = {}, children: XmlElement[] = []) =>
    element(
      w + local,
      Object.entries(attrs).map(([k, val]) => ({ name: w + k, value: String(val) })),
      children,
    );
  const abstractId = maxAttribute(root, w + "abstractNum", w + "abstractNumId") + 1;
  const numId = Math.max(0, maxAttribute(root, w + "num", w + "numId")) + 1;
  const levels = Array.from({ length: 9 }, (_, i) =>
    el("lvl", { ilvl: i }, [
      el("start", { val: i === 0 ? start : 1 }),
      el("numFmt", { val: ordered ? ORDERED_FORMATS[i % 3] : "bullet" }),
      el("lvlText", { val: ordered ? `%${i + 1}.` : BULLETS[i % 3] }),
      el("lvlJc", { val: "left" }),
      el("pPr", {}, [el("ind", { left: 720 * (i + 1), hanging: 360 })]),
    ]),
  );
  const abstract = el("abstractNum", { abstractNumId: abstractId }, [el("multiLevelType", { val: "hybridMultilevel" }), ...levels]);
  const num = el("num", { numId }, [el("abstractNumId", { val: abstractId })]);
  // CT_Numbering order: numPicBullet*, abstractNum*, num*, numIdMacAtCleanup.
  const kids = root.children;
  const lastAbstract = findLastIndex(kids, (c) => c.type === "element" && (c.name === w + "abstractNum" || c.name === w + "numPicBullet"));
  kids.splice(lastAbstract + 1, 0, abstract);
  const cleanup = kids.findIndex((c) => c.type === "element" && c.name === w + "numIdMacAtCleanup");
  kids.splice(cleanup < 0 ? kids.length : cleanup, 0, num);
  root.selfClosing = false;
  ctx.doc.parts.changed(name);
  return numId;
}

function findLastIndex<T>(xs: T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i])) return i;
  return -1;
}
