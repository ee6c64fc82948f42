import { describe, expect, it } from "vitest";
import { toolCatalogue, toolListFor } from "../../src/mcp/tool-catalogue";

// The tools as a client lists them.
const tools = toolListFor(["read", "write"]).map((tool) => [tool.name, tool] as const);
const inputs = (tool: (typeof tools)[number][1]) => Object.keys(tool.inputSchema.properties ?? {});

/**
 * tools/list's size for a write token. The target is 35,000 characters; what the surface must keep (48 tools
 * with docx-mcp's parameters, every input typed, the element-value union in add_element, replace_element and
 * apply_patch, an output schema for every edit and read, no type arrays) costs about 70,300, so the ceiling holds the
 * figure there while the target stays open (README, "The size of tools/list", says what would close the gap).
 */
const TOOLS_LIST_TARGET = 35_000;
const TOOLS_LIST_CEILING = 71_000;

/** Tools that write but neither edit a document nor move its history cursor: session lifecycle, compaction, exports. */
const NOT_EDITS = [
  "document_create",
  "document_open",
  "document_save",
  "document_close",
  "document_set_source",
  "document_snapshot",
  "export",
  "export_markdown",
  "export_html",
];

describe("the MCP tool surface", () => {
  it("keeps docx-mcp's tool names", () => {
    const names = tools.map(([name]) => name);
    for (const name of [
      "query",
      "count_elements",
      "read_section",
      "read_heading_content",
      "add_element",
      "replace_element",
      "remove_element",
      "move_element",
      "copy_element",
      "remove_table_column",
      "apply_patch",
      "replace_text",
      "style_element",
      "style_paragraph",
      "style_table",
      "comment_add",
      "comment_reply",
      "comment_resolve",
      "comment_list",
      "comment_delete",
      "track_changes_enable",
      "revision_list",
      "revision_accept",
      "revision_reject",
      "document_history",
      "document_undo",
      "document_redo",
      "document_jump_to",
      "document_snapshot",
      "export_markdown",
      "export_html",
      "get_external_changes",
      "sync_external_changes",
      "document_set_source",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("lets every document edit and cursor move be retried safely with request_id, and describes every tool", () => {
    const edits = tools.filter(([name, tool]) => !tool.annotations?.readOnlyHint && !NOT_EDITS.includes(name));
    expect(edits.length).toBeGreaterThan(20);
    expect(edits.filter(([, tool]) => !inputs(tool).includes("request_id")).map(([name]) => name)).toEqual([]);
    expect(edits.filter(([, tool]) => !inputs(tool).includes("doc_id")).map(([name]) => name)).toEqual([]);
    expect(tools.filter(([, tool]) => (tool.description ?? "").length < 40).map(([name]) => name)).toEqual([]);
  });

  it("shows a read-only token only the tools it can call, and every tool to a write token", () => {
    const all = toolListFor(["read", "write"]).map((t) => t.name);
    const readable = toolListFor(["read"]).map((t) => t.name);
    expect(all.length).toBe(toolCatalogue().size);
    expect(readable).toEqual(
      expect.arrayContaining(["query", "document_open", "document_list", "document_close", "export", "comment_list"]),
    );
    for (const name of ["replace_text", "apply_patch", "document_save", "document_create", "comment_add", "document_undo"]) {
      expect(readable).not.toContain(name);
    }
  });

  it("keeps tools/list within its ceiling, and prints its size", () => {
    const chars = JSON.stringify({ tools: toolListFor(["read", "write"]) }).length;
    console.log(
      `tools/list: ${tools.length} tools, ${chars.toLocaleString("en-US")} characters of JSON (target ${TOOLS_LIST_TARGET.toLocaleString("en-US")})`,
    );
    expect(chars).toBeLessThanOrEqual(TOOLS_LIST_CEILING);
  });
});
