import type { LibraryFileInfo } from "../sessions/index";

/**
 * Headers for serving a library file. Files are downloads, never pages of this site: the browser must not guess
 * another type (nosniff), and if one is opened anyway (an HTML export), the sandbox runs no script and fetches nothing.
 */
export function downloadHeaders(info: LibraryFileInfo): Record<string, string> {
  const baseName = info.name.slice(info.name.lastIndexOf("/") + 1);
  const asciiName = baseName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return {
    "Content-Type": info.contentType,
    "Content-Length": String(info.size),
    "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(baseName)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    ETag: `"${info.etag}"`,
  };
}
