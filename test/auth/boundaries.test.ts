import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../../src");

/** A relative specifier as a path from src/ (e.g. "auth/oauth/pkce", "../schema"); packages unchanged. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return path.relative(src, path.resolve(src, path.dirname(file), specifier)).replace(/\.ts$/, "");
}

function importsOf(folder: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = [];
  for (const entry of readdirSync(path.join(src, folder), { recursive: true, encoding: "utf8" })) {
    if (!entry.endsWith(".ts")) continue;
    const text = readFileSync(path.join(src, folder, entry), "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g))
      found.push({ file: `${folder}/${entry}`, specifier: match[1] });
  }
  return found;
}

// The layering rules of /work/shared/notes/architecture.md for the folders this team owns.
describe("import boundaries", () => {
  it("auth depends only on itself, the schema, hono, drizzle, better-auth and node:crypto (native scrypt)", () => {
    const allowed = /^(auth\/|\.\.\/schema$|hono(\/|$)|drizzle-orm(\/|$)|better-auth(\/|$)|node:crypto$)/;
    expect(importsOf("auth").filter((i) => !allowed.test(target(i.file, i.specifier)))).toEqual([]);
  });

  it("the token format is free of imports, so Node scripts can share it", () => {
    expect(importsOf("auth").filter((i) => i.file === "auth/token-format.ts")).toEqual([]);
  });

  it("http reaches auth only through its index, and storage only for the R2 library store", () => {
    const allowed = /^(http\/|auth$|env$|sessions\/|storage\/r2\/library-store$|hono(\/|$))/;
    expect(importsOf("http").filter((i) => !allowed.test(target(i.file, i.specifier)))).toEqual([]);
  });
});
