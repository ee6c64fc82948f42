/** w14:paraId values (MS-DOCX 2.6.2.3) are unique across the document's stories, as Word expects. */

export function checkParagraphIds(parts: ReadonlyMap<string, string>): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const [name, xml] of parts) {
    if (!name.startsWith("word/") || name.includes("_rels/")) continue;
    for (const m of xml.matchAll(/<w:p\b[^>]*?\sw14:paraId="([^"]*)"/g)) {
      const id = m[1].toUpperCase();
      const first = seen.get(id);
      if (first !== undefined) out.push(`w14:paraId ${m[1]} is used twice (${first} and ${name}).`);
      else seen.set(id, name);
    }
  }
  return out;
}
