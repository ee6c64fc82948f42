import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index";
import { PREVIEW_CHARS, scanBody } from "../../../src/docx/model/body-scanner";
import { buildDocx } from "../support/build-docx";
import { timed } from "../support/timed";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const body = (inner: string) =>
  new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`);
const para = (...runs: string[]) => `<w:p>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join("")}</w:p>`;
const facts = (inner: string) => scanBody(body(inner)).blocks[0];

describe("scanBody previews", () => {
  it("joins the text of every run and decodes entities", () => {
    expect(facts(para("Fish &amp; ", "chips &#x2019;", "&lt;ok&gt;"))).toMatchObject({
      preview: "Fish & chips \u2019<ok>",
      previewComplete: true,
    });
  });

  it("is complete at exactly the preview length and full one character past it", () => {
    const exact = "a".repeat(PREVIEW_CHARS);
    expect(facts(para(exact.slice(0, 50), exact.slice(50)))).toMatchObject({ preview: exact, previewComplete: true });
    expect(facts(para(exact, "b"))).toMatchObject({ preview: exact, previewComplete: false });
  });

  it("counts an entity as one character and stops outside it", () => {
    const text = "&amp;".repeat(PREVIEW_CHARS + 5);
    expect(facts(para(text))).toMatchObject({ preview: "&".repeat(PREVIEW_CHARS), previewComplete: false });
  });

  it("cuts non-ASCII text at a character boundary", () => {
    const text = "é😀".repeat(PREVIEW_CHARS);
    const { preview, previewComplete } = facts(para(text));
    expect(previewComplete).toBe(false);
    expect(preview.length).toBe(PREVIEW_CHARS);
    expect(text.startsWith(preview)).toBe(true);
  });

  it("puts tabs, breaks and a space after nested paragraphs, and leaves text boxes out", () => {
    const inner =
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/></w:r></w:p><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" +
      `<w:p><w:r><w:t>x</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>`;
    const [table, paragraph] = scanBody(body(inner)).blocks;
    // Each nested paragraph ends with a space (tables are never previewComplete).
    expect(table.preview).toBe("A\tB\n C ");
    expect(paragraph).toMatchObject({ preview: "x", atoms: ["image", "text box"] });
  });

  it("refuses an entity that is not a reference, naming where", () => {
    expect(() => facts(para("Fish & chips"))).toThrow(/offset \d+: an '&' is not the start of a reference/);
  });
});

describe("scanBody element names", () => {
  it("does not take an element whose name hashes like w:p for a paragraph", () => {
    // "vYp" and "w:p" have the same rolling hash and length; only their bytes tell them apart.
    const [real, alien] = scanBody(body(`${para("real")}<vYp><w:r><w:t>alien</w:t></w:r></vYp>`)).blocks;
    expect(real).toMatchObject({ kind: "paragraph", name: "w:p" });
    expect(alien).toMatchObject({ kind: "other", name: "vYp" });
  });

  it("opens a main part with 200,000 distinct element names in linear time", () => {
    // Each new name was once looked up by a search of every name seen: 78 s for this 1.9 MB part.
    const inner = Array.from({ length: 200_000 }, (_, i) => `<x${i}/>`).join("");
    const doc = timed("open of 200,000 distinct element names", () =>
      DocxDocument.open(buildDocx({ body: `<w:p>${inner}<w:r><w:t>after them</w:t></w:r></w:p>` })),
    );
    expect(doc.query("/body/paragraph[0]").items?.[0]?.text).toBe("after them");
  });
});

describe("scanBody tags", () => {
  const xml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`;
  const scan = (text: string) => scanBody(new TextEncoder().encode(text));
  const failure = (text: string) => {
    try {
      scan(text);
    } catch (e) {
      return (e as { failure: { kind: string; message: string } }).failure;
    }
    throw new Error("scanned without an error");
  };

  it("finds each block's exact byte range across end tags with white space, '>' in quoted values and long text", () => {
    const long = "x".repeat(5000);
    const blocks = [
      `<w:p w:rsidR="00A1" dmcp:note='a > b'><w:r><w:t>${long}</w:t></w:r></w:p >`,
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">a&gt;b</w:t></w:r></w:p\n>`,
      `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
    ];
    const text = xml(blocks.join(""));
    const bytes = new TextEncoder().encode(text);
    const found = scanBody(bytes).blocks;
    expect(found.map((b) => new TextDecoder().decode(bytes.subarray(b.start, b.end)))).toEqual(blocks);
    expect(found.map((b) => [b.kind, b.styleId, b.preview.length])).toEqual([
      ["paragraph", null, PREVIEW_CHARS],
      ["paragraph", "Heading1", 3],
      ["table", null, "cell ".length],
    ]);
  });

  it("calls a part that ends inside an end tag truncated, and a wrong end tag a mismatch", () => {
    expect(failure(xml(para("a")).slice(0, -3))).toMatchObject({
      kind: "xml_malformed",
      message: expect.stringContaining("unterminated end tag"),
    });
    expect(failure(xml(`<w:p><w:r></w:p></w:r>`))).toMatchObject({
      kind: "xml_malformed",
      message: expect.stringContaining("</w:p> does not match <w:r>"),
    });
    expect(failure(xml(`<w:p></w:px>`))).toMatchObject({ message: expect.stringContaining("</w:px> does not match <w:p>") });
  });

  it("calls a quoted attribute value that never closes an unterminated start tag", () => {
    expect(failure(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p w:x="open`)).toMatchObject({
      kind: "xml_malformed",
      message: expect.stringContaining("unterminated start tag <w:p>"),
    });
  });
});
