/**
 * An account's display name becomes the author of tracked changes and comments inside documents, so it must be
 * text XML 1.0 can hold: no control characters (tab aside, which a name has no use for either), no U+FFFE/U+FFFF,
 * no unpaired surrogates.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const UNWRITABLE = /[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const UNWRITABLE_ALL = new RegExp(UNWRITABLE.source, "gu");

/** Why a name cannot be an account's display name, or null when it can. */
export function accountNameProblem(name: string): string | null {
  const at = name.search(UNWRITABLE);
  return at < 0 ? null : `The name has a control or non-character at position ${at + 1}; use letters, digits, spaces and punctuation.`;
}

/** The author written into documents for an account: its name without anything a document cannot hold. */
export function authorName(userName: string): string {
  return userName.replace(UNWRITABLE_ALL, "").trim() || "docx-edge";
}
