import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index";
import { formatNumber } from "../../../src/docx/model/number-format";
import { buildDocx, W_NS } from "../support/build-docx";
import { timed } from "../support/timed";

describe("formatNumber", () => {
  it("repeats letters after z as Word does, and writes digits past 50 repeats", () => {
    expect([1, 26, 27, 53].map((n) => formatNumber(n, "lowerLetter"))).toEqual(["a", "z", "aa", "aaa"]);
    expect(formatNumber(26 * 50, "upperLetter")).toBe("Z".repeat(50));
    expect(formatNumber(26 * 50 + 1, "lowerLetter")).toBe("1301");
    expect(formatNumber(2_000_000_000, "lowerLetter")).toBe("2000000000");
  });

  it("writes roman numerals up to 3999 and digits from 4000", () => {
    expect([4, 1994, 3999, 4000].map((n) => formatNumber(n, "upperRoman"))).toEqual(["IV", "MCMXCIV", "MMMCMXCIX", "4000"]);
  });
});

describe("a list starting at two billion", () => {
  it("exports its labels in digits, in bounded time and size", () => {
    const numbering =
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">` +
      `<w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
    const item = (t: string) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const doc = DocxDocument.open(
      buildDocx({
        body: item("first") + item("second"),
        relationships: { rIdNum: ["numbering", "numbering.xml"] },
        extraParts: { "word/numbering.xml": numbering },
      }),
    );
    const markdown = timed("markdown export of a list from 2e9", () => [...doc.export("markdown")].join(""));
    expect(markdown).toContain("2000000000\\) first"); // Markdown escapes the parenthesis
    expect(markdown).toContain("2000000001\\) second");
    expect(markdown.length).toBeLessThan(200);
  });
});

describe("a list level text of 50,000 placeholders", () => {
  it("labels each item with at most 256 characters, in bounded time", () => {
    const numbering =
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">` +
      `<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${"%1".repeat(50_000)}"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
    const item = (t: string) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const doc = DocxDocument.open(
      buildDocx({
        body: Array.from({ length: 500 }, (_, i) => item(`item ${i}`)).join(""),
        relationships: { rIdNum: ["numbering", "numbering.xml"] },
        extraParts: { "word/numbering.xml": numbering },
      }),
    );
    const markdown = timed("markdown export of 500 items with a 100 KB lvlText", () => [...doc.export("markdown")].join(""));
    expect(markdown).toContain("item 499");
    expect(markdown.length).toBeLessThan(500 * 300);
  });
});
