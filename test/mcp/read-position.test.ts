import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callOk, openInLibrary } from "../support/mcp-memory";

describe("reads state the history position", () => {
  it("gives every read the position an edit can pass back as expected_position", async () => {
    const { client, id } = await openInLibrary("read-position", "position.docx", buildDocx({ body: p("First.") + p("Second.") }));
    const edited = await callOk(client, "replace_text", { doc_id: id, find: "First", replace: "1st" });
    const reads: [string, Record<string, unknown>][] = [
      ["query", { path: "/body" }],
      ["query", { path: "/body/paragraph[0]", format: "text" }],
      ["count_elements", { path: "/body/paragraph[*]" }],
      ["read_section", { section_index: 0 }],
      ["read_heading_content", {}],
      ["comment_list", {}],
      ["revision_list", {}],
      ["get_page_setup", {}],
    ];
    for (const [tool, args] of reads) {
      const result = await callOk(client, tool, { doc_id: id, ...args });
      expect(result.position, tool).toBe(edited.position);
    }
    const stale = await client.callTool({
      name: "replace_text",
      arguments: { doc_id: id, find: "Second", replace: "2nd", expected_position: edited.position - 1 },
    });
    expect(stale.isError).toBe(true);
    const fresh = await callOk(client, "replace_text", { doc_id: id, find: "Second", replace: "2nd", expected_position: edited.position });
    expect(fresh.position).toBe(edited.position + 1);
  });
});
