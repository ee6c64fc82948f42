import { SessionError } from "./errors";
import { ForwardingLibraryStore } from "./forwarding-library-store";
import type { BlobBody, LibraryFileInfo, LibraryStore, WriteCondition } from "./ports";

/** What one tenant's library may hold unless configured otherwise (LIBRARY_QUOTA_BYTES). */
export const DEFAULT_LIBRARY_QUOTA_BYTES = 1024 * 1024 * 1024;

/** The quota configured as a number of bytes (LIBRARY_QUOTA_BYTES), or the default when unset or not a positive number. */
export function libraryQuotaBytes(configured: string | undefined): number {
  const bytes = Number(configured);
  return configured && Number.isFinite(bytes) && bytes > 0 ? bytes : DEFAULT_LIBRARY_QUOTA_BYTES;
}

const LIST_PAGE = 1000;

function size(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} byte${n === 1 ? "" : "s"}`;
}

/**
 * A library store that refuses a write which would take the tenant's library past `limitBytes`, before anything is
 * written. Every writer (uploads, document_save, exports, auto-save) goes through it, so one check covers them all.
 * The total is summed from the listing at each write: two writes racing can overshoot by one file, never by more.
 */
export class LibraryQuota extends ForwardingLibraryStore {
  constructor(
    inner: LibraryStore,
    readonly limitBytes = DEFAULT_LIBRARY_QUOTA_BYTES,
  ) {
    super(inner);
  }

  override async write(tenantId: string, name: string, body: BlobBody, contentType?: string): Promise<LibraryFileInfo> {
    await this.check(tenantId, name, body);
    return this.inner.write(tenantId, name, body, contentType);
  }

  override async writeIf(tenantId: string, name: string, body: BlobBody, condition: WriteCondition, contentType?: string) {
    await this.check(tenantId, name, body);
    return this.inner.writeIf(tenantId, name, body, condition, contentType);
  }

  /** Bytes the tenant's library holds now. */
  async usedBytes(tenantId: string, except?: string): Promise<number> {
    let used = 0;
    let cursor: string | undefined;
    do {
      const page = await this.inner.list(tenantId, { cursor, limit: LIST_PAGE });
      for (const file of page.files) if (file.name !== except) used += file.size;
      cursor = page.cursor;
    } while (cursor);
    return used;
  }

  private async check(tenantId: string, name: string, body: BlobBody): Promise<void> {
    const length = body.length;
    // A file written over an existing one frees that one's bytes.
    const used = await this.usedBytes(tenantId, name);
    if (used + length <= this.limitBytes) return;
    throw new SessionError({
      kind: "quota_exceeded",
      quota: "library_bytes",
      limit: this.limitBytes,
      used,
      message:
        `Not written: ${JSON.stringify(name)} (${size(length)}) would take your library to ${size(used + length)}, past its ` +
        `${size(this.limitBytes)} quota (it holds ${size(used)} now). Delete files you no longer need ` +
        "(DELETE /api/files/NAME, or the dashboard) and try again.",
    });
  }
}
