/**
 * Every read keeps to its budgets: at most `limit` items (50 unless asked), and the whole result, as JSON and as
 * the text a model reads, within `maxChars`; anything larger pages on, by item or by character inside one item.
 */
import { describe, expect, it } from "vitest";
import { DocxDocument, type QueryFormat, type QueryOptions, type QueryResult, queryResultText } from "../../../src/docx/index.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";

const FORMATS: QueryFormat[] = ["json", "text", "summary", "markdown"];
const BUDGETS = [500, 1000, 3000, 10_000];

/** 200 paragraphs under 10 headings, some with quotes and backslashes, which JSON escaping makes longer. */
const twoHundred = DocxDocument.open(
  buildDocx({
    body: Array.from({ length: 200 }, (_, i) =>
      i % 20 === 0
        ? p(`Chapter ${i / 20}`, "Heading1")
        : p(`Paragraph ${i}: ${i % 3 === 0 ? "&quot;quoted\\&quot; " : ""}${"text ".repeat(i % 7 ? 12 : 40)}`),
    ).join(""),
  }),
);

const sizes = (r: QueryResult) => ({ json: JSON.stringify(r).length, text: queryResultText(r).length });

/** Reads every page of `read` and checks each against the budget; returns the pages. */
function allPages(read: (options: QueryOptions) => QueryResult, options: QueryOptions): QueryResult[] {
  const pages: QueryResult[] = [];
  let next: QueryOptions = { ...options };
  for (let guard = 0; guard < 2000; guard++) {
    const page = read(next);
    const { json, text } = sizes(page);
    expect(json, `${JSON.stringify(next)} json`).toBeLessThanOrEqual(options.maxChars!);
    expect(text, `${JSON.stringify(next)} text`).toBeLessThanOrEqual(options.maxChars!);
    expect(page.returned).toBeLessThanOrEqual(options.limit ?? 50);
    pages.push(page);
    if (page.next_offset === null) return pages;
    next = { ...options, offset: page.next_offset, charOffset: page.next_char_offset ?? undefined };
  }
  throw new Error("paging did not finish");
}

describe("read budgets", () => {
  it("apply the documented default limit of 50", () => {
    for (const format of FORMATS) {
      const r = twoHundred.query("/body/paragraph[*]", { format });
      expect(r, format).toMatchObject({ total: 200, returned: 50, next_offset: 50 });
    }
    expect(twoHundred.readSection(0).returned).toBe(50);
  });

  it("keep query, read_section and read_heading_content within max_chars in every format and budget, and page to the end", () => {
    for (const format of FORMATS) {
      for (const maxChars of BUDGETS) {
        const options = { format, maxChars, limit: 500 };
        for (const [name, read] of [
          ["query", (o: QueryOptions) => twoHundred.query("/body/paragraph[*]", o)],
          ["section", (o: QueryOptions) => twoHundred.readSection(0, o)],
        ] as const) {
          const pages = allPages(read, options);
          // Each page starts where the one before stopped: after its last item, or inside the item it cut.
          pages.slice(1).forEach((pg, i) => {
            const before = pages[i];
            expect(pg.offset, `${name} ${format} ${maxChars}`).toBe(
              before.offset + before.returned - (before.next_char_offset === null ? 0 : 1),
            );
          });
          expect(pages.at(-1)!.offset + pages.at(-1)!.returned, `${name} ${format} ${maxChars}`).toBe(pages[0].total);
        }
        // The heading's own description takes room too: below 1,000 a JSON page may not fit, which is refused by name.
        if (maxChars < 1000 && format === "json") {
          expect(docxFailure(() => twoHundred.readHeadingContent("Chapter 3", options))).toMatchObject({ field: "max_chars" });
          continue;
        }
        const heading = allPages((o) => twoHundred.readHeadingContent("Chapter 3", o), options);
        expect(heading.at(-1)!.offset + heading.at(-1)!.returned).toBe(20);
      }
    }
  });

  it("read one 200,000-character paragraph and run to the end by character offset", () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i % 10}\u00e9"\\ abcd`).join("");
    expect(text.length).toBe(200_000);
    const xmlText = text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    const huge = DocxDocument.open(buildDocx({ body: p("Before") + p(xmlText) + p("After") }));
    for (const [path, format] of [
      ["/body/paragraph[1]", "json"],
      ["/body/paragraph[1]", "text"],
      ["/body/paragraph[1]/run[0]", "json"],
      ["/body/paragraph[1]/run[0]", "text"],
    ] as const) {
      const pages = allPages((o) => huge.query(path, o), { format, maxChars: 80_000 });
      expect(pages.length, `${path} ${format}`).toBeGreaterThanOrEqual(3);
      const read = pages.map((pg) => (format === "json" ? (pg.items![0].text as string) : pg.text!.replace(/ …\[cut\]$/, ""))).join("");
      expect(read.length, `${path} ${format}`).toBe(200_000);
      expect(read === text, `${path} ${format}`).toBe(true);
      expect(pages[0].items?.[0] ?? {}).toMatchObject(format === "json" ? { text_offset: 0, text_length: 200_000, truncated: true } : {});
    }
    // After the last window of the long paragraph comes the next one.
    const body = allPages((o) => huge.query("/body/paragraph[*]", o), { format: "text", maxChars: 150_000 });
    expect(body.at(-1)!.text).toMatch(/After$/);
  });

  it("never cuts between the two halves of a surrogate pair", () => {
    const emoji = DocxDocument.open(buildDocx({ body: p("😀".repeat(3000)) }));
    const pages = allPages((o) => emoji.query("/body/paragraph[0]", o), { format: "text", maxChars: 1000 });
    for (const pg of pages) expect(pg.text!.replace(/ …\[cut\]$/, "")).toMatch(/^(😀)+$/u);
    expect(pages.map((pg) => pg.text!.replace(/ …\[cut\]$/, "")).join("")).toBe("😀".repeat(3000));
  });

  it("show a table too large for the budget by its identity, and refuse a budget the paging fields alone exceed", () => {
    const cells = Array.from({ length: 40 }, (_, i) => `<w:tc>${p(`cell ${i} ${"x".repeat(200)}`)}</w:tc>`).join("");
    const doc = DocxDocument.open(buildDocx({ body: `<w:tbl><w:tr>${cells}</w:tr></w:tbl>` }));
    const r = doc.query("/body/table[0]", { maxChars: 1000 });
    expect(JSON.stringify(r).length).toBeLessThanOrEqual(1000);
    expect(r.items![0]).toMatchObject({ type: "table", path: "/body/table[0]", truncated: true });
    expect(r.hint).toContain("/body/table[0]/row[0]");
    const longPath = `/body/paragraph[text~='${"a".repeat(600)}']`;
    expect(docxFailure(() => doc.query(longPath, { maxChars: 500 }))).toMatchObject({ kind: "invalid_argument", field: "max_chars" });
  });

  it("refuse a char_offset past the end of the item", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("short") }));
    expect(docxFailure(() => doc.query("/body/paragraph[0]", { charOffset: 50 }))).toMatchObject({
      kind: "invalid_argument",
      field: "char_offset",
    });
    expect(docxFailure(() => doc.query("/body/paragraph[0]", { charOffset: -1 }))).toMatchObject({ field: "char_offset" });
  });

  it("page /styles by item", () => {
    const many = DocxDocument.open(
      buildDocx({
        body: p("x"),
        styles: Array.from(
          { length: 120 },
          (_, i) => `<w:style w:type="paragraph" w:customStyle="1" w:styleId="Custom${i}"><w:name w:val="Custom ${i}"/></w:style>`,
        ).join(""),
      }),
    );
    const total = many.count("/styles");
    expect(total).toBeGreaterThan(120);
    const pages = allPages((o) => many.query("/styles", o), { format: "json", maxChars: 3000, limit: 500 });
    expect(pages.length).toBeGreaterThan(3);
    const names = pages.flatMap((pg) => pg.items!.map((i) => i.name));
    expect(names).toHaveLength(total);
    expect(new Set(names).size).toBe(total);
  });
});

describe("a heading lookup that matches several headings", () => {
  const doc = DocxDocument.open(
    buildDocx({
      body: [
        p("Budget", "Heading1"),
        p("a"),
        p("Budget detail", "Heading2"),
        p("b"),
        p("Other", "Heading1"),
        p("Budget", "Heading1"),
        p("c"),
      ].join(""),
    }),
  );

  it("prefers the exact match and says how many matched and where the others are", () => {
    const r = doc.readHeadingContent("budget");
    expect(r.heading).toMatchObject({ path: "/body/paragraph[0]", matched: 3, others: ["/body/paragraph[5]", "/body/paragraph[2]"] });
    expect(r.hint).toContain("3 headings match");
    expect(r.hint).toContain("/body/paragraph[5]");
  });

  it("says so for a path that selects several headings, and not when one matched", () => {
    const r = doc.readHeadingContent("/body/heading[text~='budget']");
    expect(r.heading).toMatchObject({ path: "/body/paragraph[0]", matched: 3 });
    const one = doc.readHeadingContent("Other");
    expect(one.heading).toMatchObject({ matched: 1, others: [] });
    expect(one.hint).toBeUndefined();
  });
});
