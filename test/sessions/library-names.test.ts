import { describe, expect, it } from "vitest";
import { validateLibraryName } from "../../src/sessions/index";

const refusal = (name: string) => {
  try {
    validateLibraryName(name);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(name)} was accepted`);
};

describe("validateLibraryName", () => {
  it.each([
    ["a/../c.docx", "'.' and '..' segments"],
    ["./c.docx", "'.' and '..' segments"],
    ["..", "'.' and '..' segments"],
    ["a//c.docx", "empty path segment"],
    ["", "empty"],
    ["/c.docx", "start or end with /"],
    ["a\\..\\c.docx", "backslashes"],
    ["tab\there.docx", "control characters"],
    ["c1\u0085.docx", "control characters"],
    ["cod\u202Excod.docx", "bidirectional control characters"],
    ["isolate\u2067.docx", "bidirectional control characters"],
    ["mark\u200F.docx", "bidirectional control characters"],
  ])("refuses %j, saying why", (name, why) => {
    expect(refusal(name)).toContain(why);
  });

  it.each(["report.docx", "Q3/report.docx", "a..b.docx", ".hidden.docx", "what? #1 100%.docx", "résumé/日本語.docx"])(
    "accepts %j",
    (name) => {
      expect(validateLibraryName(name)).toBe(name);
    },
  );
});
