/** Namespace URIs the engine reads, and the prefixes a part binds them to (ECMA-376 Part 1, §8 and MS-DOCX for w14). */
export const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  wStrict: "http://purl.oclc.org/ooxml/wordprocessingml/main",
  w14: "http://schemas.microsoft.com/office/word/2010/wordml",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rStrict: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  dmcp: "http://docx-mcp.dev/id",
} as const;

/** The qualified-name prefixes (with colon, or "" for a default namespace) one part uses. */
export interface Prefixes {
  w: string;
  w14: string | null;
  r: string;
  dmcp: string | null;
}

/** Reads the prefixes from the root element's declarations; local redeclarations deeper in a part are not followed. */
export function prefixesFrom(attributes: { name: string; value: string }[]): Prefixes {
  const find = (...uris: string[]): string | null => {
    for (const a of attributes) {
      if (!uris.includes(a.value)) continue;
      if (a.name === "xmlns") return "";
      if (a.name.startsWith("xmlns:")) return a.name.slice(6) + ":";
    }
    return null;
  };
  return {
    w: find(NS.w, NS.wStrict) ?? "w:",
    w14: find(NS.w14),
    r: find(NS.r, NS.rStrict) ?? "r:",
    dmcp: find(NS.dmcp),
  };
}
