/**
 * Every id a read hands out resolves in a path: query everything in corpus-shaped documents, collect each element
 * with an id from every result, and select it again by `[id='…']` from its story (`/body/*[id='…']`, and for blocks
 * `/body/paragraph[id='…']` / `/body/table[id='…']`), getting back the element at the path the result gave.
 */
import { describe, expect, it } from "vitest";
import type { DocxDocument, Json } from "../../../src/docx/index.js";
import { libreOfficeShaped, pandocShaped, wordShaped } from "../support/corpus-shaped.js";

interface Handed {
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
function collect(value: unknown, out: Handed[]): void {
  if (Array.isArray(value)) for (const v of value) collect(v, out);
  else if (value && typeof value === "object") {
    const o = value as Json;
    if (typeof o.id === "string" && typeof o.path === "string") out.push({ id: o.id, path: o.path, type: String(o.type) });
    for (const v of Object.values(o)) collect(v, out);
  }
}

function everything(doc: DocxDocument): Handed[] {
  const handed: Handed[] = [];
  const read = new Set<string>();
  const queue = [...ROOTS];
  while (queue.length) {
    const path = queue.shift()!;
    if (read.has(path)) continue;
    read.add(path);
    const result = doc.query(path, { limit: 500, maxChars: 150_000 });
    expect(result.next_offset, path).toBeNull();
    const found: Handed[] = [];
    collect(result.items, found);
    handed.push(...found);
    for (const item of result.items as Json[]) {
      const type = String(item.type);
      for (const child of CHILDREN[type] ?? []) queue.push(`${item.path}/${child}`);
    }
  }
  return handed;
}

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

/** The story an element lives in: /body, or /header[0], /footnote[1], ... */
const storyOf = (path: string) => path.match(/^\/[a-z]+(\[\d+\])?/)![0];

describe("ids handed out by reads", () => {
  for (const [name, open] of [
    ["LibreOffice-shaped", libreOfficeShaped],
    ["Word-shaped", wordShaped],
    ["pandoc-shaped", pandocShaped],
  ] as const) {
    it(`all resolve in a path in a ${name} document`, () => {
      const doc = open();
      const handed = everything(doc);
      // The walk reaches nested paragraphs (cells, text boxes), runs and cells, not only top-level blocks.
      expect(handed.some((h) => /\.tc\d+\.p\d+$/.test(h.id) || (h.path.includes("/cell[") && h.type === "paragraph"))).toBe(true);
      expect(handed.some((h) => h.type === "run")).toBe(true);
      const unresolved: string[] = [];
      for (const h of handed) {
        const story = storyOf(h.path);
        const forms = [`${story}/*[id='${h.id}']`];
        if (story === h.path) forms.length = 0; // a note or comment is selected by id among its kind
        if (/^\/(footnote|endnote|comment)\[\d+\]$/.test(h.path)) forms.push(`${h.path.replace(/\[\d+\]$/, "")}[id='${h.id}']`);
        if (h.type === "paragraph" || h.type === "heading") forms.push(`${story}/paragraph[id='${h.id}']`);
        if (h.type === "table") forms.push(`${story}/table[id='${h.id}']`);
        for (const form of forms) {
          const result = doc.query(form, { maxChars: 150_000 });
          const paths = (result.items as Json[]).map((i) => i.path as string);
          if (paths.length !== 1 || !sameElement(doc, paths[0], h.path))
            unresolved.push(`${form} -> ${JSON.stringify(paths)} (wanted ${h.path})`);
        }
        // Notes and comments are numbered per kind (footnote 1, endnote 1), so only the path above finds them.
        if (story !== h.path) expect(sameElement(doc, doc.pathOf(h.id), h.path), h.id).toBe(true);
      }
      expect(unresolved).toEqual([]);
      expect(handed.length).toBeGreaterThan(20);
    });
  }

  it("resolves a table-cell paragraph's id from the body, as the issue's example shows", () => {
    const doc = libreOfficeShaped();
    const [cellParagraph] = doc.query("/body/table[0]/row[1]/cell[1]/paragraph[1]").items as Json[];
    expect(cellParagraph.id).toMatch(/^[0-9A-F]{8}\.tr1\.tc1\.p1$/);
    const [again] = doc.query(`/body/paragraph[id='${cellParagraph.id}']`).items as Json[];
    expect(again).toMatchObject({ path: "/body/table[0]/row[1]/cell[1]/paragraph[1]", text: "first quarter" });
    // The kind must fit: a paragraph's id does not select a table, and an id from another story is not in the body.
    expect(doc.query(`/body/table[id='${cellParagraph.id}']`).total).toBe(0);
    const [headerParagraph] = doc.query("/header[0]/paragraph[0]").items as Json[];
    expect(doc.query(`/body/paragraph[id='${headerParagraph.id}']`).total).toBe(0);
    expect(doc.query(`/header[0]/paragraph[id='${headerParagraph.id}']`).total).toBe(1);
  });
});
