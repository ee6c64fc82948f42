import { DocxDocument, isDocxError } from "../docx/index";
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
    const failure = isDocxError(error) ? error.failure : null;
    if (failure?.kind === "document_too_large") {
      throw new SessionError({ kind: "file_too_large", name, size: failure.actual, limit: failure.limit, message: failure.message });
    }
    throw new SessionError({
      kind: "not_a_docx",
      name,
      message: `${name} cannot be opened as a Word document: ${(error as Error).message}`,
    });
  }
}
