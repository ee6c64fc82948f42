/**
 * The language of text (§17.3.2.20 w:lang): what Word's spelling and grammar check, hyphenation and font choice use.
 * Merged into the runs a path selects, one script slot at a time, so the other two slots stay as they were.
 */
import type { WordDocument } from "../../model/index.js";
import { applyStyle, type StyleOutcome } from "./apply-style.js";
import type { PropertyEdit } from "./property-edits.js";
import { elementsWithin } from "./style-targets.js";

/** A BCP 47 language tag as Word writes it (ST_Lang, §17.18.51), e.g. "en-US", "fr-FR", "zh-Hans-CN". */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Which of w:lang's slots a tag goes in: Latin text (w:val), East Asian (w:eastAsia), complex scripts (w:bidi). */
export const LANGUAGE_SCRIPTS = ["latin", "east_asian", "complex"] as const;
export type LanguageScript = (typeof LANGUAGE_SCRIPTS)[number];

const SLOT: Record<LanguageScript, string> = { latin: "val", east_asian: "eastAsia", complex: "bidi" };

/** Sets the language of every run inside the selected elements (the whole body without a path); tracked when tracking. */
export function setLanguage(doc: WordDocument, language: string, options: { path?: string; script?: LanguageScript } = {}): StyleOutcome {
  const edits: PropertyEdit[] = [{ child: "lang", merge: { [SLOT[options.script ?? "latin"]]: language } }];
  const w = doc.prefixes.w;
  return applyStyle(doc, options.path, (_node, el) => elementsWithin(el, w + "r", w).map((host) => ({ host, props: "rPr", edits })), {
    noun: "runs",
  });
}
