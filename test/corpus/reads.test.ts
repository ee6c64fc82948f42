/**
 * Reads over real documents: every id a read hands out selects its element again, a page of every format keeps
 * to its budget, and the markdown of a query is the export's markdown.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument, queryResultText } from "../../src/docx/index.js";
import { everything, unresolvedIds } from "../docx/support/handed-ids.js";
import { CORPUS } from "../support/corpus";

const FOLDERS = ["mammoth-test-data", "pandoc", "python-docx", "legal"];
const files = (folder: string) =>
  readdirSync(join(CORPUS, folder))
    .filter((f) => f.endsWith(".docx"))
    .map((f) => `${folder}/${f}`);
const open = (file: string) => DocxDocument.open(readFileSync(join(CORPUS, file)));

/** The element ids and comment ids revision_list and comment_list hand out, each with the path it must select. */
function listedIds(doc: DocxDocument): { form: string; path: string | null }[] {
  const out: { form: string; path: string | null }[] = [];
  const story = (path: string) => path.match(/^\/[a-z]+(\[\d+\])?/)![0];
  for (const r of doc.revisions()) {
    if (r.element_id) out.push({ form: `${story(r.path)}/*[id='${r.element_id}']`, path: r.path });
    if (r.to_element_id && r.to_path) out.push({ form: `${story(r.to_path)}/*[id='${r.to_element_id}']`, path: r.to_path });
  }
  for (const c of doc.listComments()) out.push({ form: `/comment[id='${c.id}']`, path: null });
  return out;
}

describe("reads over the corpus", () => {
  it("resolve the element ids of revision_list and the ids of comment_list in the revision cases", () => {
    const failures: string[] = [];
    let checked = 0;
    for (const file of files("oxpt-revision-processor")) {
      const doc = open(file);
      for (const { form, path } of listedIds(doc)) {
        checked++;
        const items = doc.query(form, { maxChars: 150_000 }).items!;
        const paths = items.map((i) => i.path);
        // A revision names the paragraph, row, cell or table it belongs to: its id selects that element.
        if (items.length !== 1 || (path !== null && paths[0] !== path))
          failures.push(`${file}: ${form} -> ${JSON.stringify(paths)} (wanted ${path ?? "one comment"})`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  for (const folder of FOLDERS) {
    it(`resolve every id they hand out in ${folder}`, () => {
      const failures: string[] = [];
      let checked = 0;
      for (const file of files(folder)) {
        const doc = open(file);
        const handed = everything(doc, 400);
        checked += handed.length;
        failures.push(...unresolvedIds(doc, handed.slice(0, 1500)).map((f) => `${file}: ${f}`));
      }
      expect(failures.slice(0, 20)).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });

    it(`keep a page within max_chars and query markdown equal to the export in ${folder}`, () => {
      for (const file of files(folder)) {
        const doc = open(file);
        for (const format of ["json", "text", "summary", "markdown"] as const) {
          for (const maxChars of [1000, 6000]) {
            const page = doc.query("/body", { format, maxChars });
            expect(JSON.stringify(page).length, `${file} ${format}`).toBeLessThanOrEqual(maxChars);
            expect(queryResultText(page).length, `${file} ${format}`).toBeLessThanOrEqual(maxChars);
          }
        }
        const exported = [...doc.export("markdown")].join("");
        const queried = doc.query("/body", { format: "markdown", limit: 500, maxChars: 150_000 });
        // A page that ends inside an item ends with a cut mark; what comes before it is the export's text.
        expect(exported.startsWith(queried.text!.replace(/ …\[cut\]$/, "")), file).toBe(true);
      }
    });
  }
});
