import { strFromU8, strToU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../src/docx/index.js";
import { canonicalDifference, decodePart, encodePart } from "../../src/docx/xml/index.js";
import { buildDocx, p } from "./support/build-docx.js";
import { rawZip } from "./support/raw-zip.js";

const UNKNOWN =
  `<w:p w14:paraId="22222222" w14:textId="77777777"><w:pPr><w:rPr><w14:ligatures w14:val="standard"/></w:rPr></w:pPr>` +
  `<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>choice</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>` +
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
  `<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x²</m:t></m:r></m:oMath><!-- keep me --></w:p>`;

describe("DocxDocument open and save", () => {
  const input = buildDocx({
    body:
      p("Heading", "Heading1") +
      UNKNOWN +
      p("Edit me") +
      `<w:sdt><w:sdtPr><w:tag w:val="t"/></w:sdtPr><w:sdtContent>${p("In a content control")}</w:sdtContent></w:sdt>` +
      "\n  " +
      p("Last"),
  });

  it("writes a document byte-identical part by part when nothing was edited", () => {
    const saved = DocxDocument.open(input).save();
    const a = unzipSync(input);
    const b = unzipSync(saved);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect(Buffer.from(b[name]).equals(Buffer.from(a[name])), name).toBe(true);
  });

  it("keeps every untouched block, unknown markup included, as its original text after an edit", () => {
    const doc = DocxDocument.open(input);
    doc.replaceParagraphText("/body/paragraph[2]", "Edited");
    const before = strFromU8(unzipSync(input)["word/document.xml"]);
    const after = strFromU8(unzipSync(doc.save())["word/document.xml"]);
    expect(after).toContain(UNKNOWN);
    expect(after).toContain(
      `<w:sdt><w:sdtPr><w:tag w:val="t"/></w:sdtPr><w:sdtContent>${p("In a content control")}</w:sdtContent></w:sdt>\n  ${p("Last")}`,
    );
    expect(after.replace(/<w:p w14:paraId="[0-9A-F]{8}"><w:r><w:t xml:space="preserve">Edited<\/w:t><\/w:r><\/w:p>/, p("Edit me"))).toBe(
      before,
    );
  });

  it("keeps paragraph properties and the first run's formatting when replacing text", () => {
    const doc = DocxDocument.open(
      buildDocx({
        body: `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:bookmarkStart w:id="0" w:name="b"/><w:r><w:rPr><w:i/></w:rPr><w:t>old</w:t></w:r><w:r><w:t>er</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>`,
      }),
    );
    doc.replaceParagraphText("/body/paragraph[0]", "new\ttext\nline");
    const para = doc.query("/body/paragraph[0]").items![0];
    expect(para).toMatchObject({ text: "new\ttext\nline", properties: { alignment: "center" }, runs: [{ italic: true }] });
    expect(doc.query("/body/paragraph[0]/bookmark").total).toBe(1);
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query("/body/paragraph[0]", { format: "text" }).text).toBe("new\ttext\nline");
  });

  it("edits a paragraph inside a table cell and keeps the rest of the table", () => {
    const doc = DocxDocument.open(buildDocx({ body: `<w:tbl><w:tr><w:tc>${p("a")}</w:tc><w:tc>${p("b")}</w:tc></w:tr></w:tbl>` }));
    const cellParagraph = doc.query("/body/table[0]/row[0]/cell[1]/paragraph[0]").items![0].id;
    doc.replaceParagraphText("/body/table[0]/row[0]/cell[1]/paragraph[0]", "B!");
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query("/body/table[0]").items![0].cells).toEqual([["a", "B!"]]);
    expect(reopened.query(`/body/table[0]/row[0]/cell[1]/paragraph[id='${cellParagraph}']`).total).toBe(1);
  });

  it("edits a header paragraph and writes back only that header", () => {
    const source = buildDocx({ body: p("Body"), headers: { default: p("Old header"), first: p("First") } });
    const doc = DocxDocument.open(source);
    doc.replaceParagraphText("/header[type=default]/paragraph[0]", "New header");
    const before = unzipSync(source);
    const after = unzipSync(doc.save());
    expect(strFromU8(after["word/header-default.xml"])).toContain("New header");
    for (const name of ["word/document.xml", "word/header-first.xml", "word/styles.xml"])
      expect(strFromU8(after[name])).toBe(strFromU8(before[name]));
    expect(DocxDocument.open(doc.save()).query("/header[type=default]", { format: "text" }).text).toBe("New header");
  });

  it("refuses an edit path that selects no single paragraph", () => {
    const doc = DocxDocument.open(input);
    expect(() => doc.replaceParagraphText("/body/paragraph", "x")).toThrow(/must select exactly one paragraph/);
    expect(() => doc.replaceParagraphText("/body/sdt[0]", "x")).toThrow(DocxError);
  });

  it("finds the main part through _rels/.rels", () => {
    const doc = DocxDocument.open(buildDocx({ mainPart: "custom/main.xml", body: p("Elsewhere") }));
    expect(doc.mainPart).toBe("custom/main.xml");
    expect(doc.query("/body/paragraph[0]", { format: "text" }).text).toBe("Elsewhere");
    doc.replaceParagraphText("/body/paragraph[0]", "Moved");
    expect(strFromU8(unzipSync(doc.save())["custom/main.xml"])).toContain("Moved");
  });

  it("reads and writes back a main part with a UTF-8 byte-order mark", () => {
    const parts = unzipSync(buildDocx({ body: p("Bom ü") }));
    const xml = parts["word/document.xml"];
    const withBom = new Uint8Array(xml.length + 3);
    withBom.set([0xef, 0xbb, 0xbf]);
    withBom.set(xml, 3);
    parts["word/document.xml"] = withBom;
    const doc = DocxDocument.open(rawZip(Object.entries(parts).map(([name, data]) => ({ name, data }))));
    expect(doc.query("/body/paragraph[0]", { format: "text" }).text).toBe("Bom ü");
    doc.replaceParagraphText("/body/paragraph[0]", "Still ü");
    const out = unzipSync(doc.save())["word/document.xml"];
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const written = new TextDecoder().decode(out).replace(/ w14:paraId="[0-9A-F]{8}"/, "");
    expect(canonicalDifference(written, strFromU8(xml).replace("Bom ü", "Still ü"))).toBeNull();
  });

  it("reads and writes back a UTF-16 main part", () => {
    const parts = unzipSync(buildDocx({ body: p("Sixteen ✓") }));
    parts["word/document.xml"] = new Uint8Array(
      encodePart(strFromU8(parts["word/document.xml"]).replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf-16le"),
    );
    const doc = DocxDocument.open(rawZip(Object.entries(parts).map(([name, data]) => ({ name, data }))));
    expect(doc.query("/body/paragraph[0]", { format: "text" }).text).toBe("Sixteen ✓");
    doc.replaceParagraphText("/body/paragraph[0]", "Still sixteen ✓");
    const written = decodePart(unzipSync(doc.save())["word/document.xml"]);
    expect(written.encoding).toBe("utf-16le");
    expect(written.text).toContain("Still sixteen ✓");
  });

  it("refuses a spreadsheet posing as a document, naming its content type", () => {
    const parts = unzipSync(buildDocx({ body: p("x") }));
    parts["[Content_Types].xml"] = strToU8(
      strFromU8(parts["[Content_Types].xml"]).replace("wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml"),
    );
    const zip = rawZip(Object.entries(parts).map(([name, data]) => ({ name, data })));
    expect(() => DocxDocument.open(zip)).toThrow(
      "The file is not a Word document: its main part word/document.xml has content type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml.",
    );
    expect(DocxDocument.open(buildDocx({ body: p("x") })).query("/metadata").items![0].main_content_type).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    );
  });

  it("refuses a package without a main document", () => {
    const zip = rawZip([{ name: "hello.txt", data: strToU8("hi") }]);
    expect(() => DocxDocument.open(zip)).toThrow(/not a Word document/);
  });
});

describe("readSection and readHeadingContent", () => {
  const doc = DocxDocument.open(
    buildDocx({
      body:
        p("Intro", "Heading1") +
        p("intro text") +
        p("Part A", "Heading2") +
        p("a text") +
        `<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>end of one</w:t></w:r></w:p>` +
        p("Part B", "Heading2") +
        p("b text") +
        p("Next chapter", "Heading1") +
        p("chapter text"),
    }),
  );

  it("returns the blocks of one section", () => {
    expect(doc.readSection(0, { format: "text" }).text).toBe("Intro\nintro text\nPart A\na text\nend of one");
    expect(doc.readSection(1, { format: "text" })).toMatchObject({ total: 4, text: "Part B\nb text\nNext chapter\nchapter text" });
    expect(() => doc.readSection(2)).toThrow("Section 2 not found: the document has 2 sections (0-1).");
  });

  it("returns a heading and what lies under it up to the next heading of the same or higher level", () => {
    const a = doc.readHeadingContent("part a", { format: "text" });
    expect(a.heading).toMatchObject({ level: 2, text: "Part A", path: "/body/paragraph[2]" });
    expect(a.text).toBe("Part A\na text\nend of one");
    const intro = doc.readHeadingContent("/body/heading[0]", { format: "text" });
    expect(intro.text).toBe("Intro\nintro text\nPart A\na text\nend of one\nPart B\nb text");
    const last = doc.readHeadingContent("/body/heading[text='Next chapter']", { format: "summary" });
    expect(last.total).toBe(2);
    expect(() => doc.readHeadingContent("no such heading")).toThrow(/No heading contains "no such heading"; the document has 4 headings/);
    expect(() => doc.readHeadingContent("/body/paragraph[1]")).toThrow(/does not select a heading/);
  });
});
