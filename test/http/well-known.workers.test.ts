import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { restApp } from "../support/rest-app";

const app = restApp();

describe("protected resource metadata (RFC 9728)", () => {
  for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
    it(`is served at ${path} for the configured public origin`, async () => {
      const res = await app.request(`https://docx.example${path}`, {}, { ...env, PUBLIC_ORIGIN: "https://docx.example" });
      expect(res.status).toBe(200);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(await res.json()).toEqual({
        resource: "https://docx.example/mcp",
        authorization_servers: ["https://docx.example"],
        bearer_methods_supported: ["header"],
        scopes_supported: ["read", "write"],
        resource_name: "docx-edge",
      });
    });
  }

  it("matches the URL a 401 points to", async () => {
    const denied = await app.request("http://localhost:8787/mcp", { method: "POST" }, env);
    const url = denied.headers.get("WWW-Authenticate")!.match(/resource_metadata="([^"]+)"/)![1];
    const res = await app.request(url, {}, env);
    expect(((await res.json()) as { resource: string }).resource).toBe("http://localhost:8787/mcp");
  });
});
