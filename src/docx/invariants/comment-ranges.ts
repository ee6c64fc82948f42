/** Comment anchors (§17.13.4) are paired: each range start has its end, each reference names a comment that exists. */

export function checkCommentRanges(parts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const comments = new Set<string>();
  for (const [name, xml] of parts)
    if (/^word\/comments\d*\.xml$/.test(name)) for (const m of xml.matchAll(/<w:comment\b[^>]*?\sw:id="([^"]*)"/g)) comments.add(m[1]);
  for (const [name, xml] of parts) {
    if (!name.startsWith("word/") || name.includes("_rels/") || !xml.includes("<w:comment")) continue;
    const ids = (tag: string) => new Set([...xml.matchAll(new RegExp(`<w:${tag}\\b[^>]*?\\sw:id="([^"]*)"`, "g"))].map((m) => m[1]));
    const starts = ids("commentRangeStart");
    const ends = ids("commentRangeEnd");
    for (const id of starts) if (!ends.has(id)) out.push(`${name}: comment range ${id} starts but never ends.`);
    for (const id of ends) if (!starts.has(id)) out.push(`${name}: comment range ${id} ends but never starts.`);
    for (const id of ids("commentReference"))
      if (!comments.has(id)) out.push(`${name}: a reference to comment ${id}, which the comments part does not hold.`);
  }
  return out;
}
