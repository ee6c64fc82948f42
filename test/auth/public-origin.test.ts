import { describe, expect, it } from "vitest";
import { AuthConfigError } from "../../src/auth/auth-secret";
import { resolvePublicOrigin } from "../../src/auth/public-origin";

describe("resolvePublicOrigin", () => {
  it("uses the configured origin whatever Host the request carried (issuer spoofing)", () => {
    expect(resolvePublicOrigin("https://docx.example.com", "https://evil.example/.well-known/oauth-authorization-server")).toEqual({
      origin: "https://docx.example.com",
      configured: true,
    });
    expect(resolvePublicOrigin("https://docx.example.com/", "http://localhost:8787/").origin).toBe("https://docx.example.com");
  });

  it("falls back to the request's origin only on hosts that can never be public (local development)", () => {
    expect(resolvePublicOrigin(undefined, "http://127.0.0.1:8798/mcp")).toEqual({ origin: "http://127.0.0.1:8798", configured: false });
    expect(resolvePublicOrigin("", "https://docx-edge.test/oauth/authorize").origin).toBe("https://docx-edge.test");
  });

  it("refuses to name a public host taken from the request when nothing is configured (Host header reflection)", () => {
    expect(() => resolvePublicOrigin(undefined, "https://evil.example/")).toThrow(AuthConfigError);
    expect(() => resolvePublicOrigin(undefined, "https://evil.example/")).toThrow(/PUBLIC_ORIGIN/);
  });

  it.each(["docx.example.com", "http://docx.example.com", "https://docx.example.com/app", "https://u@docx.example.com"])(
    "refuses the misconfiguration %s (tokens bound to a downgradable or ambiguous origin)",
    (configured) => {
      expect(() => resolvePublicOrigin(configured, "https://docx.example.com/")).toThrow(/PUBLIC_ORIGIN/);
    },
  );
});
