/**
 * STAND-IN until branch `text` lands its replace-text.ts (same signature): replaces `find` inside single w:t
 * elements of the paragraphs `path` selects (or the top-level paragraphs of a container it selects).
 */
import { DocxError } from "../errors.js";
import type { WordDocument } from "../model/index.js";
import { resolvePath } from "../paths/index.js";
import type { XmlElement } from "../xml/index.js";
import { editTarget } from "./edit-target.js";

export interface ReplaceTextOptions { find: string; replace: string; maxCount?: number; matchCase?: boolean }
export interface ReplaceTextResult { matchesFound: number; replacementsMade: number; paragraphs: { id: string; path: string }[] }

export function replaceText(doc: WordDocument, path: string, options: ReplaceTextOptions): ReplaceTextResult {
  const { find, replace, maxCount = 1 } = options;
  if (!find) throw new DocxError({ kind: "invalid_argument", field: "find", message: "find must not be empty: give the text to look for." });
  const nodes = resolvePath(doc, path).nodes;
  const paths = nodes.flatMap((n) => (n.kind === "paragraph" ? [n.path] : resolvePath(doc, `${n.path}/paragraph`).nodes.map((p) => p.path)));
  let found = 0, made = 0;
  const paragraphs: { id: string; path: string }[] = [];
  for (const p of paths) {
    const target = editTarget(doc, p, "paragraph");
    let changed = false;
    for (const t of texts(target.element, doc.prefixes.w)) {
      const node = t.children.find((c) => c.type === "text");
      if (!node || node.type !== "text") continue;
      const pieces = node.text.split(find);
      found += pieces.length - 1;
      let out = pieces[0];
      for (let i = 1; i < pieces.length; i++) {
        out += (made < maxCount ? (made++, (changed = true), replace) : find) + pieces[i];
      }
      node.text = out;
    }
    target.done();
    if (changed) paragraphs.push({ id: target.node.id ?? "", path: target.node.path });
  }
  return { matchesFound: found, replacementsMade: made, paragraphs };
}

function texts(el: XmlElement, w: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) if (c.type === "element") (c.name === w + "t" ? out.push(c) : texts(c, w, out));
  return out;
}
