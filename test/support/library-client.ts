import { workerFetch } from "./mcp-client";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The REST library as a client uses it, with one tenant's headers: upload by URL path, list names and types. */
export function libraryClient(headers: Record<string, string>) {
  const put = (path: string, bytes: Uint8Array, type = DOCX_TYPE) =>
    workerFetch(path.startsWith("/") ? path : `/api/files/${path}`, {
      method: "PUT",
      headers: { ...headers, "content-type": type, "content-length": String(bytes.length) },
      body: bytes,
    });
  const files = async () =>
    ((await (await workerFetch("/api/files", { headers })).json()) as { files: { name: string; contentType: string }[] }).files;
  const names = async () => (await files()).map((f) => f.name);
  return { put, files, names };
}
