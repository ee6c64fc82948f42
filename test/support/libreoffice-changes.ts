/**
 * The tracked changes LibreOffice sees in a .docx: converts it to ODT and reads text:tracked-changes from content.xml
 * and styles.xml (each text:changed-region is one insertion, deletion or format change). Tests using it run under
 * `it.runIf(sofficeAvailable())` (test/support/libreoffice.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { convertWithLibreOffice } from "./libreoffice.js";

export interface LibreOfficeChange {
  kind: "insertion" | "deletion" | "format-change";
  /** The deleted text (kept inside the region), or the inserted text (between change-start and change-end in the body). */
  text: string;
}

export function libreOfficeChanges(bytes: Uint8Array, name = "doc"): { changes: LibreOfficeChange[]; content: string; styles: string } {
  return convertWithLibreOffice([{ bytes, name }], "odt", (file, out) => {
    if (!existsSync(out)) throw new Error(`LibreOffice could not convert ${file}`);
    const odt = unzipSync(readFileSync(out));
    const content = strFromU8(odt["content.xml"]);
    // Headers and footers live in the master pages, with their own tracked changes.
    const styles = strFromU8(odt["styles.xml"]);
    return { changes: [...changesOf(content), ...changesOf(styles)], content, styles };
  })[0];
}

const plain = (xml: string) => xml.replace(/<office:change-info>.*?<\/office:change-info>/g, "").replace(/<[^>]+>/g, "");

function changesOf(content: string): LibreOfficeChange[] {
  const out: LibreOfficeChange[] = [];
  for (const m of content.matchAll(/<text:changed-region[^>]*text:id="([^"]+)"[^>]*>(.*?)<\/text:changed-region>/g)) {
    const [, id, region] = m;
    const kind = /^<text:(insertion|deletion|format-change)/.exec(region)?.[1] as LibreOfficeChange["kind"] | undefined;
    if (!kind) continue;
    if (kind !== "insertion") {
      out.push({ kind, text: plain(region) });
      continue;
    }
    const span = new RegExp(`<text:change-start text:change-id="${id}"/>(.*?)<text:change-end text:change-id="${id}"/>`).exec(content);
    out.push({ kind, text: span ? plain(span[1]) : "" });
  }
  return out;
}
