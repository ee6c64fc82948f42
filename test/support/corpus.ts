import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** The shared corpus of real .docx files, beside this checkout; `npm run test:corpus` refuses to start without it. */
export const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus");

/** Every .docx under a folder, recursively, in a stable order. */
export function docxFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? docxFiles(path) : path.endsWith(".docx") ? [path] : [];
    })
    .sort();
}
