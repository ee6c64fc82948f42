import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { MAX_PARSED_XML_BYTES } from "../../../src/docx/model/work-budget.js";
import { MAX_RESOLVED_REVISIONS } from "../../../src/docx/ops/revisions/apply-revisions.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { prose } from "../support/large-docx.js";
import { timed } from "../support/timed.js";

// One document of about 500 pages of dense text: past the budget of one edit, well under the package limits.
const LONG = buildDocx({ body: p("Title", "Heading1") + prose(MAX_PARSED_XML_BYTES + 1024 * 1024) });

describe("work budget of one edit", () => {
  it("refuses to style every run of a long document up front, naming the sizes, and changes nothing", () => {
    const doc = DocxDocument.open(LONG);
    const before = doc.save();
    const f = timed("style_element over 5 MB of body", () => docxFailure(() => doc.styleElement({ bold: true })));
    expect(f).toMatchObject({ kind: "work_too_large", limit: MAX_PARSED_XML_BYTES });
    expect((f as { actual: number }).actual).toBeGreaterThan(MAX_PARSED_XML_BYTES);
    expect(f.message).toMatch(/would rewrite \d+ blocks \(5\.\d MB of XML\); one call may parse at most 4\.0 MB/);
    expect(f.message).toContain("Nothing was changed");
    expect(doc.takeChange()).toBeNull();
    expect(unzipSync(doc.save())).toEqual(unzipSync(before));
  });

  it("refuses a wildcard removal of the whole body inside a patch, reverting the operations before it", () => {
    const doc = DocxDocument.open(LONG);
    const before = doc.save();
    const f = timed("remove /body/paragraph[*]", () =>
      docxFailure(() =>
        doc.applyPatch([
          { op: "replace", path: "/body/paragraph[0]", value: { type: "paragraph", text: "New title" } },
          { op: "remove", path: "/body/paragraph[*]" },
        ]),
      ),
    );
    expect(f).toMatchObject({ kind: "patch_failed", index: 1, cause: { kind: "work_too_large" } });
    expect(doc.query("/body/paragraph[0]").items?.[0]?.text).toBe("Title");
    expect(unzipSync(doc.save())).toEqual(unzipSync(before));
  });

  it("still styles and removes a part of the same document", () => {
    const doc = DocxDocument.open(LONG);
    const outcome = doc.styleElement({ bold: true }, { path: "/body/paragraph[1]" });
    expect(outcome.changedCount).toBeGreaterThan(0);
    const total = doc.count("/body/paragraph[*]");
    doc.applyPatch([{ op: "remove", path: "/body/paragraph[2]" }]);
    expect(doc.count("/body/paragraph[*]")).toBe(total - 1);
  });
});

describe("work budget of one path", () => {
  // Tables of 40 rows x 3 cells; about 6 MB of them together, so looking into all of them is past the budget.
  const row = `<w:tr>${[0, 1, 2].map((c) => `<w:tc>${p(`cell ${c} ${"text ".repeat(40)}`)}</w:tc>`).join("")}</w:tr>`;
  const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${row.repeat(40)}</w:tbl>`;
  const TABLES = buildDocx({ body: `${table}${p("between")}`.repeat(Math.ceil((MAX_PARSED_XML_BYTES * 1.5) / table.length)) });

  it("stops a path that looks inside every table of a long document, with the sizes and what to select instead", () => {
    const doc = DocxDocument.open(TABLES);
    const f = timed("query /body/table[*]/row[*]/cell[*]", () => docxFailure(() => doc.query("/body/table[*]/row[*]/cell[*]")));
    expect(f).toMatchObject({ kind: "work_too_large", limit: MAX_PARSED_XML_BYTES });
    expect(f.message).toMatch(/^Path \/body\/table\[\*\]\/row\[\*\]\/cell\[\*\] looks inside \d+ blocks/);
    expect(f.message).toContain("/body/table[3]/row[*]");
    // One table at a time is fine.
    expect(doc.query("/body/table[3]/row[*]/cell[*]", { format: "json" }).total).toBe(120);
  });
});

describe("work budget of one replace", () => {
  it("refuses a replace with a million matches before changing anything, naming the count", () => {
    // 10,000 paragraphs of 100 words that each start with "a": at least a million matches, under the parse budget.
    const words = (i: number) => Array.from({ length: 100 }, (_, j) => `a${((i * 100 + j) * 7919).toString(36)}`).join(" ");
    const doc = DocxDocument.open(buildDocx({ body: Array.from({ length: 10_000 }, (_, i) => p(words(i))).join("") }));
    const f = timed("replace_text with a million matches", () =>
      docxFailure(() => doc.replaceText("/body", { find: "a", replace: "b", maxCount: 1_000_000 })),
    );
    expect(f).toMatchObject({ kind: "invalid_argument", field: "max_count" });
    expect(Number(/replace (\d+) matches/.exec(f.message)?.[1])).toBeGreaterThanOrEqual(1_000_000);
    expect(doc.takeChange()).toBeNull();
  });
});

describe("work budget of resolving revisions", () => {
  /** `count` insertions, four to a paragraph, the first `byB` of them by author B and the rest by A. */
  const tracked = (count: number, byB = 0) => {
    let body = "";
    for (let para = 0; para < count / 4; para++) {
      let runs = "";
      for (let k = 0; k < 4; k++) {
        const id = para * 4 + k;
        runs +=
          `<w:r><w:t xml:space="preserve">kept ${id} </w:t></w:r>` +
          `<w:ins w:id="${id}" w:author="${id < byB ? "B" : "A"}" w:date="2024-01-01T00:00:00Z"><w:r><w:t>added ${id}</w:t></w:r></w:ins>`;
      }
      body += `<w:p>${runs}</w:p>`;
    }
    return buildDocx({ body });
  };

  it(`refuses to accept more than ${MAX_RESOLVED_REVISIONS} revisions at once, naming authors to split by, and changes nothing`, () => {
    const doc = DocxDocument.open(tracked(MAX_RESOLVED_REVISIONS + 4, 8));
    const before = doc.save();
    const f = timed(`revision_accept_all of ${MAX_RESOLVED_REVISIONS + 4}`, () =>
      docxFailure(() => doc.applyPatch([{ op: "revision_accept_all" }])),
    );
    expect(f).toMatchObject({ kind: "patch_failed", cause: { kind: "work_too_large", limit: MAX_RESOLVED_REVISIONS } });
    const cause = (f as unknown as { cause: { actual: number; message: string } }).cause;
    expect(cause.actual).toBe(MAX_RESOLVED_REVISIONS + 4);
    expect(cause.message).toContain("Nothing was changed");
    expect(cause.message).toContain(`"A" has ${MAX_RESOLVED_REVISIONS - 4}, "B" has 8`);
    expect(doc.takeChange()).toBeNull();
    expect(unzipSync(doc.save())).toEqual(unzipSync(before));

    // The advice works: one author's share is within the bound.
    const byB = doc.applyPatch([{ op: "revision_reject_all", author: "B" }]);
    expect(byB.operations[0]).toMatchObject({ rejected: 8 });
  });

  it(`resolves exactly ${MAX_RESOLVED_REVISIONS} in one call`, () => {
    const doc = DocxDocument.open(tracked(MAX_RESOLVED_REVISIONS));
    const done = timed(`revision_accept_all of ${MAX_RESOLVED_REVISIONS}`, () => doc.applyPatch([{ op: "revision_accept_all" }]));
    expect(done.operations[0]).toMatchObject({ accepted: MAX_RESOLVED_REVISIONS });
    expect(doc.revisions()).toHaveLength(0);
  });
});
