import { describe, expect, it } from "vitest";
import { accountNameProblem, authorName } from "../../src/auth/account-name";

// An account's name is written into documents as the author of tracked changes and comments: a character XML
// cannot hold would make every saved file unreadable (or, with the engine's own guard, every edit fail).
describe("account names", () => {
  it("accepts names in any script, with emoji", () => {
    for (const name of ["Zoë Ångström", "李小龍", "محمد", "Ann 😀 Lee"]) expect(accountNameProblem(name)).toBeNull();
  });

  it("refuses control characters, non-characters and lone surrogates, naming the position", () => {
    expect(accountNameProblem("Ann\u0001")).toContain("position 4");
    for (const name of ["a\u0000", "tab\there", "x\uffff", "bad\ud800", "\udc00x"]) expect(accountNameProblem(name)).not.toBeNull();
  });

  it("writes an older account's unwritable name without the characters documents cannot hold", () => {
    expect(authorName("Ann\u0007 Lee\ud800")).toBe("Ann Lee");
    expect(authorName("\u0001")).toBe("docx-edge");
    expect(authorName("")).toBe("docx-edge");
  });
});
