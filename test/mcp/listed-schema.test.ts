import { Validator } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listedAnnotations, listedSchema } from "../../src/mcp/listed-schema";
import { toolCatalogue } from "../../src/mcp/tool-catalogue";

const accepts = (schema: object, value: unknown) => new Validator(schema as never, "2020-12").validate(value).valid;

describe("listedSchema", () => {
  it("drops zod's ±2^53 integer bounds and keeps bounds a schema set", () => {
    const listed = listedSchema(z.object({ n: z.number().int(), m: z.number().int().min(1).max(9) }), "input");
    expect(listed.properties).toEqual({ n: { type: "integer" }, m: { type: "integer", minimum: 1, maximum: 9 } });
  });

  it("lets a const or an enum say the type", () => {
    const listed = listedSchema(z.object({ kind: z.literal("a"), size: z.enum(["s", "m"]) }), "input");
    expect(listed.properties).toEqual({ kind: { const: "a" }, size: { enum: ["s", "m"] } });
  });

  it("spells type arrays as anyOf, nullable scalars used often as one shared definition", () => {
    const often = Object.fromEntries(["a", "b", "c", "d", "e", "f", "g"].map((k) => [k, z.string().nullable()]));
    const listed = listedSchema(
      z.object({ ...often, n: z.number().nullable(), u: z.union([z.boolean(), z.string()]).nullable() }),
      "input",
    );
    expect(listed.properties?.a).toEqual({ $ref: "#/$defs/string_or_null" });
    expect(listed.properties?.n).toEqual({ anyOf: [{ type: "number" }, { type: "null" }] });
    expect(listed.properties?.u).toEqual({ anyOf: [{ type: "boolean" }, { type: "string" }, { type: "null" }] });
    expect(listed.$defs).toEqual({ string_or_null: { anyOf: [{ type: "string" }, { type: "null" }] } });
  });

  it("inlines definitions used once and keeps recursive ones", () => {
    type Tree = { children?: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.strictObject({ children: z.array(tree).optional() })).meta({ id: "tree" });
    const once = z.strictObject({ x: z.string() }).meta({ id: "once" });
    const listed = listedSchema(z.object({ once, tree }), "input");
    expect(listed.properties?.once).toMatchObject({ type: "object", properties: { x: { type: "string" } } });
    expect(Object.keys(listed.$defs as object)).toEqual(["tree"]);
  });

  it("lists no string lengths in inputs, which the server still enforces", () => {
    const listed = listedSchema(z.object({ s: z.string().min(1).max(5), p: z.string().regex(/^\d+$/) }), "input");
    expect(listed.properties).toEqual({ s: { type: "string" }, p: { type: "string", pattern: "^\\d+$" } });
    const edit = toolCatalogue().get("remove_element")!;
    const args = { doc_id: "d1", path: "/body/paragraph[0]" };
    expect(edit.input.safeParse({ ...args, request_id: "r".repeat(200) }).success).toBe(true);
    expect(edit.input.safeParse({ ...args, request_id: "r".repeat(201) }).success).toBe(false);
    expect(edit.input.safeParse({ ...args, path: "" }).success).toBe(false);
  });

  it("leaves output objects open, since results carry more than their schema names", () => {
    const listed = listedSchema(z.object({ id: z.string() }), "output");
    expect(listed).toEqual({ type: "object", properties: { id: { type: "string" } }, required: ["id"] });
  });
});

describe("listedAnnotations", () => {
  it("keeps only hints that differ from the spec's defaults", () => {
    expect(listedAnnotations({ readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false })).toEqual({
      idempotentHint: true,
      openWorldHint: false,
    });
    expect(listedAnnotations({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true })).toBeUndefined();
  });
});

/** Values the element union must take or refuse, as add_element's `value`. */
const VALUES: unknown[] = [
  { type: "paragraph", text: "Hi", style: "Quote" },
  { type: "paragraph", runs: [{ text: "B", style: { bold: true, color: null, font_size: 12, underline: "double" } }, { tab: true }] },
  { type: "paragraph", text: "x", properties: { alignment: "center", tabs: [{ position: 720 }] } },
  { type: "heading", level: 2, text: "Title" },
  {
    type: "table",
    headers: ["A", "B"],
    rows: [["1", { text: "x", col_span: 2, borders: { top: null } }]],
    columns: [3000, { width: 3000 }],
  },
  { type: "row", cells: ["a", { paragraphs: [{ type: "heading", level: 1, text: "h" }, { text: "p" }] }] },
  { type: "list", items: ["One", { text: "Sub", level: 1, items: ["deeper"] }], ordered: true },
  { type: "image", file: "logo.png", unit: "px" },
  { type: "section_break", break_type: "next_page" },
  { type: "page_break" },
  '{"type":"paragraph","text":"as JSON text"}',
  // Refused: unknown type, unknown property (at the top and deep inside), wrong types, missing required field.
  { type: "chapter", text: "x" },
  { type: "paragraph", txt: "typo" },
  { type: "paragraph", runs: [{ text: "x", style: { bold: "yes" } }] },
  { type: "paragraph", runs: [{ text: "x", style: { boldness: true } }] },
  { type: "row" },
  { type: "image", unit: "inch" },
  { type: "table", rows: [[{ text: "x", row_span: "merge" }]] },
  { type: "list", items: [{ text: "x", items: [{ text: 1 }] }] },
  { text: "no type" },
  42,
];

describe("the listed schemas", () => {
  it("accept and refuse element values exactly as the tools' own validation does", () => {
    for (const name of ["add_element", "replace_element"]) {
      const tool = toolCatalogue().get(name)!;
      for (const value of VALUES) {
        const args = { doc_id: "d1", path: "/body/children/0", value };
        expect(accepts(tool.listing.inputSchema, args), `${name} ${JSON.stringify(value)}`).toBe(tool.input.safeParse(args).success);
      }
    }
    const patch = toolCatalogue().get("apply_patch")!;
    for (const value of VALUES) {
      const args = {
        doc_id: "d1",
        patches: [
          { op: "replace", path: "/body/paragraph[0]", value },
          { op: "remove", path: "/body/table[0]" },
        ],
      };
      expect(accepts(patch.listing.inputSchema, args), JSON.stringify(value)).toBe(patch.input.safeParse(args).success);
    }
  });

  it("accept and refuse patch operations exactly as apply_patch's own validation does", () => {
    const patch = toolCatalogue().get("apply_patch")!;
    const operations: unknown[] = [
      { op: "move", from: "/body/paragraph[0]", path: "/body/children/3" },
      { op: "copy", from: "/body/paragraph[0]", path: "/body/children/3" },
      { op: "revision_reject", revision_id: "0.2" },
      { op: "revision_accept_all" },
      { op: "set_footer", text: "Page {PAGE}", type: "first" },
      { op: "set_page_setup", margins: { top: "2cm", gutter: 0 } },
      { op: "style_table", cell_style: { borders: null }, row_style: '{"height":400}' },
      { op: "move", path: "/body/children/3" },
      { op: "copy", from: "/body/paragraph[0]", path: "/body/children/3", value: { type: "page_break" } },
      { op: "set_header", text: "x", type: "odd" },
      { op: "set_page_setup", margins: { inside: "2cm" } },
      { op: "revision_accept_all", revision_id: 1 },
      { op: "rename", path: "/body" },
    ];
    for (const operation of operations) {
      const args = { doc_id: "d1", patches: [operation] };
      expect(accepts(patch.listing.inputSchema, args), JSON.stringify(operation)).toBe(patch.input.safeParse(args).success);
    }
  });

  it("type no value as an array of types, which strict clients cannot map", () => {
    const listings = [...toolCatalogue().values()].map((t) => t.listing);
    expect(JSON.stringify(listings)).not.toMatch(/"type":\[/);
    expect(JSON.stringify(listings)).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });
});
