import { checkLibraryImage, MAX_LIBRARY_IMAGE_BYTES, SessionError } from "../sessions/index";
import { readBodyCapped } from "./body-limit";
import { HttpError } from "./http-errors";

const tooLarge = (name: string, size: number) =>
  new SessionError({
    kind: "file_too_large",
    name,
    size,
    limit: MAX_LIBRARY_IMAGE_BYTES,
    message: `${name} is larger than ${MAX_LIBRARY_IMAGE_BYTES / (1024 * 1024)} MB, the limit for pictures.`,
  });

/**
 * Reads a picture upload (a library name ending in .png, .jpg, .jpeg or .gif): at most the picture limit, whether or
 * not Content-Length says so, then its magic bytes must match its name. Pictures are small, so they are buffered.
 */
export async function readImageUpload(name: string, request: Request): Promise<{ bytes: Uint8Array; contentType: string }> {
  const type = request.headers.get("Content-Type")?.split(";")[0].trim().toLowerCase();
  if (type && !type.startsWith("image/") && type !== "application/octet-stream")
    throw new HttpError({
      kind: "unsupported_media_type",
      contentType: type,
      message: `Content-Type ${type} is not a picture; send the raw image bytes as image/png, image/jpeg, image/gif or application/octet-stream.`,
    });
  const bytes = await readBodyCapped(request, MAX_LIBRARY_IMAGE_BYTES, (size) => tooLarge(name, size));
  return { bytes, contentType: checkLibraryImage(name, bytes) };
}
