import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, openInLibrary } from "../support/mcp-memory";

const report = buildDocx({
  body: [
    p("Annual report", "Title"),
    p("Summary", "Heading1"),
    p("Revenue grew and the budget held."),
    p("Costs fell."),
    p("Details", "Heading1"),
    p("Regions", "Heading2"),
    p("North did well."),
    p("Outlook", "Heading1"),
    p("Steady."),
  ].join(""),
});

const openReport = (tenant: string) => openInLibrary(tenant, "report.docx", report);

describe("read tools over MCP", () => {
  it("lists the read tools as read-only", async () => {
    const { client } = await openReport("r-tools");
    const { tools } = await client.listTools();
    for (const name of ["query", "count_elements", "read_section", "read_heading_content"]) {
      expect(tools.find((t) => t.name === name)?.annotations?.readOnlyHint, name).toBe(true);
    }
    expect(tools.find((t) => t.name === "query")?.description).toContain("/body/heading[level=2]");
  });

  it("queries paragraphs by text filter with ids and paging fields", async () => {
    const { client, id } = await openReport("r-query");
    const result = await callOk(client, "query", { doc_id: id, path: "/body/paragraph[text~='BUDGET']" });
    expect(result.total).toBe(1);
    expect(result.items[0].text).toBe("Revenue grew and the budget held.");
    expect(typeof result.items[0].id).toBe("string");
    const byId = await callOk(client, "query", { doc_id: id, path: `/body/paragraph[id='${result.items[0].id}']` });
    expect(byId.items[0].text).toBe("Revenue grew and the budget held.");
  });

  it("pages through results with next_offset", async () => {
    const { client, id } = await openReport("r-paging");
    const first = await callOk(client, "query", { doc_id: id, path: "/body/paragraph[*]", limit: 4 });
    expect(first).toMatchObject({ total: 9, offset: 0, returned: 4, next_offset: 4 });
    const last = await callOk(client, "query", { doc_id: id, path: "/body/paragraph[*]", offset: 8, limit: 4 });
    expect(last).toMatchObject({ returned: 1, next_offset: null });
  });

  it("returns an empty result for a filter that matches nothing, and an error naming a bad segment", async () => {
    const { client, id } = await openReport("r-empty");
    expect((await callOk(client, "query", { doc_id: id, path: "/body/paragraph[text~='zebra']" })).total).toBe(0);
    const error = await callError(client, "query", { doc_id: id, path: "/body/paragrph[0]" });
    expect(error.kind).toBe("invalid_path");
    expect(error.message).toContain("paragrph");
  });

  it("counts elements", async () => {
    const { client, id } = await openReport("r-count");
    expect((await callOk(client, "count_elements", { doc_id: id, path: "/body/heading[level=1]" })).count).toBe(3);
    expect((await callOk(client, "count_elements", { doc_id: id, path: "/body/paragraph[*]" })).count).toBe(9);
  });

  it("reads the content under a heading by text and by index", async () => {
    const { client, id } = await openReport("r-heading");
    const byText = await callOk(client, "read_heading_content", { doc_id: id, heading_text: "details", format: "json" });
    expect(byText.items.map((i: { text: string }) => i.text)).toEqual(["Details", "Regions", "North did well."]);
    const byIndex = await callOk(client, "read_heading_content", { doc_id: id, heading_index: 2, heading_level: 1, format: "json" });
    expect(byIndex.items.map((i: { text: string }) => i.text)).toEqual(["Outlook", "Steady."]);
    const outOfRange = await callError(client, "read_heading_content", { doc_id: id, heading_index: 5, heading_level: 1 });
    expect(outOfRange.message).toContain("3 headings of level 1");
  });

  it("reads a section and names the range of a missing one", async () => {
    const { client, id } = await openReport("r-section");
    const section = await callOk(client, "read_section", { doc_id: id, section_index: 0, format: "text" });
    expect(section.text).toContain("North did well.");
    const error = await callError(client, "read_section", { doc_id: id, section_index: 3 });
    expect(error.message).toMatch(/Section 3 not found: the document has 1 section/);
  });

  it("names an unknown session", async () => {
    const { client } = await openReport("r-unknown");
    const error = await callError(client, "query", { doc_id: "nope", path: "/body" });
    expect(error).toMatchObject({ kind: "session_not_found" });
    expect(error.message).toContain("nope");
  });
});
