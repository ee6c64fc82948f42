import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The engine's layers, lowest first: a module may import only from its own layer or a lower one.
const LAYERS = ["errors", "xml", "package", "model", "paths", "queries", "export", "ops", "facade"] as const;
const ROOT = resolve(__dirname, "../../src/docx");
// node:zlib is the runtime's native zlib, present in Node and in workerd (nodejs_compat).
const EXTERNAL_ALLOWED = ["node:zlib"];

function layerOf(file: string): (typeof LAYERS)[number] {
  const rel = relative(ROOT, file);
  if (rel === "errors.ts") return "errors";
  const top = rel.split("/")[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as (typeof LAYERS)[number]) : "facade";
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]);

describe("src/docx layering", () => {
  const files = sources(ROOT);

  it("imports no platform, MCP, storage or validation code", () => {
    expect(files.flatMap(imports).length).toBeGreaterThan(50);
    const offending = files.flatMap((f) =>
      imports(f)
        .filter((spec) => !spec.startsWith(".") && !EXTERNAL_ALLOWED.includes(spec))
        .map((spec) => `${relative(ROOT, f)} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("never reaches outside src/docx", () => {
    const offending = files.flatMap((f) =>
      imports(f)
        .filter((spec) => spec.startsWith("."))
        .filter((spec) => relative(ROOT, resolve(dirname(f), spec)).startsWith(".."))
        .map((spec) => `${relative(ROOT, f)} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("imports only from the same or lower layers", () => {
    const offending = files.flatMap((f) => {
      const from = LAYERS.indexOf(layerOf(f));
      return imports(f)
        .filter((spec) => spec.startsWith("."))
        .filter((spec) => LAYERS.indexOf(layerOf(resolve(dirname(f), spec).replace(/\.js$/, ".ts"))) > from)
        .map((spec) => `${relative(ROOT, f)} (${LAYERS[from]}) -> ${spec}`);
    });
    expect(offending).toEqual([]);
  });
});
