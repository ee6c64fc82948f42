/** Tracked-change operations (§17.13.5): accept or reject one revision or all (of one author), turn tracking on or off. */
import { applyRevisions, type Revision, type RevisionAction, setTrackRevisions } from "../revisions/index.js";
import { operationKind } from "./operation.js";
import { field, noted, optional } from "./operation-fields.js";

/** How many resolved revisions a result spells out; the count is always complete. */
const LISTED = 50;

/** A resolved revision as a result lists it. */
export type ResolvedRevision = Pick<Revision, "id" | "handle" | "type" | "author" | "path" | "to_path" | "text">;

/** How many revisions were accepted or rejected (a move counts once), and the first 50 of them. */
export type RevisionsResolved = ({ accepted: number } | { rejected: number }) & { revisions: ResolvedRevision[] };

const brief = ({ id, handle, type, author, path, to_path, text }: Revision): ResolvedRevision => ({
  id,
  ...(handle ? { handle } : {}),
  type,
  author,
  path,
  ...(to_path ? { to_path } : {}),
  text,
});

function resolved(action: RevisionAction, revisions: Revision[]): RevisionsResolved {
  const listed = revisions.slice(0, LISTED).map(brief);
  return action === "accept" ? { accepted: revisions.length, revisions: listed } : { rejected: revisions.length, revisions: listed };
}

const countOf = (r: RevisionsResolved) => ("accepted" in r ? r.accepted : r.rejected);

const one = (action: RevisionAction) =>
  operationKind({
    fields: { revision_id: noted(field.revisionId(), "Id or handle from revision_list.") },
    parse: (i) => {
      const v = i.fields.revision_id;
      if (typeof v === "number" && Number.isInteger(v)) return { id: v as number | string };
      return { id: i.string("revision_id") as number | string };
    },
    run: (doc, i) => resolved(action, applyRevisions(doc, action, { id: i.id }).revisions),
    describe: (i, r) => `${action} revision ${i.id}${countOf(r) > 1 ? ` (${countOf(r)} revisions)` : ""}`,
    where: (i) => `revision ${i.id}`,
  });

const all = (action: RevisionAction) =>
  operationKind({
    fields: { author: optional(field.string(200), "Only this author's.") },
    parse: (i) => ({ author: i.optionalString("author") }),
    run: (doc, i) => resolved(action, applyRevisions(doc, action, { author: i.author }).revisions),
    describe: (i, r) => `${action} ${countOf(r)} revision(s)${i.author ? ` by ${i.author}` : ""}`,
    where: (i) => (i.author ? `revisions by ${i.author}` : "every revision"),
  });

export const revisionAccept = one("accept");
export const revisionReject = one("reject");
export const revisionAcceptAll = all("accept");
export const revisionRejectAll = all("reject");

export const trackChanges = operationKind({
  fields: { enabled: field.boolean() },
  parse: (i) => ({ enabled: i.boolean("enabled") }),
  run: (doc, i) => ({ trackChangesEnabled: i.enabled, wasEnabled: setTrackRevisions(doc, i.enabled).was }),
  describe: (i) => `track changes ${i.enabled ? "on" : "off"}`,
  where: () => "/settings",
});
