import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The layering of src/ (see README "Architecture"): which top-level folder may import which.
const ALLOWED: Record<string, string[]> = {
  docx: ["docx"],
  sessions: ["sessions", "docx"],
  storage: ["storage", "sessions"],
  tenant: ["tenant", "sessions", "env"],
  mcp: ["mcp", "sessions", "docx", "auth"],
  auth: ["auth", "sessions", "env", "http", "../schema"],
  http: ["http", "sessions", "auth", "mcp", "storage", "env"],
};
// Packages each folder must never import, whatever the path.
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  docx: /^(cloudflare:|hono|@modelcontextprotocol|drizzle-orm|zod|better-auth)/,
  sessions: /^(cloudflare:|hono|@modelcontextprotocol|drizzle-orm|better-auth)/,
};

const SRC = join(__dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^"'`]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe("source layering", () => {
  const files = sourceFiles(SRC).filter((f) => relative(SRC, f).includes("/"));

  it("finds the layers it checks", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const rel = relative(SRC, file);
    const layer = rel.split("/")[0];
    it(`${rel} imports only what its layer may`, () => {
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) {
          const target = relative(SRC, join(file, "..", spec));
          // Imports that leave src/ name the top-level folder they reach, e.g. "../schema" for drizzle tables.
          const parts = target.split("/");
          const targetLayer = parts[0] === ".." ? `../${parts[1]}` : parts[0].replace(/\.(ts|js)$/, "");
          expect(ALLOWED[layer] ?? [], `${rel} imports ${spec} (${targetLayer})`).toContain(targetLayer);
        } else {
          expect(FORBIDDEN_PACKAGES[layer]?.test(spec) ?? false, `${rel} imports package ${spec}`).toBe(false);
        }
      }
    });
  }
});
