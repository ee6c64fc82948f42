/**
 * Revisions as revision_list shows them: a tracked move (§17.13.5.21-28) is one entry of type "move" whose `path` is
 * where the content came from and `to_path` where it went, however many w:moveFrom / w:moveTo elements (runs,
 * paragraph marks) record it; everything else is listed as found.
 */
import type { WordDocument } from "../../model/index.js";
import { listRevisions, type Revision } from "./list-revisions.js";

export function revisionEntries(revisions: Revision[]): Revision[] {
  const parts = new Map<string, Revision[]>();
  for (const r of revisions) if (r.move !== undefined) parts.set(r.move, [...(parts.get(r.move) ?? []), r]);
  const out: Revision[] = [];
  for (const r of revisions) {
    if (r.move === undefined) out.push(r);
    else if (parts.get(r.move)![0] === r) out.push(moveEntry(parts.get(r.move)!));
  }
  return out;
}

function moveEntry(parts: Revision[]): Revision {
  const from = parts.find((r) => r.type === "move_from") ?? parts[0];
  const to = parts.find((r) => r.type === "move_to");
  const text = parts.reduce((t, r) => (r.text.length > t.length ? r.text : t), "");
  const entry: Revision = { ...from, type: "move", text };
  if (to) Object.assign(entry, { to_path: to.path, to_element_id: to.element_id });
  return entry;
}

/** The document's revisions as revision_list shows them. */
export function revisionList(doc: WordDocument): Revision[] {
  return revisionEntries(listRevisions(doc).revisions);
}
