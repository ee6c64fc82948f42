import { env } from "cloudflare:test";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { libraryClient } from "../support/library-client";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

// Uploads past 32 MB get the verdict document_open gives, at upload, inside workerd with the real R2 bucket.

const MEDIA_BYTES = 40 * 1024 * 1024;

/** Incompressible bytes (xorshift32), so the media entry really takes 40 MB of the package. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const words = new Uint32Array(bytes.buffer);
  let x = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return bytes;
}

/** A document shaped like Word's, with a 40 MB picture stored uncompressed, and its main part changed by `main`. */
function largePackage(media: Uint8Array, main: (xml: string) => string = (xml) => xml): Uint8Array {
  const parts = unzipSync(buildDocx({ body: p("Quarterly figures") + p("See the scan below.") }));
  parts["word/document.xml"] = strToU8(main(strFromU8(parts["word/document.xml"])));
  return zipSync({ ...parts, "word/media/scan.bin": [media, { level: 0 }] });
}

async function sha256(bytes: Uint8Array): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Keys left under the tenant's staging prefix: an upload deletes its staging object whatever the outcome. */
async function stagingKeys(tenantId: string): Promise<string[]> {
  return (await env.DOCS.list({ prefix: `t/${tenantId}/staging/` })).objects.map((o) => o.key);
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await run();
  console.log(`${what}: ${(performance.now() - start).toFixed(0)} ms`);
  return out;
}

describe("large .docx uploads", () => {
  const media = noise(MEDIA_BYTES);

  it("refuses a 40 MB package whose main part has a DOCTYPE, with document_open's 422, and lists nothing", async () => {
    const owner = await tokenFor("large-upload-bad");
    const { put, names } = libraryClient(owner.headers);
    const bad = largePackage(media, (xml) => xml.replace("?>", '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
    expect(bad.length).toBeGreaterThan(MEDIA_BYTES);
    const res = await timed(`refused ${(bad.length / 1048576).toFixed(1)} MB upload`, () => put("big/scan.docx", bad));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("not_a_docx");
    expect(body.message).toContain("big/scan.docx cannot be opened as a Word document");
    expect(body.message).toMatch(/DOCTYPE/i);
    expect(await names()).toEqual([]);
    expect(await stagingKeys(owner.tenantId)).toEqual([]);
  });

  it("refuses a 40 MB package whose main part is not well-formed", async () => {
    const owner = await tokenFor("large-upload-broken");
    const { put, names } = libraryClient(owner.headers);
    const broken = largePackage(media, (xml) => xml.replace("</w:body>", ""));
    const res = await put("broken.docx", broken);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain("broken.docx cannot be opened as a Word document");
    expect(await names()).toEqual([]);
  });

  it("stores a good 40 MB package byte for byte, and document_open reads it", async () => {
    const owner = await tokenFor("large-upload-good");
    const { put, files } = libraryClient(owner.headers);
    const good = largePackage(media);
    const res = await timed(`accepted ${(good.length / 1048576).toFixed(1)} MB upload`, () => put("big/report.docx", good));
    expect(res.status).toBe(200);
    expect(await files()).toMatchObject([{ name: "big/report.docx" }]);
    expect(await stagingKeys(owner.tenantId)).toEqual([]);
    const stored = new Uint8Array(await (await workerFetch("/api/files/big/report.docx", { headers: owner.headers })).arrayBuffer());
    expect(stored.length).toBe(good.length);
    expect(await sha256(stored)).toBe(await sha256(good));
    const client = await connectMcp(owner.headers);
    const id = (await callOk(client, "document_open", { path: "big/report.docx" })).session.id;
    expect((await callOk(client, "query", { doc_id: id, path: "/body/paragraph[0]" })).items[0].text).toBe("Quarterly figures");
    expect((await callError(client, "document_open", { path: "big/missing.docx" })).kind).toBe("file_not_found");
  });

  it("stores nothing from a body that ends short of its Content-Length", async () => {
    const owner = await tokenFor("large-upload-short");
    const { names } = libraryClient(owner.headers);
    const good = largePackage(media);
    const res = await workerFetch("/api/files/short.docx", {
      method: "PUT",
      headers: { ...owner.headers, "content-type": "application/octet-stream", "content-length": String(good.length + 10) },
      body: new Response(good).body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      `The request body did not match its Content-Length of ${good.length + 10} bytes; nothing was stored.`,
    );
    expect(await names()).toEqual([]);
    expect(await stagingKeys(owner.tenantId)).toEqual([]);
  });
});
