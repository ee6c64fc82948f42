import { describe, expect, it } from "vitest";
import { BODY_LIMITS } from "../../src/http";
import { workerFetch } from "../support/mcp-client";
import { bearer, freshTenantName, tokenFor } from "../support/tokens";

const CHUNK = 64 * 1024;

/**
 * A chunked body (no Content-Length) of `total` bytes that starts like the route expects; `pulled()` says how
 * much of it the server actually read.
 */
function chunkedBody(total: number, start: string) {
  let sent = 0;
  const head = new TextEncoder().encode(start);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = new Uint8Array(CHUNK).fill(0x61); // "a"
      if (sent === 0) chunk.set(head);
      controller.enqueue(chunk);
      sent += CHUNK;
    },
  });
  return { stream, pulled: () => sent };
}

interface Case {
  route: string;
  method?: string;
  limit: number;
  contentType: string;
  start: string;
  headers?: () => Promise<Record<string, string>>;
}

const FORM = "application/x-www-form-urlencoded";
const cases: Case[] = [
  { route: "/oauth/register", limit: BODY_LIMITS.oauth.bytes, contentType: "application/json", start: '{"client_name":"' },
  { route: "/oauth/token", limit: BODY_LIMITS.oauth.bytes, contentType: FORM, start: "grant_type=" },
  { route: "/oauth/revoke", limit: BODY_LIMITS.oauth.bytes, contentType: FORM, start: "token=" },
  { route: "/signin", limit: BODY_LIMITS.form.bytes, contentType: FORM, start: "email=" },
  { route: "/signup", limit: BODY_LIMITS.form.bytes, contentType: FORM, start: "email=" },
  { route: "/dashboard/tokens", limit: BODY_LIMITS.form.bytes, contentType: FORM, start: "name=" },
  { route: "/oauth/authorize", limit: BODY_LIMITS.form.bytes, contentType: FORM, start: "decision=" },
  {
    route: "/dashboard/documents/upload",
    limit: BODY_LIMITS.formUpload.bytes,
    contentType: "multipart/form-data; boundary=xyz",
    start: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\n',
  },
  {
    route: "/mcp",
    limit: BODY_LIMITS.mcp.bytes,
    contentType: "application/json",
    start: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"query","arguments":{"path":"',
    headers: async () => {
      const { token } = await tokenFor(freshTenantName("body"));
      return (bearer(token).headers ?? {}) as Record<string, string>;
    },
  },
];

describe("request body limits", () => {
  for (const c of cases) {
    it(`${c.route} refuses a chunked body past ${c.limit} bytes with 413, reading little past the cap`, async () => {
      const total = c.limit * 3 + 8 * CHUNK;
      const body = chunkedBody(total, c.start);
      const started = performance.now();
      const response = await workerFetch(c.route, {
        method: c.method ?? "POST",
        body: body.stream,
        // @ts-expect-error: duplex is required by fetch for stream bodies but missing from the RequestInit type
        duplex: "half",
        headers: { "content-type": c.contentType, accept: "application/json", ...(await c.headers?.()) },
      });
      const ms = performance.now() - started;
      expect(response.status).toBe(413);
      const json = (await response.json()) as { error: string; message: string };
      expect(json.error).toBe("payload_too_large");
      expect(json.message).toMatch(/larger than \d+ (KB|MB), the limit for this endpoint/);
      // The server stopped reading at the cap (plus what the stream had buffered ahead), not at the end of the body.
      expect(body.pulled()).toBeLessThan(total);
      console.log(`${c.route}: 413 after ${body.pulled()} of ${total} bytes in ${ms.toFixed(0)} ms`);
    });

    it(`${c.route} refuses a declared Content-Length past the cap without reading the body`, async () => {
      const response = await workerFetch(c.route, {
        method: "POST",
        body: new Uint8Array(16),
        headers: {
          "content-type": c.contentType,
          "content-length": String(c.limit + 1),
          accept: "application/json",
          ...(await c.headers?.()),
        },
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: string }).error).toBe("payload_too_large");
    });
  }

  it("still serves a body under the cap (client registration)", async () => {
    const response = await workerFetch("/oauth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: "small", redirect_uris: ["https://claude.ai/api/mcp/auth_callback"] }),
    });
    expect(response.status).toBe(201);
  });
});
