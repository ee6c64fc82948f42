import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index";
import { MAX_BASED_ON_DEPTH } from "../../../src/docx/model/styles";
import { buildDocx } from "../support/build-docx";
import { timed } from "../support/timed";

/** `count` paragraph styles, each based on the one before; the first has outline level 0 (a level-1 heading). */
const chain = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<w:style w:type="paragraph" w:styleId="C${i}"><w:name w:val="chained ${i}"/>${i ? `<w:basedOn w:val="C${i - 1}"/>` : ""}` +
      `${i ? "" : '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>'}</w:style>`,
  ).join("");
const styled = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe("basedOn chains", () => {
  it(`inherits an outline level through ${MAX_BASED_ON_DEPTH} styles and stops past that`, () => {
    const deepest = MAX_BASED_ON_DEPTH - 1;
    const doc = DocxDocument.open(
      buildDocx({ styles: chain(MAX_BASED_ON_DEPTH + 1), body: styled(`C${deepest}`, "inherits") + styled(`C${deepest + 1}`, "too deep") }),
    );
    expect(doc.query("/body/heading[level=1]", { format: "json" }).items?.map((i) => i.text)).toEqual(["inherits"]);
  });

  it("reads a document whose 10,000 paragraphs each use another style of a 10,000-style chain in linear time", () => {
    // Walking the whole chain for every style and every list paragraph took 5 s for the summary and 5 s for export.
    const body = Array.from({ length: 10_000 }, (_, i) => styled(`C${i}`, `p${i}`)).join("");
    const doc = DocxDocument.open(buildDocx({ styles: chain(10_000), body }));
    const summary = timed("summary of 10,000 paragraphs on a 10,000-style chain", () => doc.query("/body", { format: "summary" }));
    expect(summary.total).toBe(10_001); // the paragraphs and the body's section properties
    const markdown = timed("markdown export of the same", () => [...doc.export("markdown")].join(""));
    expect(markdown).toContain("p9999");
  });
});
