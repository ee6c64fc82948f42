/** Text operations: find and replace across runs, insert at an offset or next to a match. */
import { insertText } from "../insert-text.js";
import { replaceParagraphText } from "../replace-paragraph-text.js";
import { replaceText } from "../replace-text.js";
import { trackingOf } from "../tracking.js";
import { operationKind, quote } from "./operation.js";

export const replaceTextKind = operationKind({
  fields: ["path", "find", "replace", "max_count", "match_case", "any_quotes"],
  parse: (i) => ({
    path: i.optionalString("path") ?? "/body",
    find: i.string("find"),
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
  fields: ["path", "text", "offset", "after", "before", "match_case", "any_quotes"],
  parse: (i) => ({
    path: i.string("path"),
    text: i.string("text", { allowEmpty: true }),
    offset: i.optionalInteger("offset"),
    after: i.optionalString("after"),
    before: i.optionalString("before"),
    matchCase: i.optionalBoolean("match_case") ?? true,
    anyQuotes: i.optionalBoolean("any_quotes") ?? false,
  }),
  run: (doc, { path, ...options }) => insertText(doc, path, { ...options, revision: trackingOf(doc) }),
  describe: (i, r) => `insert ${quote(i.text)} into ${r.path} at ${r.offset}`,
  where: (i) => i.path,
});

export const replaceParagraphTextKind = operationKind({
  fields: ["path", "text"],
  parse: (i) => ({ path: i.string("path"), text: i.string("text", { allowEmpty: true }) }),
  run: (doc, i) => replaceParagraphText(doc, i.path, i.text),
  describe: (i, r) => `set the text of ${r.path} to ${quote(i.text)}`,
  where: (i) => i.path,
});
