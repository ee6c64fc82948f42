import { describe, expect, it } from "vitest";
import { AuthConfigError, authSecretFor, DEV_AUTH_SECRET } from "../../src/auth/auth-secret";

describe("authSecretFor", () => {
  it("uses the configured secret everywhere", () => {
    const secret = "s".repeat(40);
    expect(authSecretFor(secret, "https://docx.example.com")).toBe(secret);
    expect(authSecretFor(secret, "http://127.0.0.1:8787")).toBe(secret);
  });

  it.each(["http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787", "https://docx-edge.test", "http://app.localhost"])(
    "falls back to the development secret on the reserved host %s",
    (origin) => expect(authSecretFor(undefined, origin)).toBe(DEV_AUTH_SECRET),
  );

  it("fails closed on a public host without a secret (a forgotten `wrangler secret put` must not use the public dev value)", () => {
    expect(() => authSecretFor(undefined, "https://docx.example.com")).toThrow(AuthConfigError);
    expect(() => authSecretFor(undefined, "https://localhost.example.com")).toThrow(AuthConfigError);
    expect(() => authSecretFor(undefined, "https://127.0.0.1.nip.io")).toThrow(AuthConfigError);
  });

  it("refuses a short configured secret", () => {
    expect(() => authSecretFor("short", "https://docx.example.com")).toThrow(/at least 32/);
  });
});
