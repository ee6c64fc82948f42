/** Every R2 key docx-edge writes, in one place (documented in src/storage/LAYOUT.md). */

const tenantRoot = (tenantId: string) => `t/${tenantId}/`;

export const libraryPrefix = (tenantId: string) => `${tenantRoot(tenantId)}lib/`;
export const libraryKey = (tenantId: string, name: string) => `${libraryPrefix(tenantId)}${name}`;

export const sessionPrefix = (tenantId: string, sessionId: string) => `${tenantRoot(tenantId)}s/${sessionId}/`;
export const sessionHeadKey = (tenantId: string, sessionId: string) => `${sessionPrefix(tenantId, sessionId)}head.json`;
export const sessionBaselineKey = (tenantId: string, sessionId: string, generation: number) =>
  `${sessionPrefix(tenantId, sessionId)}baseline/${String(generation).padStart(6, "0")}.docx`;
/** History objects (WAL entries `wal/…`, checkpoints `cp/…`) by their name relative to the session. */
export const sessionObjectKey = (tenantId: string, sessionId: string, name: string) => `${sessionPrefix(tenantId, sessionId)}${name}`;

/** Uploads being checked before they reach the library (see LAYOUT.md for what sweeps them). */
export const stagingPrefix = (tenantId: string) => `${tenantRoot(tenantId)}staging/`;
export const stagingKey = (tenantId: string, id: string) => `${stagingPrefix(tenantId)}${id}`;
