import { describe, expect, it } from "vitest";
import { tokenFor } from "../support/access-tokens";
import { ORIGIN, workerFetch } from "../support/mcp-client";

// The Worker under test runs unconfigured (no PUBLIC_ORIGIN) on https://docx-edge.test: a development deployment,
// whose own origin and loopback origins may call /mcp and nothing else.
const listTools = { jsonrpc: "2.0", id: 1, method: "tools/list" };

async function postFrom(origin: string | undefined, headers: Record<string, string>) {
  return workerFetch("/mcp", {
    method: "POST",
    headers: {
      ...headers,
      ...(origin ? { origin } : {}),
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-06-18",
    },
    body: JSON.stringify(listTools),
  });
}

describe("/mcp Origin checks", () => {
  it("refuses a request from a foreign origin with 403 before looking at the token", async () => {
    const auth = await tokenFor("origin-foreign");
    const res = await postFrom("https://evil.example", auth.headers);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain("https://evil.example");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves the deployment's own origin, loopback origins in development, and programs that send no Origin", async () => {
    const auth = await tokenFor("origin-allowed");
    for (const origin of [ORIGIN, "http://localhost:6274", "http://127.0.0.1:5173", undefined]) {
      const res = await postFrom(origin, auth.headers);
      expect(res.status, String(origin)).toBe(200);
      if (origin) expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("answers a CORS preflight from an allowed origin without a token, and refuses one from a foreign origin", async () => {
    const preflight = (origin: string) =>
      workerFetch("/mcp", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, mcp-protocol-version",
        },
      });
    const ok = await preflight("http://localhost:6274");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:6274");
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    expect(ok.headers.get("access-control-allow-headers")).toContain("mcp-protocol-version");
    expect((await preflight("https://evil.example")).status).toBe(403);
  });

  it("lets a browser client read the 401 challenge of an allowed origin", async () => {
    const res = await postFrom("http://localhost:6274", {});
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:6274");
    expect(res.headers.get("access-control-expose-headers")).toContain("www-authenticate");
  });
});
