/**
 * The storage ports the sessions layer needs. Implemented on R2 in src/storage/r2 and in memory in
 * src/storage/memory; every implementation runs the contract suites in test/contract.
 */

/** A file in a tenant's document library. */
export interface LibraryFileInfo {
  name: string;
  size: number;
  uploadedAt: string; // ISO 8601
  etag: string;
  contentType: string;
}

/** Body accepted by stores: bytes, or a stream whose length is known up front (R2 needs it). */
export type BlobBody = Uint8Array | { stream: ReadableStream<Uint8Array>; length: number };

/** The tenant's library of .docx files. Names are validated before they reach a store. */
export interface LibraryStore {
  list(tenantId: string, options?: { cursor?: string; limit?: number; prefix?: string }): Promise<{ files: LibraryFileInfo[]; cursor?: string }>;
  head(tenantId: string, name: string): Promise<LibraryFileInfo | null>;
  /** Streams a file; null when it does not exist. */
  open(tenantId: string, name: string): Promise<{ info: LibraryFileInfo; body: ReadableStream<Uint8Array> } | null>;
  read(tenantId: string, name: string): Promise<Uint8Array | null>;
  write(tenantId: string, name: string, body: BlobBody, contentType?: string): Promise<LibraryFileInfo>;
  /** True when a file was deleted, false when there was none. */
  remove(tenantId: string, name: string): Promise<boolean>;
}
