/** The text a comment is anchored to: what lies between w:commentRangeStart and w:commentRangeEnd with its id (§17.13.4.4). */
import type { XmlElement } from "../xml/index.js";
import type { WordDocument } from "./word-document.js";

const MAX_BLOCKS = 200;
const MAX_CHARS = 2000;

export interface CommentAnchor {
  /** Path of the body block where the range starts. */
  path: string;
  text: string;
}

/** Finds the anchor in the body; the scan recorded which blocks start comment ranges, so only those are parsed. */
export function commentAnchor(doc: WordDocument, commentId: string): CommentAnchor | null {
  const blocks = doc.body.blocks;
  const first = blocks.findIndex((b) => b.facts.commentStarts?.includes(commentId));
  if (first < 0) return null;
  const w = doc.prefixes.w;
  const out: string[] = [];
  // An object, not a local, because the walk below changes it from inside a closure.
  const at: { state: "before" | "inside" | "done" } = { state: "before" };
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (at.state === "done") return;
      if (c.type !== "element") continue;
      if (c.name === w + "commentRangeStart" && idOf(c, w) === commentId) at.state = "inside";
      else if (c.name === w + "commentRangeEnd" && idOf(c, w) === commentId) at.state = "done";
      else if (at.state === "inside" && c.name === w + "t")
        out.push(c.children.map((t) => (t.type === "text" || t.type === "cdata" ? t.text : "")).join(""));
      else if (at.state === "inside" && el.name === w + "r" && c.name === w + "tab") out.push("\t");
      else if (c.name === w + "del" || c.name === w + "txbxContent" || c.name === w + "pPr" || c.name === w + "rPr") continue;
      else {
        walk(c);
        if (c.name === w + "p" && at.state === "inside") out.push("\n");
      }
    }
  };
  for (let i = first; i < blocks.length && i < first + MAX_BLOCKS && at.state !== "done"; i++) {
    const el = doc.body.element(i);
    if (el.name === w + "p") {
      walk({ type: "element", name: "", attributes: [], children: [el], selfClosing: false });
    } else walk(el);
  }
  const text = out.join("").replace(/\n+$/, "");
  return { path: bodyBlockPath(doc, first), text: text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) + "…" : text };
}

function idOf(el: XmlElement, w: string): string | undefined {
  for (const a of el.attributes) if (a.name === w + "id") return a.value;
  return undefined;
}

/** The canonical path of body block `index`, counting blocks of its kind before it. */
export function bodyBlockPath(doc: WordDocument, index: number): string {
  const blocks = doc.body.blocks;
  const kind = blocks[index].facts.kind;
  if (kind !== "paragraph" && kind !== "table" && kind !== "sdt") return `/body/children/${index}`;
  let ordinal = 0;
  for (let i = 0; i < index; i++) if (blocks[i].facts.kind === kind) ordinal++;
  return `/body/${kind}[${ordinal}]`;
}
