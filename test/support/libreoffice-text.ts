/** Plain text of a .docx as LibreOffice renders it (list numbers included), or null when soffice is not installed. */
import { existsSync, readFileSync } from "node:fs";
import { convertWithLibreOffice, sofficeAvailable } from "./libreoffice.js";

export function libreOfficeText(bytes: Uint8Array, name = "doc"): string | null {
  if (!sofficeAvailable()) return null;
  return convertWithLibreOffice([{ bytes, name }], "txt:Text (encoded):UTF8", (file, out) => {
    if (!existsSync(out)) throw new Error(`LibreOffice could not convert ${file}`);
    return readFileSync(out, "utf8");
  })[0];
}
