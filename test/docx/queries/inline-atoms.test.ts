/** Readers show what a paragraph holds besides text, so an agent never takes a figure or an equation for emptiness. */
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, p, ROOT_NS } from "../support/build-docx.js";

const ROOT = `${ROOT_NS} xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
// pandoc writes a figure as a paragraph holding only an inline drawing with the caption as its description.
const FIGURE =
  '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture 1" descr="Sales by region"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r></w:p>';
// r_1, …, r_n as LibreOffice writes inline OMML.
const MATH =
  "<m:oMath><m:sSub><m:e><m:r><m:t>r</m:t></m:r></m:e><m:sub><m:r><m:t>1</m:t></m:r></m:sub></m:sSub><m:r><m:t>,…,</m:t></m:r><m:sSub><m:e><m:r><m:t>r</m:t></m:r></m:e><m:sub><m:r><m:t>n</m:t></m:r></m:sub></m:sSub></m:oMath>";
const FRACTION = "<m:oMath><m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f></m:oMath>";
const field = (instr: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> ${instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const TEXT_BOX = `<w:r><w:drawing><wp:anchor><wp:docPr id="2" name="Text Box 2"/><a:graphic><a:graphicData uri="x"><wps:wsp><wps:txbx><w:txbxContent>${p("Boxed note")}${p("second line")}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
const VML_PICTURE = '<w:r><w:pict><v:shape><v:imagedata r:id="rIdX" o:title="logo"/></v:shape></w:pict></w:r>';

const open = (body: string) =>
  DocxDocument.open(buildDocx({ body, rootAttributes: ROOT, footnotes: ["<w:p><w:r><w:t>note</w:t></w:r></w:p>"] }));
const text = (doc: DocxDocument, path: string) => doc.query(path, { format: "text" }).text;

describe("readers show inline atoms", () => {
  it("summarizes an image-only paragraph as an image, not as an empty paragraph", () => {
    const doc = open(p("Before") + FIGURE + p("After"));
    const summary = doc.query("/body", { format: "summary" }).text!;
    expect(summary).toMatch(/\/body\/paragraph\[1\] paragraph \(id=\w+, contains image\): \[image only\]/);
    expect(text(doc, "/body/paragraph[1]")).toBe("[image: Sales by region]");
    expect(doc.query("/body/paragraph[1]").items![0]).toMatchObject({ text: "[image: Sales by region]" });
    expect(doc.query("/body/paragraph[1]/run[0]").items![0]).toMatchObject({ type: "run", text: "[image: Sales by region]" });
    // Markdown is the export's: the image as an image.
    expect(doc.query("/body/paragraph[1]", { format: "markdown" }).text).toBe("![Sales by region]()");
  });

  it("shows inline math in a linear form instead of a double space", () => {
    const doc = open(`<w:p>${r("the roots ")}${MATH}${r(" are real; mean ")}${FRACTION}</w:p>`);
    expect(text(doc, "/body/paragraph[0]")).toBe("the roots [math: r_1,…,r_n] are real; mean [math: (a+b)/2]");
    expect(doc.query("/body/paragraph[0]", { format: "markdown" }).text).toContain("\\[math: r\\_1,…,r\\_n\\]");
    expect(doc.query("/body", { format: "summary" }).text).toContain("contains equation");
  });

  it("shows fields with their kind and result, hyperlink fields as their text, and SET fields not at all", () => {
    const doc = open(
      `<w:p>${r("page ")}${field("PAGE", "2")}${r(" of ")}${field("NUMPAGES", "4")}${r(". ")}${field("SET total 5", "5")}${field('HYPERLINK "https://a.example/"', "site")}</w:p>`,
    );
    expect(text(doc, "/body/paragraph[0]")).toBe("page [PAGE: 2] of [NUMPAGES: 4]. site");
  });

  it("shows note references with their note id and text boxes with their content", () => {
    const doc = open(`<w:p>${r("claim")}<w:r><w:footnoteReference w:id="1"/></w:r>${r(" and ")}${TEXT_BOX}${VML_PICTURE}</w:p>`);
    expect(text(doc, "/body/paragraph[0]")).toBe("claim[footnote 1] and [text box: Boxed note / second line][image: logo]");
  });

  it("leaves paragraphs without atoms as they were", () => {
    const doc = open(p("plain text"));
    expect(text(doc, "/body/paragraph[0]")).toBe("plain text");
    expect(doc.query("/body", { format: "summary" }).text).not.toContain("contains");
  });
});
