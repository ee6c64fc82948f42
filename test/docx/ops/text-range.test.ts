import { describe, expect, it } from "vitest";
import { inlineText } from "../../../src/docx/model/index.js";
import { insertionPoint, isolateRange, readParagraphText, splitAt, textRun } from "../../../src/docx/ops/text-range.js";
import { parseFragment, serializeNode, type XmlElement } from "../../../src/docx/xml/index.js";

const W = "w:";
const para = (inner: string) => parseFragment(`<w:p>${inner}</w:p>`)[0] as XmlElement;
const xml = (el: XmlElement) => serializeNode(el);
const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;

describe("readParagraphText", () => {
  it("reads text, tabs and breaks of runs at any depth, and leaves deleted text out", () => {
    const p = para(
      `<w:pPr><w:rPr><w:b/></w:rPr></w:pPr>${r("Hello ")}<w:hyperlink r:id="rId1"><w:r><w:t>big</w:t><w:tab/></w:r></w:hyperlink>` +
        `<w:ins w:id="1"><w:r><w:t>new</w:t><w:br/></w:r></w:ins><w:del w:id="2"><w:r><w:delText>gone</w:delText></w:r></w:del>` +
        `<w:smartTag><w:r><w:t>tag</w:t></w:r></w:smartTag><w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple>`,
    );
    const { text, pieces } = readParagraphText(p, W);
    expect(text).toBe("Hello big\tnew\ntag7");
    expect(text).toBe(inlineText(p, W));
    expect(pieces.map((x) => [x.start, x.end, x.parent.name])).toEqual([
      [0, 6, "w:p"],
      [6, 9, "w:hyperlink"],
      [9, 10, "w:hyperlink"],
      [10, 13, "w:ins"],
      [13, 14, "w:ins"],
      [14, 17, "w:smartTag"],
      [17, 18, "w:fldSimple"],
    ]);
  });
});

describe("splitAt", () => {
  it("cuts a run inside its text into two runs that each keep a copy of the formatting", () => {
    const p = para(r("abcdef", '<w:b/><w:color w:val="FF0000"/>'));
    splitAt(p, W, 2);
    expect(xml(p)).toBe(`<w:p>${r("ab", '<w:b/><w:color w:val="FF0000"/>')}${r("cdef", '<w:b/><w:color w:val="FF0000"/>')}</w:p>`);
  });

  it("cuts between two text elements of one run, and leaves run and paragraph edges alone", () => {
    const p = para(`<w:r><w:t>ab</w:t><w:tab/><w:t>cd</w:t></w:r>${r("ef")}`);
    splitAt(p, W, 2);
    splitAt(p, W, 0);
    splitAt(p, W, 5);
    splitAt(p, W, 7);
    expect(xml(p)).toBe(`<w:p><w:r><w:t>ab</w:t></w:r><w:r><w:tab/><w:t>cd</w:t></w:r>${r("ef")}</w:p>`);
  });

  it("keeps a stored run id on the first piece only", () => {
    const p = para(`<w:r dmcp:id="R1" w:rsidR="00AB"><w:t>abcd</w:t></w:r>`);
    splitAt(p, W, 1);
    expect(xml(p)).toBe(`<w:p><w:r dmcp:id="R1" w:rsidR="00AB"><w:t>a</w:t></w:r><w:r w:rsidR="00AB"><w:t>bcd</w:t></w:r></w:p>`);
  });

  it("marks a piece that starts or ends with a space as space-preserving", () => {
    const p = para(`<w:r><w:t>ab cd</w:t></w:r>`);
    splitAt(p, W, 2);
    expect(xml(p)).toBe(`<w:p><w:r><w:t>ab</w:t></w:r><w:r><w:t xml:space="preserve"> cd</w:t></w:r></w:p>`);
  });
});

describe("isolateRange", () => {
  it("turns a range across three differently formatted runs into whole runs, splitting only the edge runs", () => {
    const p = para(r("one ", "<w:b/>") + r("two ", "<w:i/>") + r("three", '<w:u w:val="single"/>'));
    const runs = isolateRange(p, W, 2, 10);
    expect(runs.map((x) => readParagraphText({ ...p, children: [x.run] }, W).text)).toEqual(["e ", "two ", "th"]);
    expect(xml(p)).toBe(
      `<w:p>${r("on", "<w:b/>")}${r("e ", "<w:b/>")}${r("two ", "<w:i/>")}${r("th", '<w:u w:val="single"/>')}${r("ree", '<w:u w:val="single"/>')}</w:p>`,
    );
  });

  it("returns runs inside a hyperlink with the hyperlink as their parent", () => {
    const p = para(`${r("see ")}<w:hyperlink r:id="rId1">${r("the site", '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`);
    const runs = isolateRange(p, W, 8, 12);
    expect(runs).toHaveLength(1);
    expect(runs[0].parent.name).toBe("w:hyperlink");
    expect(readParagraphText(p, W).text).toBe("see the site");
  });
});

describe("insertionPoint", () => {
  const p = () => para(r("ab", "<w:b/>") + r("cd", "<w:i/>"));
  it("takes the previous character's run by default, and the next one's when leaning forward or at offset 0", () => {
    const a = p();
    const after = insertionPoint(a, W, 2);
    expect(xml(after.rPr!)).toBe("<w:rPr><w:b/></w:rPr>");
    expect(after.index).toBe(1);
    const b = p();
    expect(xml(insertionPoint(b, W, 2, "next").rPr!)).toBe("<w:rPr><w:i/></w:rPr>");
    expect(xml(insertionPoint(p(), W, 0).rPr!)).toBe("<w:rPr><w:b/></w:rPr>");
  });

  it("appends to an empty paragraph without formatting", () => {
    const empty = para("<w:pPr/>");
    expect(insertionPoint(empty, W, 0)).toMatchObject({ parent: empty, index: 1, rPr: undefined });
  });
});

describe("textRun", () => {
  it("writes tabs and newlines as w:tab and w:br, with a copy of the formatting", () => {
    const rPr = parseFragment("<w:rPr><w:b/></w:rPr>")[0] as XmlElement;
    expect(xml(textRun(W, "a\tb\nc", rPr))).toBe(
      `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br/><w:t xml:space="preserve">c</w:t></w:r>`,
    );
  });
});
