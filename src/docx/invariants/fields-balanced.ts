/** Complex fields (§17.16.2) are balanced in each story part: every begin has at most one separate and exactly one end, in that order. */

export function checkFieldsBalanced(parts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [name, xml] of parts) {
    if (!name.startsWith("word/") || name.includes("_rels/") || !xml.includes("fldChar")) continue;
    // Each open field remembers whether it has passed its separator.
    const open: boolean[] = [];
    // Positions are counted in fldChar elements, not bytes, so a text edit elsewhere does not change the message.
    let nth = 0;
    for (const m of xml.matchAll(/<w:fldChar\b[^>]*?\sw:fldCharType="([a-z]+)"/g)) {
      nth++;
      const type = m[1];
      if (type === "begin") open.push(false);
      else if (type === "separate") {
        if (open.length === 0 || open[open.length - 1]) {
          out.push(`${name}: field character ${nth} (a separator) has no field open before it.`);
          break;
        }
        open[open.length - 1] = true;
      } else if (type === "end") {
        if (open.pop() === undefined) {
          out.push(`${name}: field character ${nth} (an end) has no field begin before it.`);
          break;
        }
      }
    }
    if (open.length > 0 && out.length === 0) out.push(`${name}: ${open.length} field(s) begin but never end.`);
  }
  return out;
}
