/**
 * Benchmark of one .docx uploaded through PUT /api/files/{name} with its Content-Length: the body arrives in 64 KB
 * pieces read from disk, is streamed into a staging object, checked there by range reads and streamed into the
 * library. The stores keep their objects in temporary files, as R2 keeps them outside the isolate (memory stores would
 * hold the file twice in this heap and measure themselves, not the route). Prints one JSON record: the file's size,
 * the time, and peak heap + ArrayBuffers sampled on every piece received, read or stored. Run by scripts/bench.mjs in a
 * child Node with a 128 MB heap. Usage: upload.ts S|M|L|60MB|PATH.docx
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import type { Principal } from "../src/auth/index.js";
import type { AppEnv } from "../src/http/app-env.js";
import { fileRoutes } from "../src/http/files.js";
import { httpErrorResponse } from "../src/http/http-errors.js";
import { LibraryQuota, LiveLibraryStore } from "../src/sessions/index.js";
import type { BlobBody, ByteSource, LibraryFileInfo, LibraryStore, UploadStaging } from "../src/sessions/ports.js";
import { benchDocumentPath, fileSource } from "./documents.js";

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapAndBuffers = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
let peak = 0;
/** When set, garbage is collected every 16 samples (about 1 MB streamed), so the peak is what the upload keeps alive. */
let collecting = false;
let samples = 0;
const sample = () => {
  if (collecting && ++samples % 16 === 0) gc();
  peak = Math.max(peak, heapAndBuffers());
};
const mb = (n: number) => Number((n / 1048576).toFixed(1));

const folder = mkdtempSync(join(tmpdir(), "docx-edge-upload-"));
let files = 0;

/** Writes a body to a new temporary file piece by piece; returns its path and size. */
async function toFile(body: BlobBody): Promise<{ path: string; size: number }> {
  const path = join(folder, String(++files));
  const fd = openSync(path, "w");
  let size = 0;
  try {
    if (body instanceof Uint8Array) size = writeSync(fd, body);
    else {
      const reader = body.stream.getReader();
      for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
        size += writeSync(fd, piece.value);
        sample();
      }
      if (size !== body.length) throw new Error(`The body declared ${body.length} bytes and gave ${size}.`);
    }
  } finally {
    closeSync(fd);
  }
  return { path, size };
}

/** A file read by ranges that samples memory on every read (the upload check and the copy into the library). */
function sampledSource(path: string): ByteSource {
  const source = fileSource(path);
  return {
    size: source.size,
    read: async (offset, length) => {
      const bytes = await source.read(offset, length);
      sample();
      return bytes;
    },
    stream: async (offset, length) => {
      const sampled = new TransformStream<Uint8Array, Uint8Array>({
        transform(piece, controller) {
          sample();
          controller.enqueue(piece);
        },
      });
      return (await source.stream(offset, length)).pipeThrough(sampled);
    },
  };
}

const staged = new Map<string, string>();
const staging: UploadStaging = {
  async put(_tenant, body) {
    const id = crypto.randomUUID();
    staged.set(id, (await toFile(body)).path);
    return id;
  },
  source: async (_tenant, id) => (staged.has(id) ? sampledSource(staged.get(id)!) : null),
  remove: async (_tenant, id) => void staged.delete(id),
  sweep: async () => 0,
};

/** The library's files on disk: enough of a LibraryStore for an upload (the quota lists it, the route writes it). */
const stored = new Map<string, LibraryFileInfo>();
const write = async (_tenant: string, name: string, body: BlobBody, contentType = "application/octet-stream") => {
  const { size } = await toFile(body);
  const info = { name, size, uploadedAt: new Date().toISOString(), etag: String(files), contentType };
  stored.set(name, info);
  return info;
};
const diskLibrary: LibraryStore = {
  list: async () => ({ files: [...stored.values()] }),
  head: async (_tenant, name) => stored.get(name) ?? null,
  open: async () => null,
  read: async () => null,
  source: async () => null,
  write,
  writeIf: (tenant, name, body, _condition, contentType) => write(tenant, name, body, contentType),
  remove: async (_tenant, name) => stored.delete(name),
};

const principal: Principal = {
  tenantId: "bench",
  userId: "u",
  userName: "Bench",
  tokenId: "t",
  scopes: ["read", "write"],
  toolSet: "compact",
};
const app = new Hono<AppEnv>();
app.onError(httpErrorResponse);
app.use("*", async (c, next) => {
  c.set("principal", principal);
  c.set("library", new LiveLibraryStore(new LibraryQuota(diskLibrary), { publish: async () => {} }));
  c.set("staging", staging);
  await next();
});
app.route("/api/files", fileRoutes);

const path = benchDocumentPath(process.argv[2] ?? "S");

/** One upload of the document through the route, its body read from disk in 64 KB pieces; returns ms and peak. */
async function upload(): Promise<{ ms: number; peak: number; size: number }> {
  const input = fileSource(path);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (at >= input.size) return controller.close();
      const length = Math.min(65536, input.size - at);
      controller.enqueue(await input.read(at, length));
      at += length;
      sample();
    },
  });
  gc();
  peak = 0;
  sample();
  const started = performance.now();
  const res = await app.request("/api/files/bench.docx", {
    method: "PUT",
    headers: { "content-type": "application/octet-stream", "content-length": String(input.size) },
    body,
    duplex: "half",
  } as RequestInit);
  const ms = performance.now() - started;
  sample();
  input.close();
  if (res.status !== 200) throw new Error(`The upload failed with ${res.status}: ${await res.text()}`);
  if (stored.get("bench.docx")?.size !== input.size) throw new Error("The library file is not the size of the upload.");
  return { ms, peak, size: input.size };
}

gc();
const before = heapAndBuffers();
const found = await upload();
collecting = true;
const live = await upload();
rmSync(folder, { recursive: true, force: true });

console.log(
  JSON.stringify({
    upload_docx_bytes: found.size,
    upload_ms: Math.round(found.ms),
    upload_start_heap_buffers_mb: mb(before),
    upload_peak_heap_buffers_mb: mb(found.peak),
    upload_peak_live_mb: mb(live.peak),
  }),
);
