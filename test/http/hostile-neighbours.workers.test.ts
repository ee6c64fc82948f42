import { describe, expect, it } from "vitest";
import { minimalDocx } from "../support/docx-bytes";
import { workerFetch } from "../support/mcp-client";
import { bearer, freshTenantName, tokenFor } from "../support/tokens";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A body of `total` bytes that never ends early and is produced only as it is read. */
function endlessChunks(total: number, first: string) {
  let sent = 0;
  const head = new TextEncoder().encode(first);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = new Uint8Array(256 * 1024).fill(0x61);
      if (sent === 0) chunk.set(head);
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

const post = (path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  // @ts-expect-error: duplex is required by fetch for stream bodies but missing from the RequestInit type
  workerFetch(path, { method: "POST", body, duplex: "half", headers });

describe("a hostile request does not hold up another tenant", () => {
  it("answers oversized chunked bodies with 413 while another tenant's calls complete correctly", async () => {
    const neighbour = await tokenFor(freshTenantName("calm"));
    const doc = minimalDocx("neighbour");
    const put = await workerFetch(
      "/api/files/calm.docx",
      bearer(neighbour.token, { method: "PUT", body: doc, headers: { "Content-Type": DOCX_TYPE, "Content-Length": String(doc.length) } }),
    );
    expect(put.status).toBe(200);
    const attacker = await tokenFor(freshTenantName("noisy"));

    const hostile = Promise.all([
      post("/signin", endlessChunks(60 * 1024 * 1024, "email="), { "content-type": "application/x-www-form-urlencoded" }),
      post("/oauth/token", endlessChunks(60 * 1024 * 1024, "grant_type="), { "content-type": "application/x-www-form-urlencoded" }),
      post("/mcp", endlessChunks(60 * 1024 * 1024, '{"jsonrpc":"2.0","id":1,"method":"tools/call"'), {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...(bearer(attacker.token).headers as Record<string, string>),
      }),
      workerFetch("/api/files/noisy.docx", {
        ...bearer(attacker.token, {
          method: "PUT",
          body: endlessChunks(60 * 1024 * 1024, "PK\x03\x04"),
          headers: { "Content-Type": DOCX_TYPE },
        }),
        duplex: "half",
      } as RequestInit),
    ]);

    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const list = await workerFetch("/api/files", bearer(neighbour.token));
      const body = (await list.json()) as { files: { name: string; size: number }[] };
      latencies.push(performance.now() - started);
      expect(list.status).toBe(200);
      expect(body.files).toMatchObject([{ name: "calm.docx", size: doc.length }]);
    }
    const download = await workerFetch("/api/files/calm.docx", bearer(neighbour.token));
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(doc);

    const started = performance.now();
    const responses = await hostile;
    console.log(
      `neighbour list latencies (ms): ${latencies.map((t) => t.toFixed(0)).join(", ")}; hostile requests finished ${(performance.now() - started).toFixed(0)} ms later`,
    );
    expect(responses.map((r) => r.status)).toEqual([413, 413, 413, 413]);
    // The attacker's upload was refused without storing anything.
    expect((await workerFetch("/api/files/noisy.docx", bearer(attacker.token))).status).toBe(404);
  });
});
