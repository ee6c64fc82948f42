/**
 * PUT /api/files/{name} with a Content-Length, in Node over the memory stores: the body is streamed into a staging
 * object, checked there by range reads, streamed on into the library, and the staging object is gone whatever happened.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth";
import type { AppEnv } from "../../src/http/app-env";
import { fileRoutes } from "../../src/http/files";
import { httpErrorResponse } from "../../src/http/http-errors";
import { STALE_STAGING_MS } from "../../src/http/staged-upload";
import { LibraryQuota, LiveLibraryStore } from "../../src/sessions/index";
import type { BlobBody, LibraryStore, LiveChange, UploadStaging } from "../../src/sessions/ports";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemoryUploadStaging } from "../../src/storage/memory/upload-staging";
import { buildDocx, p } from "../docx/support/build-docx";
import { docxWithImage, noise } from "../docx/support/docx-with-media";
import { sessionsFor } from "../support/mcp-memory";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PHOTO = noise(12 * 1024 * 1024, 7);
const GOOD = docxWithImage(PHOTO, { paragraphs: ["Quarterly figures", "See the scan below."] });

/** What a store was handed: whether any body came as one buffer, and the largest piece a streamed body brought. */
class BodyRecorder {
  wholeBodies = 0;
  largestChunk = 0;
  record(body: BlobBody): BlobBody {
    if (body instanceof Uint8Array) {
      this.wholeBodies++;
      return body;
    }
    const watch = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        this.largestChunk = Math.max(this.largestChunk, chunk.length);
        controller.enqueue(chunk);
      },
    });
    return { stream: body.stream.pipeThrough(watch), length: body.length };
  }
}

function recordingStaging(inner: UploadStaging, recorder: BodyRecorder): UploadStaging {
  return {
    put: (tenantId, body) => inner.put(tenantId, recorder.record(body)),
    source: (tenantId, id) => inner.source(tenantId, id),
    remove: (tenantId, id) => inner.remove(tenantId, id),
    sweep: (tenantId, before) => inner.sweep(tenantId, before),
  };
}

class RecordingLibrary extends MemoryLibraryStore {
  constructor(private readonly recorder: BodyRecorder) {
    super();
  }
  override write(tenantId: string, name: string, body: BlobBody, contentType?: string) {
    return super.write(tenantId, name, this.recorder.record(body), contentType);
  }
}

/** The files routes as src/index.ts mounts them, over memory stores, for one tenant. */
function setup(options: { quotaBytes?: number; staging?: MemoryUploadStaging } = {}) {
  const tenantId = `tenant-staged-${crypto.randomUUID()}`;
  const recorder = new BodyRecorder();
  const stored = new RecordingLibrary(recorder);
  const staging = options.staging ?? new MemoryUploadStaging();
  const changes: LiveChange[] = [];
  const library: LibraryStore = new LiveLibraryStore(new LibraryQuota(stored, options.quotaBytes), {
    publish: async (_tenant, change) => void changes.push(change),
  });
  const principal: Principal = { tenantId, userId: "u", userName: "Owner", tokenId: "t", scopes: ["read", "write"], toolSet: "compact" };
  const app = new Hono<AppEnv>();
  app.onError(httpErrorResponse);
  app.use("*", async (c, next) => {
    c.set("principal", principal);
    c.set("library", library);
    c.set("staging", recordingStaging(staging, recorder));
    await next();
  });
  app.route("/api/files", fileRoutes);
  return { app, tenantId, recorder, stored, staging, changes, library };
}

/** A body that arrives in 64 KB pieces, as a network does, declaring `declared` bytes. */
function streamedPut(bytes: Uint8Array, declared = bytes.length, failAfter?: number): RequestInit {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && at >= failAfter) return controller.error(new Error("the client went away"));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 65536));
      at += 65536;
    },
  });
  return {
    method: "PUT",
    headers: { "content-type": DOCX_TYPE, "content-length": String(declared) },
    body,
    duplex: "half",
  } as RequestInit;
}

/** GOOD with its main part rewritten, the photo kept. */
function withMainPart(change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(GOOD);
  parts["word/document.xml"] = strToU8(change(strFromU8(parts["word/document.xml"])));
  return zipSync(parts, { level: 0 });
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe("sized .docx uploads through a staging object", () => {
  it("streams a large upload into the library without the route holding it whole, reading only its XML to check it", async () => {
    const { app, tenantId, recorder, stored, staging, changes } = setup();
    const res = await app.request(`/api/files/reports/q3.docx`, streamedPut(GOOD));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { file: { name: string; size: number } }).file).toMatchObject({
      name: "reports/q3.docx",
      size: GOOD.length,
    });
    expect(recorder.wholeBodies).toBe(0);
    expect(recorder.largestChunk).toBeGreaterThan(0);
    expect(recorder.largestChunk).toBeLessThan(GOOD.length / 100);
    // Staging was read once whole (the copy into the library); the check read its last MB and XML, not the photo.
    expect(staging.bytesRead - GOOD.length).toBeLessThan(2 * 1024 * 1024);
    expect(same((await stored.read(tenantId, "reports/q3.docx"))!, GOOD)).toBe(true);
    expect((await stored.head(tenantId, "reports/q3.docx"))!.contentType).toBe(DOCX_TYPE);
    expect(changes).toMatchObject([{ kind: "library", name: "reports/q3.docx", change: "written" }]);
    expect(staging.ids(tenantId)).toEqual([]);
  });

  it("refuses a package document_open would refuse with its 422, leaving neither library file nor staging object", async () => {
    const { app, tenantId, stored, staging, changes } = setup();
    const bad = withMainPart((xml) => xml.replace("?>", '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
    const res = await app.request("/api/files/scan.docx", streamedPut(bad));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("not_a_docx");
    expect(body.message).toContain("scan.docx cannot be opened as a Word document");
    expect(body.message).toMatch(/DOCTYPE/i);
    expect(await stored.head(tenantId, "scan.docx")).toBeNull();
    expect(staging.ids(tenantId)).toEqual([]);
    expect(changes).toEqual([]);
  });

  it("refuses a ZIP without [Content_Types].xml by reading its central directory from storage", async () => {
    const { app, tenantId, stored, staging } = setup();
    const parts = unzipSync(GOOD);
    delete parts["[Content_Types].xml"];
    const res = await app.request("/api/files/plain.docx", streamedPut(zipSync(parts, { level: 0 })));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toBe(
      "plain.docx is not a .docx file: it is a ZIP file without [Content_Types].xml, so not an Office Open XML package.",
    );
    expect(await stored.head(tenantId, "plain.docx")).toBeNull();
    expect(staging.ids(tenantId)).toEqual([]);
  });

  it("refuses an upload past the library quota with 429 after its check, leaving the old file and no staging object", async () => {
    const { app, tenantId, stored, staging, changes } = setup({ quotaBytes: GOOD.length + 1000 });
    const small = buildDocx({ body: p("Old") });
    await stored.write(tenantId, "old.docx", small);
    const res = await app.request("/api/files/big.docx", streamedPut(GOOD));
    expect(res.status).toBe(429);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("quota_exceeded");
    expect(body.message).toContain('Not written: "big.docx"');
    expect(await stored.head(tenantId, "big.docx")).toBeNull();
    expect(same((await stored.read(tenantId, "old.docx"))!, small)).toBe(true);
    expect(staging.ids(tenantId)).toEqual([]);
    expect(changes).toEqual([]);
  });

  it.each([
    ["fewer bytes than its Content-Length", GOOD.length + 10],
    ["more bytes than its Content-Length", GOOD.length - 10],
  ])("writes nothing for a body with %s", async (_what, declared) => {
    const { app, tenantId, stored, staging, changes } = setup();
    const res = await app.request("/api/files/cut.docx", streamedPut(GOOD, declared));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      `The request body did not match its Content-Length of ${declared} bytes; nothing was stored.`,
    );
    expect(await stored.head(tenantId, "cut.docx")).toBeNull();
    expect(staging.ids(tenantId)).toEqual([]);
    expect(changes).toEqual([]);
  });

  it("writes nothing when the client goes away mid-body", async () => {
    const { app, tenantId, stored, staging } = setup();
    const res = await app.request("/api/files/gone.docx", streamedPut(GOOD, GOOD.length, 4 * 1024 * 1024));
    expect(res.status).toBe(500);
    expect(await stored.head(tenantId, "gone.docx")).toBeNull();
    expect(staging.ids(tenantId)).toEqual([]);
  });

  it("overwrites a file a session has open, whose save back then gets save_conflict (412) as before", async () => {
    const { app, tenantId, library, stored } = setup();
    const first = buildDocx({ body: p("First version") });
    await library.write(tenantId, "shared.docx", first);
    const sessions = sessionsFor(tenantId, library);
    const session = await sessions.open("shared.docx");
    const res = await app.request("/api/files/shared.docx", streamedPut(GOOD));
    expect(res.status).toBe(200);
    await expect(sessions.save(session.id)).rejects.toMatchObject({ failure: { kind: "save_conflict" } });
    expect(same((await stored.read(tenantId, "shared.docx"))!, GOOD)).toBe(true);
    await sessions.save(session.id, { overwrite: true });
    expect((await stored.read(tenantId, "shared.docx"))!.length).toBeLessThan(GOOD.length);
  });

  it("deletes staging objects an upload that crashed left more than an hour ago, and no younger ones", async () => {
    let clock = Date.now() - STALE_STAGING_MS - 60_000;
    const staging = new MemoryUploadStaging(() => new Date(clock));
    const { app, tenantId } = setup({ staging });
    const leftover = { stream: new Response(GOOD).body!, length: GOOD.length };
    await staging.put(tenantId, leftover);
    clock = Date.now();
    const recent = await staging.put(tenantId, GOOD);
    const res = await app.request("/api/files/next.docx", streamedPut(GOOD));
    expect(res.status).toBe(200);
    expect(staging.ids(tenantId)).toEqual([recent]);
  });
});
