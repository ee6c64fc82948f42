/** Compact tracked-change markup for revision tests, and a way to read back what a reader sees. */
import { strFromU8, unzipSync } from "fflate";
import type { DocxDocument } from "../../../../src/docx/index.js";

const at = (id: number, author = "Ann") => `w:id="${id}" w:author="${author}" w:date="2024-05-01T10:00:00Z"`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

export const ins = (id: number, text: string, author?: string) => `<w:ins ${at(id, author)}>${run(text)}</w:ins>`;
export const del = (id: number, text: string, author?: string) =>
  `<w:del ${at(id, author)}><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
export { at, run };

/** A paragraph whose mark is tracked as inserted or deleted (§17.13.5.15-.16). */
export const markedP = (mark: "ins" | "del", id: number, content: string, author?: string) =>
  `<w:p><w:pPr><w:rPr><w:${mark} ${at(id, author)}/></w:rPr></w:pPr>${content}</w:p>`;

export const plainP = (content: string) => `<w:p>${content}</w:p>`;

/** Visible text of every body paragraph, in order (cells included). */
export function paragraphTexts(doc: DocxDocument): string[] {
  const xml = documentXml(doc);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

export function documentXml(doc: DocxDocument): string {
  return strFromU8(unzipSync(doc.save())[doc.mainPart]);
}

export function partXml(doc: DocxDocument, name: string): string | undefined {
  const part = unzipSync(doc.save())[name];
  return part ? strFromU8(part) : undefined;
}
