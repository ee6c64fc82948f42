import { describe, expect, it } from "vitest";
import type { Scope, ToolSet } from "../../src/mcp/index";
import { toolCatalogue, toolListFor } from "../../src/mcp/tool-catalogue";
import { EDIT_TOOLS } from "../../src/mcp/tools/edit-tools";

// The tools as a client with the complete set lists them.
const tools = toolListFor(["read", "write"], "complete").map((tool) => [tool.name, tool] as const);
const inputs = (tool: (typeof tools)[number][1]) => Object.keys(tool.inputSchema.properties ?? {});

/**
 * tools/list's size for a write token with the default (compact) set: the target. The complete set (48 tools
 * with docx-mcp's parameters, every input typed, an output schema for every edit) costs about 70,700 and is a choice
 * made per token, so it is printed, not held to the target.
 */
const COMPACT_TOOLS_LIST_CEILING = 35_000;

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
    const all = toolListFor(["read", "write"], "complete").map((t) => t.name);
    const readable = toolListFor(["read"], "complete").map((t) => t.name);
    expect(all.length).toBe(toolCatalogue().size);
    expect(readable).toEqual(
      expect.arrayContaining(["query", "document_open", "document_list", "document_close", "export", "comment_list"]),
    );
    for (const name of ["replace_text", "apply_patch", "document_save", "document_create", "comment_add", "document_undo"]) {
      expect(readable).not.toContain(name);
    }
  });

  it("keeps the compact tools/list within 35,000 characters, and prints both sets' sizes", () => {
    const size = (toolSet: "compact" | "complete") => JSON.stringify({ tools: toolListFor(["read", "write"], toolSet) }).length;
    const [compact, complete] = [size("compact"), size("complete")];
    console.log(
      `tools/list: compact ${toolListFor(["read", "write"], "compact").length} tools, ${compact.toLocaleString("en-US")} characters of JSON ` +
        `(ceiling ${COMPACT_TOOLS_LIST_CEILING.toLocaleString("en-US")}); complete ${tools.length} tools, ${complete.toLocaleString("en-US")}`,
    );
    expect(compact).toBeLessThanOrEqual(COMPACT_TOOLS_LIST_CEILING);
  });
});

describe("tool sets", () => {
  const names = (scopes: Scope[], toolSet: ToolSet) => toolListFor(scopes, toolSet).map((t) => t.name);
  const patchOps = () => {
    const patch = toolListFor(["read", "write"], "compact").find((t) => t.name === "apply_patch");
    // The op enums of apply_patch's entry union, wherever the listed schema put them.
    return [...JSON.stringify(patch?.inputSchema).matchAll(/"op":\{[^{}]*?"(?:enum|const)":(\[[^\]]*\]|"[^"]*")/g)].flatMap((m) =>
      [JSON.parse(m[1])].flat(),
    ) as string[];
  };

  it("lists all 48 docx-mcp tools in the complete set", () => {
    expect(names(["read", "write"], "complete")).toHaveLength(48);
    expect(names(["read", "write"], "complete")).toEqual([...toolCatalogue().keys()]);
  });

  it("lists apply_patch and every tool that is not a one-operation edit in the compact set", () => {
    const compact = names(["read", "write"], "compact");
    const leftOut = names(["read", "write"], "complete").filter((name) => !compact.includes(name));
    expect(compact).toContain("apply_patch");
    // Sessions, reads, history, library sync, exports and the comment and revision lists.
    for (const name of ["document_create", "document_save", "query", "read_section", "document_undo", "sync_external_changes"])
      expect(compact).toContain(name);
    for (const name of ["export_html", "get_page_setup", "comment_list", "revision_list"]) expect(compact).toContain(name);
    // What compact leaves out is exactly the single-edit tools, each an op apply_patch lists by its tool name.
    expect(leftOut.sort()).toEqual(Object.keys(EDIT_TOOLS).sort());
    expect(patchOps()).toEqual(expect.arrayContaining(leftOut));
  });

  it("says in apply_patch's description that unlisted edit tools can still be called by name", () => {
    const patch = toolListFor(["read", "write"], "compact").find((t) => t.name === "apply_patch");
    expect(patch?.description).toMatch(/call by name, listed or not/);
    expect(patch?.description).toContain('"op":"replace_text"');
  });

  it("leaves a read-only token's list as it was, whatever the set", () => {
    expect(names(["read"], "compact")).toEqual(names(["read"], "complete"));
    expect(names(["read"], "compact")).not.toContain("apply_patch");
  });
});
