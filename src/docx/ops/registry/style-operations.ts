/** Formatting operations: merge run, paragraph, and table/row/cell properties into what a path selects. */
import type { StyleOutcome } from "../style/apply-style.js";
import { LANGUAGE_SCRIPTS, LANGUAGE_TAG, setLanguage } from "../style/set-language.js";
import { styleParagraphs, styleRuns, styleTables } from "../style/style-ops.js";
import { operationKind, quote } from "./operation.js";
import { field, optional } from "./operation-fields.js";
import type { OperationInput } from "./operation-input.js";

type StyleInput = { path?: string; style: unknown };
type TableStyleInput = { path?: string; specs: { style?: unknown; cell_style?: unknown; row_style?: unknown } };

const STYLE_EXAMPLE = 'an object of properties to merge, e.g. {"bold": true}';
const summary = (noun: string) => (i: { path?: string }, r: { styled: number; changedCount: number; tracked: boolean }) =>
  `${r.styled} ${noun} styled, ${r.changedCount} changed${r.tracked ? " (tracked)" : ""}. ${i.path ? `Path: ${i.path}` : "Whole document."}`;

const TARGET = optional(field.path());

const styleObject = (input: OperationInput, key: string): unknown => input.raw(key, STYLE_EXAMPLE);

export const styleElement = operationKind<StyleInput, StyleOutcome>({
  fields: { path: TARGET, style: field.style("run") },
  parse: (i) => ({ path: i.optionalString("path"), style: styleObject(i, "style") }),
  run: (doc, i) => styleRuns(doc, i.style, { path: i.path }),
  describe: summary("run(s)"),
  where: (i) => i.path ?? "/body",
});

export const styleParagraph = operationKind<StyleInput, StyleOutcome>({
  fields: { path: TARGET, style: field.style("paragraph") },
  parse: (i) => ({ path: i.optionalString("path"), style: styleObject(i, "style") }),
  run: (doc, i) => styleParagraphs(doc, i.style, { path: i.path }),
  describe: summary("paragraph(s)"),
  where: (i) => i.path ?? "/body",
});

export const styleTable = operationKind<TableStyleInput, StyleOutcome>({
  fields: {
    path: TARGET,
    style: optional(field.style("table")),
    cell_style: optional(field.style("cell")),
    row_style: optional(field.style("row")),
  },
  parse: (i) => {
    const specs: { style?: unknown; cell_style?: unknown; row_style?: unknown } = {};
    for (const key of ["style", "cell_style", "row_style"] as const) if (i.has(key)) specs[key] = styleObject(i, key);
    return { path: i.optionalString("path"), specs };
  },
  run: (doc, i) => styleTables(doc, i.specs, { path: i.path }),
  describe: summary("table part(s)"),
  where: (i) => i.path ?? "/body",
});

export const setLanguageKind = operationKind({
  fields: {
    path: TARGET,
    language: { ...field.matching(LANGUAGE_TAG, 35), note: 'A language tag, e.g. "en-US", "fr-FR".' },
    script: optional(field.oneOf(LANGUAGE_SCRIPTS), "Which text it is for (default latin)."),
  },
  parse: (i) => {
    const language = i.string("language");
    if (!LANGUAGE_TAG.test(language))
      throw i.invalid("language", `must be a language tag like "en-US", "fr-FR" or "zh-Hans-CN", got ${quote(language)}.`);
    return { path: i.optionalString("path"), language, script: i.oneOf("script", LANGUAGE_SCRIPTS) };
  },
  run: (doc, { language, ...options }) => setLanguage(doc, language, options),
  describe: (i, r) => `language ${i.language}${i.script ? ` (${i.script})` : ""}: ${summary("run(s)")(i, r)}`,
  where: (i) => i.path ?? "/body",
});
