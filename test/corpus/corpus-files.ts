/** Where the shared corpus lives (beside this checkout) and its .docx files; the corpus suites all read it from here. */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const CORPUS = resolve(__dirname, "../../../shared/corpus");

/** Every .docx below `dir`, sorted. */
export function docxFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? docxFiles(p) : p.endsWith(".docx") ? [p] : [];
    })
    .sort();
}
