/** Text and packages for the size-limit tests: dense prose, and packages whose central directory declares other sizes. */
import { unzipSync } from "fflate";
import { p } from "./build-docx.js";
import { rawZip } from "./raw-zip.js";

/** Paragraphs of varied words and codes, so the part compresses like dense real text (about 2.5:1), not like a bomb. */
export function prose(bytes: number): string {
  const words = ["contract", "party", "shall", "notice", "term", "agreement", "payment", "within", "days", "of", "the", "and"];
  const out: string[] = [];
  let size = 0;
  let x = 7;
  while (size < bytes) {
    let text = "";
    for (let i = 0; i < 40; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      text += `${words[x % words.length]} ${x.toString(36)} `;
    }
    const para = p(text);
    out.push(para);
    size += para.length;
  }
  return out.join("");
}

/** The same package with the central directory declaring other uncompressed sizes for some parts. */
export function withDeclaredSizes(docx: Uint8Array, declared: Record<string, number>): Uint8Array {
  return rawZip(Object.entries(unzipSync(docx)).map(([name, data]) => ({ name, data, declaredSize: declared[name] })));
}
