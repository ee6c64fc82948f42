/**
 * A tool's schemas as tools/list shows them: zod's JSON Schema without what costs characters and says nothing, since
 * every client loads the whole list into its model's context. Nothing here changes the type of what an input schema
 * accepts; string lengths are left to the server, which enforces them.
 */
import type { Tool } from "@modelcontextprotocol/server";
import { z } from "zod";

type Node = { [key: string]: unknown };

const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);

/** The JSON Schema of a tool's input or output, compacted. */
export function listedSchema(schema: z.ZodType, io: "input" | "output"): Tool["inputSchema"] {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as Node;
  const nullables = new Set<string>();
  const compacted = compact(json, io, nullables) as Node;
  if (nullables.size) {
    const defs = (compacted.$defs ?? {}) as Node;
    for (const type of nullables) defs[`${type}_or_null`] = { anyOf: [{ type }, { type: "null" }] };
    compacted.$defs = defs;
  }
  if (compacted.$defs) inlineCheapDefs(compacted, compacted.$defs as Node);
  return { type: "object", ...compacted } as Tool["inputSchema"];
}

/** Keywords whose value is a map of names to schemas; and those whose value is data, never a schema. */
const SCHEMA_MAPS = new Set(["properties", "$defs", "patternProperties", "dependentSchemas"]);
const DATA = new Set(["const", "enum", "default", "examples", "required"]);

function compact(value: unknown, io: "input" | "output", nullables: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => compact(v, io, nullables));
  if (!isNode(value)) return value;
  let node: Node = {};
  for (const [key, v] of Object.entries(value)) {
    if (DATA.has(key)) node[key] = v;
    else if (SCHEMA_MAPS.has(key) && isNode(v))
      node[key] = Object.fromEntries(Object.entries(v).map(([name, schema]) => [name, compact(schema, io, nullables)]));
    else node[key] = compact(v, io, nullables);
  }
  // zod bounds every integer by ±2^53; JSON numbers have no other limit worth 50 characters.
  if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  // String lengths are the server's limits against abuse, not what a caller aims for: the server enforces them (with an
  // error naming the limit) and they cost thousands of characters across the list. Inputs only; outputs have none.
  if (io === "input" && node.type === "string") {
    delete node.minLength;
    delete node.maxLength;
  }
  // A const or an enum already says what type the value is.
  if (node.const !== undefined || Array.isArray(node.enum)) delete node.type;
  // An array of types is legal but not portable (clients that map schemas onto one-type dialects reject it): spell it
  // as anyOf, and a nullable scalar as a reference to one shared definition per type.
  if (Array.isArray(node.type)) node = splitTypeUnion(node, nullables);
  // A result may carry more than its schema names (per-operation fields, notices): outputs do not close their objects,
  // which is what the server's own check (a non-strict zod object) does too.
  if (io === "output" && node.properties !== undefined) delete node.additionalProperties;
  return node;
}

/** `{"type": [A, B, ...], ...}` as anyOf branches of one type each; type-specific keywords stay beside them. */
function splitTypeUnion(node: Node, nullables: Set<string>): Node {
  const { type, ...rest } = node;
  const types = type as string[];
  const scalar = types.length === 2 && types[1] === "null" && ["string", "number", "integer", "boolean"].includes(types[0]);
  if (scalar && Object.keys(rest).every((key) => key === "description")) {
    nullables.add(types[0]);
    return { $ref: `#/$defs/${types[0]}_or_null`, ...rest };
  }
  if (rest.anyOf !== undefined) throw new Error("A schema with both a type array and anyOf cannot be listed portably");
  return { anyOf: types.map((t) => ({ type: t })), ...rest };
}

const refName = (v: Node) => (typeof v.$ref === "string" && v.$ref.startsWith("#/$defs/") ? v.$ref.slice(8) : undefined);

/** The definition names `v` refers to, once per reference. */
function refsIn(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) refsIn(x, out);
  else if (isNode(v)) {
    const name = refName(v);
    if (name) out.push(name);
    for (const [key, x] of Object.entries(v)) if (!DATA.has(key)) refsIn(x, out);
  }
  return out;
}

/**
 * Replaces the references to a definition by the definition itself wherever that is no longer than keeping it (always
 * for one use; small definitions used a few times), one definition at a time. Recursive definitions stay.
 */
function inlineCheapDefs(root: Node, defs: Node): void {
  const recursive = (name: string) => {
    const seen = new Set<string>();
    const stack = refsIn(defs[name]);
    while (stack.length) {
      const next = stack.pop()!;
      if (next === name) return true;
      if (!seen.has(next) && defs[next] !== undefined) {
        seen.add(next);
        stack.push(...refsIn(defs[next]));
      }
    }
    return false;
  };
  const replace = (v: unknown, name: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => replace(x, name));
    if (!isNode(v)) return v;
    if (refName(v) === name) {
      const { $ref: _ref, ...rest } = v;
      return { ...(defs[name] as Node), ...rest };
    }
    const out: Node = {};
    for (const [key, x] of Object.entries(v)) out[key] = DATA.has(key) ? x : replace(x, name);
    return out;
  };
  for (;;) {
    const uses = new Map<string, number>();
    for (const name of refsIn(root)) uses.set(name, (uses.get(name) ?? 0) + 1);
    const cheap = Object.keys(defs).find((name) => {
      const n = uses.get(name) ?? 0;
      const size = JSON.stringify(defs[name]).length;
      const ref = `{"$ref":"#/$defs/${name}"}`.length;
      return !recursive(name) && n * (size - ref) <= size + name.length + 4;
    });
    if (cheap === undefined) break;
    for (const [key, v] of Object.entries(root)) if (key !== "$defs") root[key] = replace(v, cheap);
    for (const name of Object.keys(defs)) if (name !== cheap) defs[name] = replace(defs[name], cheap);
    delete defs[cheap];
  }
  if (Object.keys(defs).length === 0) delete root.$defs;
}

const ANNOTATION_DEFAULTS: Record<string, boolean> = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
};

/** Tool annotations without the hints that only repeat the spec's defaults; undefined when none is left. */
export function listedAnnotations(annotations: Tool["annotations"]): Tool["annotations"] | undefined {
  if (!annotations) return undefined;
  const kept = Object.entries(annotations).filter(([key, v]) => ANNOTATION_DEFAULTS[key] !== v);
  return kept.length ? (Object.fromEntries(kept) as Tool["annotations"]) : undefined;
}
