import { describe, expect, it } from "vitest";
import { EDIT_TOOLS } from "../../src/mcp/tools/edit-tools";
import { connectMcp, tokenFor } from "../support/mcp-memory";

type Schema = { [key: string]: unknown };

/**
 * Where a schema leaves an object untyped: `additionalProperties` true or `{}` (anything goes), or an object with no
 * properties and no schema for its values. Paths are JSON-pointer-like, for the failure message.
 */
function untypedObjects(schema: unknown, at: string, out: string[] = []): string[] {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) untypedObjects(item, `${at}/${i}`, out);
    return out;
  }
  if (schema === null || typeof schema !== "object") return out;
  const s = schema as Schema;
  const open = s.additionalProperties === true || (isEmptyObject(s.additionalProperties) && s.additionalProperties !== undefined);
  const shapeless = s.type === "object" && !s.properties && s.additionalProperties === undefined && !s.anyOf && !s.oneOf;
  if (open || shapeless) out.push(at);
  for (const [key, value] of Object.entries(s)) if (typeof value === "object") untypedObjects(value, `${at}/${key}`, out);
  return out;
}

/** Keywords that constrain a value; a subschema with none of them accepts anything (MCP Inspector's strict mode warns). */
const CONSTRAINING = ["type", "enum", "const", "anyOf", "oneOf", "allOf", "not", "$ref", "properties", "items", "required", "pattern"];
/** Keywords whose value is a map of names to subschemas, or a list of subschemas, or one subschema. */
const MAPS = ["properties", "$defs", "patternProperties"];
const LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SINGLE = ["items", "additionalProperties", "not", "propertyNames"];

/** Subschemas that constrain nothing, and references that do not resolve inside the tool's own schema. */
function portabilityFindings(root: Schema, at: string): string[] {
  const out: string[] = [];
  const defs = (root.$defs ?? {}) as Schema;
  const visit = (s: unknown, where: string) => {
    if (s === null || typeof s !== "object" || Array.isArray(s)) return;
    const node = s as Schema;
    if (!CONSTRAINING.some((k) => k in node)) out.push(`${where}: constrains nothing`);
    if (typeof node.$ref === "string" && !(node.$ref.startsWith("#/$defs/") && node.$ref.slice(8) in defs))
      out.push(`${where}: $ref ${node.$ref} does not resolve locally`);
    for (const k of MAPS) for (const [name, sub] of Object.entries((node[k] ?? {}) as Schema)) visit(sub, `${where}/${k}/${name}`);
    for (const k of LISTS) for (const [i, sub] of ((node[k] ?? []) as unknown[]).entries()) visit(sub, `${where}/${k}/${i}`);
    for (const k of SINGLE) if (typeof node[k] === "object") visit(node[k], `${where}/${k}`);
  };
  visit(root, at);
  return out;
}

const isEmptyObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;

describe("untypedObjects", () => {
  it("finds open and shapeless objects, however deep", () => {
    expect(untypedObjects({ type: "object", properties: { a: { type: "object", additionalProperties: {} } } }, "t")).toEqual([
      "t/properties/a",
    ]);
    expect(untypedObjects({ anyOf: [{ type: "object" }, { type: "string" }] }, "t")).toEqual(["t/anyOf/0"]);
    expect(untypedObjects({ type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, "t")).toEqual([]);
  });
});

// Every listed tool's schemas are checked, so these clients list the complete set (the compact one is a subset).
const COMPLETE = { toolSet: "complete" } as const;

describe("tools/list", () => {
  it("types every object in every tool's input and output schema", async () => {
    const client = await connectMcp((await tokenFor("schemas", undefined, COMPLETE)).headers);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(40);
    const untyped = tools.flatMap((t) => [
      ...untypedObjects(t.inputSchema, `${t.name}.inputSchema`),
      ...untypedObjects(t.outputSchema ?? {}, `${t.name}.outputSchema`),
    ]);
    expect(untyped).toEqual([]);
  });

  it("constrains every subschema and resolves every $ref inside its own tool, as strict clients need", async () => {
    const client = await connectMcp((await tokenFor("schemas-portable", undefined, COMPLETE)).headers);
    const { tools } = await client.listTools();
    const findings = tools.flatMap((t) => [
      ...portabilityFindings(t.inputSchema as Schema, `${t.name}.inputSchema`),
      ...(t.outputSchema ? portabilityFindings(t.outputSchema as Schema, `${t.name}.outputSchema`) : []),
    ]);
    expect(findings).toEqual([]);
    expect(portabilityFindings({ properties: { a: { description: "x" }, b: { $ref: "#/$defs/c" } } }, "t")).toEqual([
      "t/properties/a: constrains nothing",
      "t/properties/b: $ref #/$defs/c does not resolve locally",
    ]);
  });

  it("gives every edit tool and apply_patch the edit result envelope as its output schema", async () => {
    const client = await connectMcp((await tokenFor("schemas-out", undefined, COMPLETE)).headers);
    const { tools } = await client.listTools();
    for (const name of [...Object.keys(EDIT_TOOLS), "apply_patch"]) {
      const tool = tools.find((t) => t.name === name);
      expect(tool?.outputSchema?.required, name).toEqual(expect.arrayContaining(["doc_id", "position", "changed", "replayed", "dry_run"]));
      expect(Object.keys(tool?.inputSchema.properties ?? {}), name).toEqual(expect.arrayContaining(["doc_id", "dry_run", "request_id"]));
    }
  });

  it("gives undo, redo and jump_to an output schema for their cursor move", async () => {
    const client = await connectMcp((await tokenFor("schemas-cursor", undefined, COMPLETE)).headers);
    const { tools } = await client.listTools();
    for (const name of ["document_undo", "document_redo", "document_jump_to"])
      expect(tools.find((t) => t.name === name)?.outputSchema?.required, name).toEqual(
        expect.arrayContaining(["doc_id", "position", "replayed", "steps"]),
      );
  });

  it("types element values as a union discriminated by type", async () => {
    const client = await connectMcp((await tokenFor("schemas-value", undefined, COMPLETE)).headers);
    const { tools } = await client.listTools();
    const value = tools.find((t) => t.name === "add_element")?.inputSchema as Schema;
    const types = JSON.stringify(value).match(/"const":"[a-z_]+"/g) ?? [];
    for (const type of [
      "paragraph",
      "heading",
      "table",
      "row",
      "cell",
      "list",
      "image",
      "hyperlink",
      "page_break",
      "section_break",
      "footnote",
    ])
      expect(types, type).toContain(`"const":"${type}"`);
  });
});

describe("arguments a tool does not take", () => {
  it("are refused by name by every tool, read or edit, and an edit refused so writes nothing", async () => {
    const client = await connectMcp((await tokenFor("schemas-unknown-args")).headers);
    const { tools } = await client.listTools();
    const created = await client.callTool({ name: "document_create", arguments: { title: "Strict" } });
    const id = (created.structuredContent as { session: { id: string } }).session.id;
    for (const tool of tools) {
      const result = await client.callTool({ name: tool.name, arguments: { doc_id: id, max_char: 10 } });
      expect(result.isError, tool.name).toBe(true);
      expect(JSON.stringify(result.content), tool.name).toMatch(/Unrecognized keys?: [^\]]*max_char/);
    }
    const history = await client.callTool({ name: "document_history", arguments: { doc_id: id } });
    expect((history.structuredContent as { position: number }).position).toBe(0);
  });
});
