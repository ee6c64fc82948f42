/** Every internal relationship (OPC §9.3) points at a part the package holds, and every .rels part describes an existing part. */
import { parseRelationships } from "../package/index.js";
import { parseXml } from "../xml/index.js";

export function checkRelationshipTargets(parts: ReadonlyMap<string, string>, names: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [name, xml] of parts) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    if (!m) continue;
    const source = m[1] + m[2];
    if (m[2] !== "" && source !== "" && !names.has(source)) out.push(`${name} describes ${source}, which the package does not hold.`);
    let rels: ReturnType<typeof parseRelationships>;
    try {
      rels = parseRelationships(source, parseXml(xml));
    } catch {
      continue; // checkWellFormed reports it
    }
    const ids = new Set<string>();
    for (const rel of rels) {
      if (ids.has(rel.id)) out.push(`${name}: relationship id ${rel.id} is used twice.`);
      ids.add(rel.id);
      if (rel.partName !== null && !names.has(rel.partName))
        out.push(`${name}: ${rel.id} (${rel.type.split("/").pop()}) targets ${rel.target}, which the package does not hold.`);
    }
  }
  return out;
}
