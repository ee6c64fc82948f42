/**
 * The ids reads hand out, and whether each selects its element again: `everything` queries a document from its
 * stories down to runs and cells and collects every element with an id from every result; `unresolvedIds` selects
 * each by `[id='…']` from its story (`/body/*[id='…']`, `/body/paragraph[id='…']` for paragraphs, ...).
 */
import type { DocxDocument, Json } from "../../../src/docx/index.js";

export interface HandedId {
  id: string;
  path: string;
  type: string;
}

/** Children to read below an element, by its type, so the walk reaches every addressable thing. */
const CHILDREN: Record<string, string[]> = {
  paragraph: ["run[*]", "hyperlink[*]", "drawing[*]", "bookmark[*]", "textbox[*]"],
  heading: ["run[*]", "hyperlink[*]", "drawing[*]", "bookmark[*]", "textbox[*]"],
  hyperlink: ["run[*]"],
  table: ["row[*]"],
  row: ["cell[*]"],
  cell: ["*"],
  textbox: ["*"],
  sdt: ["*"],
  header: ["*"],
  footer: ["*"],
  footnote: ["*"],
  endnote: ["*"],
  comment: ["*"],
};
const ROOTS = ["/body", "/header[*]", "/footer[*]", "/footnote[*]", "/endnote[*]", "/comment[*]"];

/** Every object with an id and a path anywhere in a result (items, their runs, cells, content, text boxes). */
function collect(value: unknown, out: HandedId[]): void {
  if (Array.isArray(value)) for (const v of value) collect(v, out);
  else if (value && typeof value === "object") {
    const o = value as Json;
    if (typeof o.id === "string" && typeof o.path === "string") out.push({ id: o.id, path: o.path, type: String(o.type) });
    for (const v of Object.values(o)) collect(v, out);
  }
}

/** All items a path selects, every page of them. */
function allItems(doc: DocxDocument, path: string): Json[] {
  const items: Json[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const page = doc.query(path, { offset, limit: 500, maxChars: 150_000 });
    items.push(...page.items!);
    offset = page.next_char_offset === null ? page.next_offset : page.next_offset! + 1;
  }
  return items;
}

/** Every element with an id that reads of the document hand out, reading at most `maxPaths` paths. */
export function everything(doc: DocxDocument, maxPaths = 5000): HandedId[] {
  const handed: HandedId[] = [];
  const read = new Set<string>();
  const queue = [...ROOTS];
  while (queue.length && read.size < maxPaths) {
    const path = queue.shift()!;
    if (read.has(path)) continue;
    read.add(path);
    const items = allItems(doc, path);
    collect(items, handed);
    for (const item of items) for (const child of CHILDREN[String(item.type)] ?? []) queue.push(`${item.path}/${child}`);
  }
  return handed;
}

/** The story an element lives in: /body, or /header[0], /footnote[1], ... */
const storyOf = (path: string) => path.match(/^\/[a-z]+(\[\d+\])?/)![0];

/**
 * Whether two paths select the same element: a run in a hyperlink is both `/paragraph[N]/run[K]` and
 * `/paragraph[N]/hyperlink[0]/run[0]`, so ids resolve to one of its paths.
 */
function sameElement(doc: DocxDocument, a: string, b: string): boolean {
  if (a === b) return true;
  const strip = (path: string) => {
    const [item] = doc.query(path, { maxChars: 150_000 }).items as Json[];
    return JSON.stringify({ ...item, path: undefined });
  };
  return strip(a) === strip(b);
}

/** The ids that do not select their element again, each with what its path forms gave instead. */
export function unresolvedIds(doc: DocxDocument, handed: HandedId[]): string[] {
  const unresolved: string[] = [];
  for (const h of handed) {
    const story = storyOf(h.path);
    const forms: string[] = [];
    if (story === h.path) {
      // A note or comment is selected by id among its kind (notes are numbered per kind, so pathOf cannot know it).
      if (/^\/(footnote|endnote|comment)\[\d+\]$/.test(h.path)) forms.push(`${h.path.replace(/\[\d+\]$/, "")}[id='${h.id}']`);
    } else {
      forms.push(`${story}/*[id='${h.id}']`);
      if (h.type === "paragraph" || h.type === "heading") forms.push(`${story}/paragraph[id='${h.id}']`);
      if (h.type === "table") forms.push(`${story}/table[id='${h.id}']`);
      const byId = doc.pathOf(h.id);
      if (!sameElement(doc, byId, h.path)) unresolved.push(`pathOf(${h.id}) -> ${byId} (wanted ${h.path})`);
    }
    for (const form of forms) {
      const paths = (doc.query(form, { maxChars: 150_000 }).items as Json[]).map((i) => i.path as string);
      if (paths.length !== 1 || !sameElement(doc, paths[0], h.path))
        unresolved.push(`${form} -> ${JSON.stringify(paths)} (wanted ${h.path})`);
    }
  }
  return unresolved;
}
