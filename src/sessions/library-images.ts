import { imageFormatOf, MAX_IMAGE_BYTES } from "../docx/index";
import { SessionError } from "./errors";

/** Largest picture the library takes: the largest an image element value may carry. */
export const MAX_LIBRARY_IMAGE_BYTES = MAX_IMAGE_BYTES;

/** Picture files the library takes, by name extension, with the content type they are stored and listed with. */
const IMAGE_EXTENSIONS: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif" };

/** The content type a library name promises by its extension, when it names a picture; null for anything else. */
export function imageTypeForName(name: string): string | null {
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  return IMAGE_EXTENSIONS[extension] ?? null;
}

/**
 * Checks that a picture's bytes are what its name says (PNG, JPEG or GIF by magic bytes) and returns the content type.
 * A lying extension is refused: the file would be listed and served as a type it is not.
 */
export function checkLibraryImage(name: string, bytes: Uint8Array): string {
  const promised = imageTypeForName(name);
  const actual = imageFormatOf(bytes)?.mime ?? null;
  if (actual !== null && (promised === null || promised === actual)) return actual;
  const what =
    actual === null ? "its bytes are not a PNG, JPEG or GIF image" : `its bytes are ${actual}, not the ${promised} its name says`;
  throw new SessionError({
    kind: "invalid_image",
    name,
    message: `${name} cannot be used as a picture: ${what}. Upload the picture under a name ending in .png, .jpg, .jpeg or .gif that matches its format.`,
  });
}
