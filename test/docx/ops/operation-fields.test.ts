import { describe, expect, it } from "vitest";
import { isDocxError } from "../../../src/docx/errors.js";
import { OPERATION_FIELDS, type OperationName, parseOperation } from "../../../src/docx/ops/registry/index.js";
import type { Field } from "../../../src/docx/ops/registry/operation-fields.js";

/** Fields whose descriptor carries a pattern, with a value that matches it (a new patterned field adds one here). */
const PATTERNED: Record<string, string> = { language: "en-US" };

/** A value each descriptor accepts. */
function sample(name: string, f: Field): unknown {
  switch (f.type) {
    case "string":
      if (f.pattern === undefined) return "x".repeat(Math.max(f.min, 1));
      if (!(name in PATTERNED)) throw new Error(`No sample for the patterned field ${name}; add one to PATTERNED`);
      return PATTERNED[name];
    case "integer":
      return f.min;
    case "boolean":
      return true;
    case "enum":
      return f.values[0];
    case "path":
      return "/body/paragraph[0]";
    case "element":
      return { type: "paragraph", text: "x" };
    case "style":
      return {};
    case "comment_id":
      return 0;
    case "revision_id":
      return 1;
    case "length":
      return "1cm";
    case "lengths":
      return { [f.keys[0]]: "1cm" };
  }
}

const failureOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (isDocxError(e)) return e.failure;
    throw e;
  }
  return null;
};

/** Each kind's declared fields agree with what its parser reads: the adapters' schemas are derived from them. */
describe.each(Object.entries(OPERATION_FIELDS) as [OperationName, Record<string, Field>][])("the fields of %s", (op, fields) => {
  const all = Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, sample(name, f)]));
  const required = Object.keys(fields).filter((name) => !fields[name].optional);

  it("parse with every declared field given", () => {
    expect(failureOf(() => parseOperation({ op, ...all }, ""))).toBeNull();
  });

  it("are refused one by one when a required one is missing, naming it; optional ones may be left out", () => {
    for (const name of Object.keys(fields)) {
      const { [name]: _left, ...rest } = all;
      const failure = failureOf(() => parseOperation({ op, ...rest }, ""));
      if (required.includes(name)) expect(failure, `${op} without ${name}`).toMatchObject({ kind: "invalid_argument", field: name });
      else expect(failure, `${op} without ${name}`).toBeNull();
    }
  });

  it("refuse an undeclared field, listing the declared ones", () => {
    expect(failureOf(() => parseOperation({ op, ...all, undeclared: 1 }, "operations[0]"))).toMatchObject({
      field: "operations[0].undeclared",
      message: expect.stringContaining(`its fields are ${Object.keys(fields).join(", ")}`),
    });
  });
});
