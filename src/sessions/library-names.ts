import { SessionError } from "./errors";

/** Longest library file name we accept, in UTF-16 code units (R2 keys allow 1,024 bytes; tenant prefix needs room). */
export const MAX_LIBRARY_NAME_LENGTH = 255;

/**
 * Checks a library file name and returns it unchanged, or throws `invalid_name`.
 * Names are flat ("report.docx", "Q3/report.docx" is allowed as a folder-like name) but never escape the tenant prefix.
 */
export function validateLibraryName(name: string): string {
  const fail = (why: string): never => {
    throw new SessionError({ kind: "invalid_name", name, message: `Invalid file name ${JSON.stringify(name)}: ${why}` });
  };
  if (typeof name !== "string" || name.length === 0) fail("the name is empty");
  if (name.length > MAX_LIBRARY_NAME_LENGTH) fail(`it is ${name.length} characters long; the limit is ${MAX_LIBRARY_NAME_LENGTH}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) fail("it contains control characters");
  // Bidirectional overrides and isolates make a name display as another ("cod\u202Excod.docx" shows as "codxdoc.docx").
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) fail("it contains bidirectional control characters");
  if (name.includes("\\")) fail("backslashes are not allowed; use / to group files");
  if (name.startsWith("/") || name.endsWith("/")) fail("it must not start or end with /");
  for (const segment of name.split("/")) {
    if (segment === "") fail("it contains an empty path segment (//)");
    if (segment === "." || segment === "..") fail("'.' and '..' segments are not allowed");
    if (segment !== segment.trim()) fail("path segments must not start or end with spaces");
  }
  return name;
}
