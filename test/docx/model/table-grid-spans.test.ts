import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index";
import { MAX_GRID_SPAN } from "../../../src/docx/model/index";
import { buildDocx } from "../support/build-docx";
import { timed } from "../support/timed";

const cell = (span: number, text: string) =>
  `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const table = (span: number) => `<w:tbl><w:tr>${cell(span, "wide")}</w:tr><w:tr>${cell(1, "a")}${cell(1, "b")}</w:tr></w:tbl><w:p/>`;

describe("grid spans", () => {
  it("exports a cell spanning two billion columns as one spanning at most the cap, in bounded time and memory", () => {
    const doc = DocxDocument.open(buildDocx({ body: table(2_000_000_000) }));
    const markdown = timed("markdown export of a gridSpan of 2e9", () => [...doc.export("markdown")].join(""));
    expect(markdown).toContain("wide");
    expect(markdown.length).toBeLessThan(MAX_GRID_SPAN * 20);
    const html = timed("html export of the same", () => [...doc.export("html")].join(""));
    expect(html).toContain(`colspan="${MAX_GRID_SPAN}"`);
  });

  it("keeps ordinary spans as written", () => {
    const doc = DocxDocument.open(buildDocx({ body: table(2) }));
    expect([...doc.export("html")].join("")).toContain('colspan="2"');
  });

  it("adds a row to such a table within the cap", () => {
    const doc = DocxDocument.open(buildDocx({ body: table(2_000_000_000) }));
    timed("add_element row to it", () =>
      doc.applyPatch([{ op: "add", path: "/body/table[0]/row[-1]", value: { type: "row", cells: ["x"] } }]),
    );
    const cells = doc.query("/body/table[0]/row[*]/cell[*]", { format: "json", limit: 1000 }).total ?? 0;
    expect(cells).toBeLessThanOrEqual(3 + MAX_GRID_SPAN);
  });
});
