/**
 * Documents shaped like what LibreOffice, Word and pandoc write, for tests that must hold on real output: hashed ids
 * (LibreOffice writes no w14:paraId), stored paraIds everywhere (Word), text boxes with their VML twin, content
 * controls, merged and nested tables, notes, comments, tracked changes, and pandoc's numbered nested lists.
 */
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p, ROOT_NS, W_NS } from "./build-docx.js";

/** ROOT_NS plus the DrawingML and VML namespaces text boxes need. */
export const DRAWING_ROOT =
  `${ROOT_NS} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
export const run = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const boxContent = (paragraphs: string[]) => `<w:txbxContent>${paragraphs.map((t) => `<w:p>${run(t)}</w:p>`).join("")}</w:txbxContent>`;
/** An anchored DrawingML shape holding a text box, as both Word and LibreOffice write it. */
export const drawingBox = (paragraphs: string[]) =>
  '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
  '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>' +
  '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2743200" cy="914400"/>' +
  '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>' +
  '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>' +
  '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>' +
  `<wps:txbx>${boxContent(paragraphs)}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr>` +
  "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>";
/** Word's form: the DrawingML shape in mc:Choice and its VML twin in mc:Fallback (`twin` lets the copies differ). */
export const wordTextBox = (paragraphs: string[], twin = paragraphs) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawingBox(paragraphs)}</mc:Choice><mc:Fallback><w:pict>` +
  `<v:shape id="Text Box 1" type="#_x0000_t202" style="position:absolute;width:216pt;height:72pt"><v:textbox>${boxContent(twin)}</v:textbox></v:shape>` +
  "</w:pict></mc:Fallback></mc:AlternateContent></w:r>";

const cell = (content: string, tcPr = "") => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${tcPr}</w:tcPr>${content}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const table = (columns: number, ...rows: string[]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(columns)}</w:tblGrid>${rows.join("")}</w:tbl>`;

/** LibreOffice: no paraIds, tables with merged cells, several paragraphs in a cell, a nested table, a text box, notes. */
export function libreOfficeShaped(): DocxDocument {
  const nested = table(2, row(cell(p("inner a")), cell(p("inner b"))));
  const body = [
    p("Report", "Heading1"),
    `<w:p>${run("Opening with a note")}<w:r><w:footnoteReference w:id="1"/></w:r>${run(" and ")}<w:commentRangeStart w:id="0"/>${run("a comment")}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
    table(
      3,
      row(cell(p("Region"), '<w:vMerge w:val="restart"/>'), cell(p("Sales"), '<w:gridSpan w:val="2"/>')),
      row(cell("<w:p/>", "<w:vMerge/>"), cell(p("Q1") + p("first quarter")), cell(p("Q2"))),
      row(cell(p("North")), cell(nested + p("after nested")), cell(p("12"))),
    ),
    `<w:p>${run("Anchor ")}${wordTextBox(["Box one", "Box two"])}</w:p>`,
    p("Closing", "Heading1"),
    `<w:p>${run("Linked ")}<w:hyperlink r:id="rLink">${run("site")}</w:hyperlink><w:bookmarkStart w:id="0" w:name="end"/>${run(" end")}<w:bookmarkEnd w:id="0"/></w:p>`,
  ].join("");
  return DocxDocument.open(
    buildDocx({
      body,
      rootAttributes: DRAWING_ROOT,
      links: { rLink: "https://example.org/" },
      headers: { default: `${p("Header text")}${table(1, row(cell(p("header cell"))))}` },
      footers: { default: p("Footer text") },
      footnotes: [p("The note.")],
      comments: [{ author: "Ann", body: p("Check this.") }],
    }),
  );
}

/** Word: a w14:paraId on every paragraph (cells too), a content control holding paragraphs, tracked changes. */
export function wordShaped(): DocxDocument {
  let next = 0x1a2b0000;
  const pid = () => ` w14:paraId="${(next++).toString(16).toUpperCase()}" w14:textId="77777777"`;
  const wp = (text: string, style?: string) => p(text, style, pid());
  const body = [
    `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${wp("Contents", "Heading1")}${wp("Introduction 1")}</w:sdtContent></w:sdt>`,
    wp("Introduction", "Heading1"),
    `<w:p${pid()}>${run("Kept ")}<w:ins w:id="5" w:author="Alice" w:date="2024-05-01T10:00:00Z">${run("added")}</w:ins><w:del w:id="6" w:author="Bob" w:date="2024-05-02T10:00:00Z"><w:r><w:delText> removed</w:delText></w:r></w:del></w:p>`,
    table(2, row(cell(wp("a1") + wp("a1 second")), cell(wp("b1"))), row(cell(wp("a2")), cell(wp("b2")))),
    `<w:p${pid()}>${run("Box: ")}${wordTextBox(["Inside the box"])}</w:p>`,
    wp("Introduction again", "Heading2"),
  ].join("");
  return DocxDocument.open(buildDocx({ body, rootAttributes: DRAWING_ROOT, endnotes: [wp("An endnote.")] }));
}

const lvl = (ilvl: number, fmt: string, text: string) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
  `<w:pPr><w:ind w:left="${720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
/** pandoc's numbering: one abstractNum per list with decimal, lowerLetter, lowerRoman levels, each num restarting. */
const PANDOC_NUMBERING =
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}">` +
  `<w:abstractNum w:abstractNumId="990"><w:multiLevelType w:val="multilevel"/>${lvl(0, "decimal", "%1.")}${lvl(1, "lowerLetter", "%2.")}${lvl(2, "lowerRoman", "%3.")}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="991"><w:multiLevelType w:val="multilevel"/>${lvl(0, "bullet", "•")}${lvl(1, "bullet", "–")}</w:abstractNum>` +
  `<w:num w:numId="1000"><w:abstractNumId w:val="990"/></w:num>` +
  `<w:num w:numId="1001"><w:abstractNumId w:val="991"/></w:num>` +
  `</w:numbering>`;
const PANDOC_STYLES =
  '<w:style w:type="paragraph" w:customStyle="1" w:styleId="FirstParagraph"><w:name w:val="First Paragraph"/><w:basedOn w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Compact"><w:name w:val="Compact"/><w:basedOn w:val="Normal"/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table"/></w:style>';

/** A pandoc list item: style Compact, the list's numId, its level. */
export const pandocItem = (text: string, numId: number, ilvl = 0) =>
  `<w:p><w:pPr><w:pStyle w:val="Compact"/><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;

/** pandoc: FirstParagraph/Compact styles, a numbered list nested three deep, a bullet list, a simple table. */
export function pandocShaped(): DocxDocument {
  const body = [
    p("Steps", "Heading1"),
    p("Follow these steps.", "FirstParagraph"),
    pandocItem("Prepare", 1000),
    pandocItem("Gather tools", 1000, 1),
    pandocItem("Check the list", 1000, 2),
    pandocItem("Clear the desk", 1000, 1),
    pandocItem("Build", 1000),
    pandocItem("Test", 1000),
    pandocItem("Unit", 1000, 1),
    p("Notes follow.", "FirstParagraph"),
    pandocItem("Milk", 1001),
    pandocItem("Skimmed", 1001, 1),
    table(2, row(cell(p("Name", "Compact")), cell(p("Value", "Compact"))), row(cell(p("a", "Compact")), cell(p("1", "Compact")))),
  ].join("");
  return DocxDocument.open(
    buildDocx({
      body,
      styles: PANDOC_STYLES,
      relationships: { rIdNum: ["numbering", "numbering.xml"] },
      extraParts: { "word/numbering.xml": PANDOC_NUMBERING },
    }),
  );
}
