import { type Context, Hono } from "hono";
import { SessionError } from "../sessions/errors";
import { imageTypeForName, LibraryQuota, libraryQuotaBytes } from "../sessions/index";
import { validateLibraryName } from "../sessions/library-names";
import type { LibraryStore, UploadStaging } from "../sessions/ports";
import { R2LibraryStore } from "../storage/r2/library-store";
import type { AppEnv } from "./app-env";
import { checkDocxUpload } from "./docx-upload-check";
import { downloadHeaders } from "./download-headers";
import { readImageUpload } from "./image-upload";
import { requireScope } from "./require-scope";
import { storeStagedDocx } from "./staged-upload";
import { checkUploadContentType, readUpload } from "./upload-body";

/**
 * The tenant's document library over REST. Mount under /api/files after bearerAuth(); every call is
 * confined to the caller's tenant because the store namespaces keys by principal.tenantId.
 */
export const fileRoutes = new Hono<AppEnv>();

// Routes mounted by src/index.ts get the live library; the fallback (tests wiring the routes alone) keeps the quota.
const libraryOf = (c: Context<AppEnv>): LibraryStore =>
  c.var.library ?? new LibraryQuota(new R2LibraryStore(c.env.DOCS), libraryQuotaBytes(c.env.LIBRARY_QUOTA_BYTES));

// Where sized uploads are checked before they reach the library: picked by the composition root (src/index.ts).
function stagingOf(c: Context<AppEnv>): UploadStaging {
  if (!c.var.staging) throw new Error("The files routes were mounted without upload staging (c.var.staging).");
  return c.var.staging;
}

// Names may contain "/" (folder-like), so the whole rest of the path is the name.
const NAME = "/:name{.+}";
const fileName = (c: Context<AppEnv>) => validateLibraryName(c.req.param("name") ?? "");

const notFound = (name: string) =>
  new SessionError({ kind: "file_not_found", name, message: `No file named ${JSON.stringify(name)} in your library.` });

function listLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new SessionError({
      kind: "invalid_argument",
      field: "limit",
      message: `limit must be a whole number from 1 to 1000, not ${JSON.stringify(text)}.`,
    });
  }
  return limit;
}

fileRoutes.get("/", async (c) => {
  const { tenantId } = requireScope(c.var.principal, "read");
  const { cursor, limit, prefix } = c.req.query();
  const page = await libraryOf(c).list(tenantId, { cursor: cursor || undefined, limit: listLimit(limit), prefix: prefix || undefined });
  return c.json(page);
});

fileRoutes.get(NAME, async (c) => {
  const { tenantId } = requireScope(c.var.principal, "read");
  const name = fileName(c);
  const file = await libraryOf(c).open(tenantId, name);
  if (!file) throw notFound(name);
  return c.body(file.body, 200, downloadHeaders(file.info));
});

fileRoutes.put(NAME, async (c) => {
  const { tenantId } = requireScope(c.var.principal, "write");
  const name = fileName(c);
  if (imageTypeForName(name)) {
    const image = await readImageUpload(name, c.req.raw);
    return c.json({ file: await libraryOf(c).write(tenantId, name, image.bytes, image.contentType) });
  }
  checkUploadContentType(c.req.header("Content-Type"));
  const upload = await readUpload(name, c.req.raw);
  if (upload instanceof Uint8Array) {
    checkDocxUpload(name, upload); // what document_open would refuse is never stored or listed
    return c.json({ file: await libraryOf(c).write(tenantId, name, upload) });
  }
  return c.json({ file: await storeStagedDocx({ library: libraryOf(c), staging: stagingOf(c), tenantId }, name, upload) });
});

fileRoutes.delete(NAME, async (c) => {
  const { tenantId } = requireScope(c.var.principal, "write");
  const name = fileName(c);
  if (!(await libraryOf(c).remove(tenantId, name))) throw notFound(name);
  return c.body(null, 204);
});
