import { type BlobBody, openLibraryDocx } from "../sessions/index";

/**
 * Uploads up to this size are opened by the engine before they are stored, with the checks document_open makes;
 * larger ones stream to storage through the package check alone (holding them would cost too much memory).
 */
export const FULLY_CHECKED_UPLOAD_BYTES = 32 * 1024 * 1024;

/** Refuses an upload document_open would refuse (`not_a_docx`), so it is never stored or listed; returns what to write. */
export async function admitDocxUpload(name: string, body: BlobBody): Promise<BlobBody> {
  if (!(body instanceof Uint8Array) && body.length > FULLY_CHECKED_UPLOAD_BYTES) return body;
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(await new Response(body.stream).arrayBuffer());
  // A body that is not its declared length is the body reader's to report (its rejection names it); never store it.
  if (!(body instanceof Uint8Array) && bytes.length !== body.length) throw new Error("upload length mismatch");
  openLibraryDocx(name, bytes);
  return bytes;
}
