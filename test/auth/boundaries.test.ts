import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../../src");

function importsOf(folder: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = [];
  for (const entry of readdirSync(path.join(src, folder), { recursive: true, encoding: "utf8" })) {
    if (!entry.endsWith(".ts")) continue;
    const text = readFileSync(path.join(src, folder, entry), "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) found.push({ file: `${folder}/${entry}`, specifier: match[1] });
  }
  return found;
}

// The layering rules of /work/shared/notes/architecture.md for the folders this team owns.
describe("import boundaries", () => {
  it("auth depends only on itself, the schema, hono and drizzle", () => {
    const allowed = /^(\.\/|\.\.\/\.\.\/schema$|hono(\/|$)|drizzle-orm(\/|$))/;
    expect(importsOf("auth").filter((i) => !allowed.test(i.specifier))).toEqual([]);
  });

  it("the token format is free of imports, so Node scripts can share it", () => {
    expect(importsOf("auth").filter((i) => i.file === "auth/token-format.ts")).toEqual([]);
  });

  it("http reaches auth only through its index, and storage only for the R2 library store", () => {
    const allowed = /^(\.\/|\.\.\/auth$|\.\.\/env$|\.\.\/sessions\/|\.\.\/storage\/r2\/library-store$|hono(\/|$))/;
    expect(importsOf("http").filter((i) => !allowed.test(i.specifier))).toEqual([]);
  });
});
