/** What renderers share for one query: the document, and relationship lookups cached per part. */

import { ListNumbering, type WordDocument } from "../model/index.js";
import type { Relationship } from "../package/index.js";

export class RenderContext {
  private readonly rels = new Map<string, Map<string, Relationship>>();
  private lists: ListNumbering | null = null;
  constructor(readonly doc: WordDocument) {}

  /** numbering.xml's definitions, read on first use. */
  get numbering(): ListNumbering {
    this.lists ??= new ListNumbering(this.doc);
    return this.lists;
  }

  get w(): string {
    return this.doc.prefixes.w;
  }

  relationship(part: string | undefined, id: string | undefined): Relationship | undefined {
    if (!part || !id) return undefined;
    let map = this.rels.get(part);
    if (!map) {
      map = new Map(this.doc.pkg.relationships(part).map((r) => [r.id, r]));
      this.rels.set(part, map);
    }
    return map.get(id);
  }
}
