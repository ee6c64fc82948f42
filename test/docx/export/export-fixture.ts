/** One small document with every feature the exports must keep, built in code (see build-docx.ts). */

import { DocxDocument, type ExportFormat } from "../../../src/docx/index.js";
import { buildDocx, p, W_NS } from "../support/build-docx.js";

const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;

/** numId 1: decimal "1." with lowerLetter "a)" below; numId 2: bullets; numId 3: same list as 1 restarted at 5; numId 4: "I." then "I.1." legal. */
export const NUMBERING =
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}">` +
  `<w:abstractNum w:abstractNumId="10">${lvl(0, "decimal", "%1.")}${lvl(1, "lowerLetter", "%2)")}${lvl(2, "lowerRoman", "%3.")}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="20">${lvl(0, "bullet", "\uF0B7")}${lvl(1, "bullet", "o")}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="30">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%1.%2.")}</w:abstractNum>` +
  `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
  `<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>` +
  `<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
  `<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>` +
  `</w:numbering>`;

export const item = (text: string, numId: number, ilvl = 0) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const cell = (text: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${p(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;

export const SIMPLE_TABLE = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${row(cell("Name"), cell("Role"))}${row(cell("Ada"), cell("Engineer | lead"))}</w:tbl>`;

/** 3 columns: a header spanning two columns, and a first-column cell merged down two rows. */
export const MERGED_TABLE =
  `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
  row(cell("Region", '<w:vMerge w:val="restart"/>'), cell("Sales", '<w:gridSpan w:val="2"/>')) +
  row(cell("", "<w:vMerge/>"), cell("Q1"), cell("Q2")) +
  row(cell("North"), cell("10"), cell("12")) +
  `</w:tbl>`;

const run = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;

export const BODY = [
  p("Quarterly report", "Heading1"),
  `<w:p>${run("Plain, ")}${run("bold", "<w:b/>")}${run(", ")}${run("italic", "<w:i/>")}${run(", ")}${run("under", '<w:u w:val="single"/>')}${run("lined", '<w:u w:val="single"/>')}${run(" and ")}${run("struck", "<w:strike/>")}${run(".")}</w:p>`,
  p("Details", "Heading2"),
  item("First", 1),
  item("Second", 1),
  item("Nested one", 1, 1),
  item("Nested two", 1, 1),
  item("Third", 1),
  item("Dot", 2),
  item("Circle", 2, 1),
  item("Restarted", 3),
  item("Continued", 3),
  item("Part", 4),
  item("Clause", 4, 1),
  item("Clause", 4, 1),
  SIMPLE_TABLE,
  MERGED_TABLE,
  `<w:p>${run("See ")}<w:hyperlink r:id="rIdLink">${run("the site")}</w:hyperlink>${run(" or ")}<w:hyperlink w:anchor="intro">${run("the intro")}</w:hyperlink>${run(".")}</w:p>`,
  `<w:p><w:bookmarkStart w:id="0" w:name="intro"/>${run("Intro text")}<w:bookmarkEnd w:id="0"/>${run("with a note")}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>${run(" and an endnote")}<w:r><w:endnoteReference w:id="1"/></w:r></w:p>`,
  `<w:p>${run("Before ")}<w:commentRangeStart w:id="0"/>${run("the commented words")}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${run(" after.")}</w:p>`,
  `<w:p>${run("Kept ")}<w:ins w:id="5" w:author="Alice" w:date="2024-05-01T10:00:00Z">${run("added ")}</w:ins><w:del w:id="6" w:author="Bob" w:date="2024-05-02T10:00:00Z"><w:r><w:delText>removed </w:delText></w:r></w:del>${run("end.")}</w:p>`,
  `<w:p>${run("Page ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("7")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
].join("");

export function exportFixture(): DocxDocument {
  return DocxDocument.open(
    buildDocx({
      body: BODY,
      relationships: { rIdNum: ["numbering", "numbering.xml"] },
      extraParts: { "word/numbering.xml": NUMBERING },
      links: { rIdLink: "https://example.com/a b" },
      footnotes: [p("Footnote text.")],
      endnotes: [p("Endnote text.")],
      comments: [{ author: "Carol", body: p("Please check.") }],
    }),
  );
}

export function exported(doc: DocxDocument, format: ExportFormat): string {
  return [...doc.export(format)].join("");
}
