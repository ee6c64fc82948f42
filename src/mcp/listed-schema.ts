/**
 * A tool's schemas as tools/list shows them: zod's JSON Schema without what costs characters and says nothing, since
 * every client loads the whole list into its model's context. Nothing here changes what an input schema accepts.
 */
import type { Tool } from "@modelcontextprotocol/server";
import { z } from "zod";

type Node = { [key: string]: unknown };

const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);

/** The JSON Schema of a tool's input or output, compacted. */
export function listedSchema(schema: z.ZodType, io: "input" | "output"): Tool["inputSchema"] {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as Node;
  const defs = json.$defs as Node | undefined;
  if (defs) inlineSingleUseDefs(json, defs);
  return { type: "object", ...(compact(json, io) as Node) } as Tool["inputSchema"];
}

function compact(value: unknown, io: "input" | "output"): unknown {
  if (Array.isArray(value)) return value.map((v) => compact(v, io));
  if (!isNode(value)) return value;
  const node: Node = {};
  for (const [key, v] of Object.entries(value)) node[key] = compact(v, io);
  // zod bounds every integer by ±2^53; JSON numbers have no other limit worth 50 characters.
  if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  // A const or an enum of strings already says the value is a string.
  const fixed = node.const !== undefined ? [node.const] : Array.isArray(node.enum) ? node.enum : null;
  if (node.type === "string" && fixed?.every((v) => typeof v === "string")) delete node.type;
  // A result may carry more than its schema names (per-operation fields, notices): outputs do not close their objects,
  // which is what the server's own check (a non-strict zod object) does too.
  if (io === "output" && node.properties !== undefined) delete node.additionalProperties;
  return node;
}

/** Replaces every `$ref` to a definition used only once by the definition itself (recursive ones stay). */
function inlineSingleUseDefs(root: Node, defs: Node): void {
  const uses = new Map<string, number>();
  const count = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(count);
    else if (isNode(v)) {
      if (typeof v.$ref === "string") uses.set(v.$ref, (uses.get(v.$ref) ?? 0) + 1);
      Object.values(v).forEach(count);
    }
  };
  count(root);
  const inline = (v: unknown, within: Set<string>): unknown => {
    if (Array.isArray(v)) return v.map((x) => inline(x, within));
    if (!isNode(v)) return v;
    const ref = typeof v.$ref === "string" ? v.$ref : undefined;
    const name = ref?.replace("#/$defs/", "");
    if (ref && name && uses.get(ref) === 1 && !within.has(name) && defs[name] !== undefined) {
      const { $ref: _ref, ...rest } = v;
      const target = inline(defs[name], new Set([...within, name])) as Node;
      delete defs[name];
      return { ...target, ...rest };
    }
    const out: Node = {};
    for (const [key, x] of Object.entries(v)) out[key] = key === "$defs" ? x : inline(x, within);
    return out;
  };
  for (const [key, v] of Object.entries(root)) if (key !== "$defs") root[key] = inline(v, new Set());
  for (const name of Object.keys(defs)) if (defs[name] !== undefined) defs[name] = inline(defs[name], new Set([name]));
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
