import { describe, expect, it } from "vitest";
import { DocxError } from "../../../src/docx/index.js";
import { parsePath } from "../../../src/docx/paths/index.js";

function failure(path: string): DocxError["failure"] {
  try {
    parsePath(path);
  } catch (e) {
    if (e instanceof DocxError) return e.failure;
    throw e;
  }
  throw new Error(`expected ${path} to be rejected`);
}

describe("parsePath", () => {
  it("parses indexes, negative indexes, [*] and aliases", () => {
    expect(parsePath("/body/paragraph[0]").segments.map((s) => [s.name, s.predicates])).toEqual([
      ["body", []],
      ["paragraph", [{ type: "index", index: 0 }]],
    ]);
    expect(parsePath("/body/p[-1]").segments[1]).toMatchObject({
      written: "p",
      name: "paragraph",
      predicates: [{ type: "index", index: -1 }],
    });
    expect(parsePath("/body/tbl[0]/tr[1]/tc[2]/r[3]").segments.map((s) => s.name)).toEqual(["body", "table", "row", "cell", "run"]);
    expect(parsePath("/body/paragraph[*]").segments[1].predicates).toEqual([{ type: "all" }]);
  });

  it("parses filters with quoted and bare values", () => {
    expect(parsePath("/body/heading[level=2]").segments[1].predicates).toEqual([{ type: "filter", key: "level", op: "=", value: "2" }]);
    expect(parsePath("/body/paragraph[text~='budget']").segments[1].predicates).toEqual([
      { type: "filter", key: "text", op: "~=", value: "budget" },
    ]);
    expect(parsePath(`/body/paragraph[text="a ] / b"]`).segments[1].predicates).toEqual([
      { type: "filter", key: "text", op: "=", value: "a ] / b" },
    ]);
    expect(parsePath("/body/paragraph[style='ListBullet'][0]").segments[1].predicates).toHaveLength(2);
    expect(parsePath("/header[type=default]").segments[0].predicates).toEqual([{ type: "filter", key: "type", op: "=", value: "default" }]);
  });

  it("folds /children/N into an index on the children selector", () => {
    expect(parsePath("/body/children/3").segments[1]).toMatchObject({ name: "*", predicates: [{ type: "index", index: 3 }] });
  });

  it("names the bad segment in every syntax error", () => {
    expect(failure("body/paragraph[0]")).toMatchObject({ kind: "invalid_path", message: expect.stringContaining('starts with "/"') });
    expect(failure("/body//paragraph")).toMatchObject({
      kind: "invalid_path",
      segment: "",
      message: expect.stringContaining("empty segment"),
    });
    expect(failure("/body/paragraph[0")).toMatchObject({ kind: "invalid_path", message: expect.stringContaining("unbalanced brackets") });
    expect(failure("/body/paragraph[text~='x]")).toMatchObject({
      kind: "invalid_path",
      message: expect.stringContaining("unterminated quote"),
    });
    expect(failure("/body/paragraph[colour=red]")).toMatchObject({
      kind: "invalid_path",
      segment: "paragraph[colour=red]",
      allowed: expect.arrayContaining(["text", "style"]),
    });
    expect(failure("/body/paragraph[first]")).toMatchObject({
      segment: "paragraph[first]",
      message: expect.stringContaining("neither an index"),
    });
    expect(failure("/body/paragraph[0]x")).toMatchObject({ message: expect.stringContaining('unexpected "x"') });
    expect(failure("/")).toMatchObject({ message: expect.stringContaining("start with /body") });
  });
});
