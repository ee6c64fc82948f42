import { describe, expect, it } from "vitest";
import { isCodeChallenge, s256, verifierMatches } from "../../src/auth/oauth/pkce";
import { checkRegistrableRedirectUri, matchRedirectUri } from "../../src/auth/oauth/redirect-uris";

describe("matchRedirectUri", () => {
  const registered = ["https://claude.ai/api/mcp/auth_callback", "http://127.0.0.1/callback", "http://localhost:3000/cb?x=1"];

  it("matches registered https URIs exactly, character for character", () => {
    expect(matchRedirectUri("https://claude.ai/api/mcp/auth_callback", registered)).toBe(registered[0]);
    expect(matchRedirectUri("https://CLAUDE.ai/api/mcp/auth_callback", registered)).toBeNull();
    expect(matchRedirectUri("https://claude.ai/api/mcp/auth_callback?", registered)).toBeNull();
    expect(matchRedirectUri("https://claude.ai:443/api/mcp/auth_callback", registered)).toBeNull();
    expect(matchRedirectUri("https://claude.ai/api/mcp/../mcp/auth_callback", registered)).toBeNull();
  });

  it("lets loopback http URIs vary only in port (RFC 8252 §7.3)", () => {
    expect(matchRedirectUri("http://127.0.0.1:61234/callback", registered)).toBe(registered[1]);
    expect(matchRedirectUri("http://localhost:9/cb?x=1", registered)).toBe(registered[2]);
    expect(matchRedirectUri("http://127.0.0.1:61234/callback/", registered)).toBeNull();
    expect(matchRedirectUri("http://localhost:61234/callback", registered)).toBeNull();
    expect(matchRedirectUri("http://localhost:9/cb?x=2", registered)).toBeNull();
  });

  it("never applies the port rule to https or non-loopback hosts", () => {
    expect(matchRedirectUri("https://claude.ai:8443/api/mcp/auth_callback", registered)).toBeNull();
  });
});

describe("checkRegistrableRedirectUri", () => {
  it.each([
    "https://claude.ai/api/mcp/auth_callback",
    "http://127.0.0.1:8080/cb",
    "http://[::1]/cb",
    "cursor://anysphere.cursor-mcp/oauth/callback",
  ])("accepts %s", (uri) => {
    expect(checkRegistrableRedirectUri(uri)).toBe(uri);
  });

  it.each([
    "http://example.com/cb",
    "javascript:alert(1)",
    "data:text/html,x",
    "https://user:pw@example.com/cb",
    "https://example.com/cb#x",
    "not a url",
  ])("refuses %s", (uri) => {
    expect(() => checkRegistrableRedirectUri(uri)).toThrow(/not allowed/);
  });
});

describe("PKCE S256", () => {
  it("matches the RFC 7636 appendix B example", async () => {
    expect(await s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    expect(await verifierMatches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).toBe(true);
  });

  it("refuses a verifier equal to the challenge (the plain method) and malformed challenges", async () => {
    expect(await verifierMatches("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")).toBe(false);
    expect(isCodeChallenge("short")).toBe(false);
  });
});

describe("redirect URI hygiene", () => {
  it.each([
    ["https://a;sandbox/cb", "a `;` in the host would end the consent page's CSP form-action directive and add another"],
    ["https://x,y/cb", "a `,` in the host would split the CSP header into two policies"],
    ["https://*.good.example/cb", "a wildcard host is not one client's address"],
    ["https://good.example/*", "a wildcard path is not one exact URI"],
    ["http://evil@127.0.0.1:9999/cb", "userinfo makes a URL read as one host while going to another"],
    ["cursor://a;b/cb", "a private-use scheme still needs a real host when it names one"],
    ["https://[2001:db8::1]/cb", "only the loopback IPv6 literal is a known host"],
    ["https://exa mple.com/cb", "spaces are not host characters"],
  ])("refuses %s (%s)", (uri) => {
    expect(() => checkRegistrableRedirectUri(uri)).toThrow(/not allowed/);
  });

  it("still accepts a reverse-domain private-use scheme without a host (RFC 8252 §7.1)", () => {
    expect(checkRegistrableRedirectUri("com.example.app:/oauth/cb")).toBe("com.example.app:/oauth/cb");
  });

  it("does not match a loopback URI with userinfo to a registered loopback URI (credential smuggling)", () => {
    expect(matchRedirectUri("http://evil@127.0.0.1:9999/cb", ["http://127.0.0.1/cb"])).toBeNull();
    expect(matchRedirectUri("http://127.0.0.1:9999/cb", ["http://127.0.0.1/cb"])).toBe("http://127.0.0.1/cb");
  });

  it("never matches a URI stored before these rules (an old registration cannot reach the CSP header)", () => {
    expect(matchRedirectUri("https://a;sandbox/cb", ["https://a;sandbox/cb"])).toBeNull();
  });
});
