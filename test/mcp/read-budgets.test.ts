/**
 * Every read and list tool keeps to its budgets over MCP: the text content a model reads (compact JSON, or the
 * text of a text format) and the structured content are each at most max_chars, `limit` defaults to 50, and what
 * does not fit pages on (by item, or by character inside one huge paragraph).
 */
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import type { McpClient } from "../support/mcp-era";
import { callError, callOk, connectMcp, openInLibrary, testLibrary, tokenFor } from "../support/mcp-memory";

const COMMENTS = 60;
/** Paragraphs 1-60 that are not headings carry a tracked insertion each. */
const REVISIONS = 57;
/** 200 paragraphs under headings; the first 60 carry a comment and a tracked insertion each; one comment is 30,000 characters. */
const annotated = buildDocx({
  body: Array.from({ length: 200 }, (_, i) => {
    if (i % 20 === 0) return p(`Chapter ${i / 20}`, "Heading1");
    const text = `<w:r><w:t xml:space="preserve">Paragraph ${i} ${"text ".repeat(i % 7 ? 10 : 40)}</w:t></w:r>`;
    if (i > COMMENTS) return `<w:p>${text}</w:p>`;
    const id = i - 1 - Math.floor(i / 20);
    return (
      `<w:p><w:commentRangeStart w:id="${id}"/>${text}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>` +
      `<w:ins w:id="${1000 + i}" w:author="Reviewer ${i % 3}" w:date="2024-05-01T10:00:00Z"><w:r><w:t xml:space="preserve"> added ${i}</w:t></w:r></w:ins></w:p>`
    );
  }).join(""),
  comments: Array.from({ length: COMMENTS }, (_, i) => ({
    author: `Author ${i % 4}`,
    body: p(i === 7 ? "long ".repeat(6000) : `Comment ${i}`),
  })),
});

interface ToolText {
  text: string;
  structured: Record<string, any>;
}

async function call(client: McpClient, name: string, args: Record<string, unknown>): Promise<ToolText> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return { text: (result.content as { text: string }[]).map((c) => c.text).join(""), structured: result.structuredContent };
}

/** Calls a tool at a budget and checks both forms of its result against it. */
async function within(client: McpClient, name: string, args: Record<string, unknown>): Promise<ToolText> {
  const out = await call(client, name, args);
  const budget = args.max_chars as number;
  expect(out.text.length, `${name} ${JSON.stringify(args)} text`).toBeLessThanOrEqual(budget);
  expect(JSON.stringify(out.structured).length, `${name} ${JSON.stringify(args)} structured`).toBeLessThanOrEqual(budget);
  return out;
}

const READ_TOOLS = [
  "query",
  "count_elements",
  "read_section",
  "read_heading_content",
  "comment_list",
  "revision_list",
  "document_list",
  "document_history",
  "get_page_setup",
];

/** Paths in a JSON Schema to objects that say nothing of their properties (`additionalProperties: {}` or none given). */
function untypedObjects(schema: any, at = ""): string[] {
  if (!schema || typeof schema !== "object") return [];
  const out: string[] = [];
  if (schema.type === "object" && !schema.properties && !schema.propertyNames && typeof schema.additionalProperties !== "object")
    out.push(at || "/");
  for (const [key, value] of Object.entries(schema))
    if (value && typeof value === "object") out.push(...untypedObjects(value, `${at}/${key}`));
  return out;
}

describe("read tool schemas", () => {
  it("give every read and list tool an output schema, a max_chars budget where it lists, and typed inputs", async () => {
    const { tools } = await (await connectMcp((await tokenFor("budget-schemas")).headers)).listTools();
    for (const name of READ_TOOLS) {
      const tool = tools.find((t) => t.name === name);
      expect(tool?.outputSchema?.type, name).toBe("object");
      expect(untypedObjects(tool.inputSchema), name).toEqual([]);
      if (name !== "count_elements" && name !== "get_page_setup")
        expect(Object.keys(tool.inputSchema.properties), name).toContain("max_chars");
    }
    for (const name of ["query", "read_section", "read_heading_content"])
      expect(Object.keys(tools.find((t) => t.name === name).inputSchema.properties)).toContain("char_offset");
  });
});

describe("read budgets over MCP", () => {
  it("write text content as compact JSON, so its size is the budget's measure", async () => {
    const { client, id } = await openInLibrary("budget-compact", "a.docx", annotated);
    const out = await call(client, "query", { doc_id: id, path: "/body/paragraph[0]" });
    expect(out.text).toBe(JSON.stringify(out.structured));
    expect(out.text).not.toContain("\n ");
    const list = await call(client, "comment_list", { doc_id: id, limit: 2 });
    expect(list.text).toBe(JSON.stringify(list.structured));
  });

  it("apply the documented default limit of 50 in query, read_section, comment_list and revision_list", async () => {
    const { client, id } = await openInLibrary("budget-limit", "a.docx", annotated);
    expect((await callOk(client, "query", { doc_id: id, path: "/body/paragraph[*]" })).returned).toBe(50);
    expect((await callOk(client, "read_section", { doc_id: id, section_index: 0 })).returned).toBe(50);
    expect(await callOk(client, "comment_list", { doc_id: id })).toMatchObject({ total: COMMENTS, count: 50, next_offset: 50 });
    expect(await callOk(client, "revision_list", { doc_id: id })).toMatchObject({ total: REVISIONS, count: 50, next_offset: 50 });
  });

  it("keep every read and list tool within max_chars at small budgets, paging to the end", async () => {
    const { client, id } = await openInLibrary("budget-all", "a.docx", annotated);
    for (const max_chars of [1000, 4000]) {
      for (const format of ["json", "text", "summary", "markdown"]) {
        for (const [name, args, total] of [
          ["query", { path: "/body/paragraph[*]" }, 200],
          ["read_section", { section_index: 0 }, 200],
          ["read_heading_content", { heading_text: "Chapter 2" }, 20],
        ] as const) {
          let next: Record<string, unknown> = { doc_id: id, ...args, format, max_chars, limit: 500 };
          let last: Record<string, any> = {};
          for (let guard = 0; guard < 400; guard++) {
            last = (await within(client, name, next)).structured;
            if (last.next_offset === null) break;
            next = { ...next, offset: last.next_offset, char_offset: last.next_char_offset ?? undefined };
          }
          expect(last.offset + last.returned, `${name} ${format} ${max_chars}`).toBe(total);
        }
      }
      for (const [name, total] of [
        ["comment_list", COMMENTS],
        ["revision_list", REVISIONS],
      ] as const) {
        let offset = 0;
        let seen = 0;
        for (let guard = 0; guard < 200; guard++) {
          const page = (await within(client, name, { doc_id: id, max_chars, offset, limit: 50 })).structured;
          seen += page.count;
          if (page.next_offset === null) break;
          offset = page.next_offset;
        }
        expect(seen, `${name} ${max_chars}`).toBe(total);
      }
      // count_elements takes no budget (it answers a count); its answer fits the smallest one anyway.
      const counted = await call(client, "count_elements", { doc_id: id, path: "/body/paragraph[*]" });
      expect(counted.text.length).toBeLessThanOrEqual(max_chars);
    }
    // The 30,000-character comment is cut to fit, and says so and where to read it whole.
    const long = (await within(client, "comment_list", { doc_id: id, offset: 7, limit: 1, max_chars: 2000 })).structured;
    expect(long.comments[0]).toMatchObject({ id: "7", truncated: true });
    expect(long.hint).toContain("/comment[");
    const whole = await callOk(client, "query", { doc_id: id, path: "/comment[7]", max_chars: 150_000 });
    expect((whole.items[0].text as string).trim().length).toBe(30_000 - 1);
  });

  it("keep document_list within max_chars, cutting nothing but whole sessions", async () => {
    const auth = await tokenFor("budget-sessions");
    await testLibrary.write(auth.tenantId, "a.docx", annotated);
    const client = await connectMcp(auth.headers);
    for (let i = 0; i < 6; i++) await callOk(client, "document_open", { path: "a.docx" });
    const all = await callOk(client, "document_list", {});
    expect(all).toMatchObject({ total: 6, count: 6, next_offset: null });
    const small = (await within(client, "document_list", { max_chars: 1000 })).structured;
    expect(small.count).toBeGreaterThan(0);
    expect(small.count).toBeLessThan(6);
    expect(small.next_offset).toBe(small.count);
  });

  it("keep document_history within max_chars, paging by entry", async () => {
    const { client, id } = await openInLibrary("budget-history", "a.docx", annotated);
    for (let i = 1; i <= 6; i++)
      await callOk(client, "replace_text", { doc_id: id, path: `/body/paragraph[${i}]`, find: "text", replace: "words" });
    let offset = 0;
    let seen = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = (await within(client, "document_history", { doc_id: id, offset, max_chars: 800 })).structured;
      expect(page.count).toBeLessThan(6);
      seen += page.count;
      if (page.next_offset === null) break;
      offset = page.next_offset;
    }
    expect(seen).toBe(6);
  });

  it("read a 200,000-character paragraph to its end with char_offset", async () => {
    const text = "abcdefghi ".repeat(20_000);
    const { client, id } = await openInLibrary("budget-huge", "huge.docx", buildDocx({ body: p("Before") + p(text) + p("After") }));
    for (const format of ["json", "text"]) {
      let read = "";
      let next: Record<string, unknown> = { doc_id: id, path: "/body/paragraph[1]", format };
      for (let guard = 0; guard < 10; guard++) {
        const page = (await within(client, "query", { ...next, max_chars: 80_000 })).structured;
        read += format === "json" ? page.items[0].text : page.text.replace(/ …\[cut\]$/, "");
        if (page.next_offset === null) break;
        expect(page.next_char_offset).toBe(read.length);
        next = { ...next, offset: page.next_offset, char_offset: page.next_char_offset };
      }
      expect(read.length, format).toBe(200_000);
      expect(read === text, format).toBe(true);
    }
    const error = await callError(client, "query", { doc_id: id, path: "/body/paragraph[1]", char_offset: 300_000 });
    expect(error).toMatchObject({ kind: "invalid_argument", field: "char_offset" });
  });

  it("page /styles by item", async () => {
    const { client, id } = await openInLibrary("budget-styles", "a.docx", annotated);
    const page = await callOk(client, "query", { doc_id: id, path: "/styles", limit: 3 });
    expect(page).toMatchObject({ returned: 3, next_offset: 3 });
    expect(page.items[0]).toMatchObject({ type: "style", path: "/styles/style[0]" });
  });

  it("say which heading read_heading_content took when several match", async () => {
    const doc = buildDocx({
      body: [p("Scope", "Heading1"), p("a"), p("Scope of work", "Heading2"), p("b"), p("Scope", "Heading1")].join(""),
    });
    const { client, id } = await openInLibrary("budget-headings", "h.docx", doc);
    const result = await callOk(client, "read_heading_content", { doc_id: id, heading_text: "scope" });
    expect(result.heading).toMatchObject({ path: "/body/paragraph[0]", matched: 3, others: ["/body/paragraph[4]", "/body/paragraph[2]"] });
    expect(result.hint).toContain("3 headings match");
    const third = await callOk(client, "read_heading_content", { doc_id: id, heading_index: 1, heading_level: 1 });
    expect(third.heading).toMatchObject({ path: "/body/paragraph[4]", matched: 1 });
  });
});
