/** Where LibreOffice puts words on the page: the PDF it writes, read back with `pdftotext -bbox`. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { convertWithLibreOffice } from "./libreoffice.js";

export interface PlacedWord {
  word: string;
  /** Left edge in points from the page's left edge. */
  x: number;
  y: number;
}

export function libreOfficeWords(bytes: Uint8Array, name = "layout"): PlacedWord[] {
  return convertWithLibreOffice([{ bytes, name }], "pdf", (file, out) => {
    if (!existsSync(out)) throw new Error(`LibreOffice could not convert ${file} to PDF`);
    const html = execFileSync("pdftotext", ["-bbox", out, "-"], { encoding: "utf8", timeout: 30_000 });
    return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      word: m[3],
      x: Number(m[1]),
      y: Number(m[2]),
    }));
  })[0];
}
