/** Text operations: find and replace across runs, insert at an offset or next to a match. */
import { insertText } from "../insert-text.js";
import { replaceParagraphText } from "../replace-paragraph-text.js";
import { replaceText } from "../replace-text.js";
import { trackingOf } from "../tracking.js";
import { operationKind, quote } from "./operation.js";
import { field, noted, optional } from "./operation-fields.js";

const BREAKS = "\\t and \\n become a tab and a line break.";
const matching = {
  match_case: optional(field.boolean(), "Default true."),
  any_quotes: optional(field.boolean(), "Straight quotes match typographic ones."),
};

export const replaceTextKind = operationKind({
  fields: {
    path: optional(field.path(), "Scope (default /body)."),
    find: field.string(10_000),
    replace: noted(field.string(100_000, 0), `Empty deletes; ${BREAKS}`),
    max_count: optional(field.integer(0, 1_000_000), "Most replacements (default 1; 0 only counts)."),
    ...matching,
  },
  parse: (i) => ({
    path: i.optionalString("path") ?? "/body",
    find: i.string("find", { blank: true }),
    replace: i.string("replace", { allowEmpty: true }),
    maxCount: i.optionalInteger("max_count") ?? 1,
    matchCase: i.optionalBoolean("match_case") ?? true,
    anyQuotes: i.optionalBoolean("any_quotes") ?? false,
  }),
  run: (doc, { path, ...options }) => replaceText(doc, path, { ...options, revision: trackingOf(doc) }),
  describe: (i, r) => `replace ${quote(i.find)} with ${quote(i.replace)} in ${i.path}: ${r.replacementsMade} of ${r.matchesFound}`,
  where: (i) => i.path,
});

export const insertTextKind = operationKind({
  fields: {
    path: field.path(),
    text: noted(field.string(100_000), BREAKS),
    offset: optional(field.integer(), "Character offset in the paragraph's text."),
    after: optional(field.string(10_000)),
    before: optional(field.string(10_000)),
    ...matching,
  },
  parse: (i) => ({
    path: i.string("path"),
    text: i.string("text", { allowEmpty: true }),
    offset: i.optionalInteger("offset"),
    after: i.optionalString("after", { blank: true }),
    before: i.optionalString("before", { blank: true }),
    matchCase: i.optionalBoolean("match_case") ?? true,
    anyQuotes: i.optionalBoolean("any_quotes") ?? false,
  }),
  run: (doc, { path, ...options }) => insertText(doc, path, { ...options, revision: trackingOf(doc) }),
  describe: (i, r) => `insert ${quote(i.text)} into ${r.path} at ${r.offset}`,
  where: (i) => i.path,
});

export const replaceParagraphTextKind = operationKind({
  fields: { path: field.path(), text: field.string(100_000, 0) },
  parse: (i) => ({ path: i.string("path"), text: i.string("text", { allowEmpty: true }) }),
  run: (doc, i) => replaceParagraphText(doc, i.path, i.text),
  describe: (i, r) => `set the text of ${r.path} to ${quote(i.text)}`,
  where: (i) => i.path,
});
