import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/auth/password";

describe("password hashing", () => {
  it("verifies the password it hashed and refuses another", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword({ hash, password: "correct horse battery staple" })).toBe(true);
    expect(await verifyPassword({ hash, password: "correct horse battery stapler" })).toBe(false);
  });

  it("salts each hash, so equal passwords do not reveal each other", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
  });

  it("refuses stored hashes it did not write or whose cost would exhaust the isolate", async () => {
    expect(await verifyPassword({ hash: "plain-text", password: "plain-text" })).toBe(false);
    expect(await verifyPassword({ hash: "scrypt$4194304$16$1$c2FsdA==$a2V5", password: "x" })).toBe(false);
  });
});
