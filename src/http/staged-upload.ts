import type { LibraryFileInfo, LibraryStore, UploadStaging } from "../sessions/index";
import { checkDocxSource } from "./docx-upload-check";
import type { SizedUpload } from "./upload-body";

/** Staging objects older than this were left by an upload that crashed; the tenant's next sized upload deletes them. */
export const STALE_STAGING_MS = 60 * 60 * 1000;

/**
 * Stores a sized .docx upload without holding it whole: the body is streamed into a staging object, checked there by
 * range reads as document_open would read it, and only then streamed into the library through `library.write`
 * (quota, live event, content type as for any write). The staging object is deleted whatever the outcome.
 */
export async function storeStagedDocx(
  { library, staging, tenantId }: { library: LibraryStore; staging: UploadStaging; tenantId: string },
  name: string,
  upload: SizedUpload,
): Promise<LibraryFileInfo> {
  let id: string | undefined;
  try {
    // A body that ran past or stopped short of its length fails the put however storage words it: say why.
    id = await staging.put(tenantId, upload.body).catch((error) => {
      throw upload.refusal() ?? error;
    });
    const source = await staging.source(tenantId, id);
    if (!source) throw new Error(`The staged upload of ${name} disappeared before it was checked.`);
    await checkDocxSource(name, source); // what document_open would refuse is never stored or listed
    const copy = await source.stream(0, source.size);
    try {
      return await library.write(tenantId, name, { stream: copy, length: source.size });
    } catch (error) {
      await copy.cancel().catch(() => undefined); // refused before reading it (the quota), or failed midway
      throw error;
    }
  } finally {
    // A failed delete, like a crash, leaves the object to the sweep; the upload's outcome stands either way.
    if (id !== undefined) await staging.remove(tenantId, id).catch(() => undefined);
    await staging.sweep(tenantId, new Date(Date.now() - STALE_STAGING_MS)).catch(() => undefined);
  }
}
