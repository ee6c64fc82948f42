import { type ByteSource, DocxDocument, isDocxError } from "../docx/index";
import { SessionError } from "./errors";

/**
 * Opens a library .docx with the engine's guards (ZIP central directory and entry limits, compression ratio, content
 * types, main part, XML without DOCTYPE and within the depth limit), or throws `not_a_docx` naming the file. The one
 * check for document_open and uploads, so a file the library accepts is one a session can open.
 */
export function openLibraryDocx(name: string, bytes: Uint8Array): DocxDocument {
  try {
    return DocxDocument.open(bytes);
  } catch (error) {
    throw refusal(name, error);
  }
}

/** Like openLibraryDocx, reading the file by ranges: its central directory and XML parts, never its media. */
export async function openLibrarySource(name: string, source: ByteSource): Promise<DocxDocument> {
  try {
    return await DocxDocument.openFrom(source);
  } catch (error) {
    throw refusal(name, error);
  }
}

function refusal(name: string, error: unknown): Error {
  if (error instanceof SessionError) return error; // the storage read failed (source_changed): not the file's fault
  const failure = isDocxError(error) ? error.failure : null;
  if (failure?.kind === "document_too_large") {
    return new SessionError({ kind: "file_too_large", name, size: failure.actual, limit: failure.limit, message: failure.message });
  }
  return new SessionError({
    kind: "not_a_docx",
    name,
    message: `${name} cannot be opened as a Word document: ${(error as Error).message}`,
  });
}
