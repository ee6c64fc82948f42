/** The content types part (ECMA-376 Part 2, §10.1.2): Override by part name wins over Default by extension. */
import { childElements, getAttribute, localName, type XmlDocument } from "../xml/index.js";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export class ContentTypes {
  private readonly defaults = new Map<string, string>();
  private readonly overrides = new Map<string, string>();

  constructor(doc: XmlDocument) {
    for (const el of childElements(doc.root)) {
      const type = getAttribute(el, "ContentType");
      if (!type) continue;
      if (localName(el.name) === "Default") this.defaults.set((getAttribute(el, "Extension") ?? "").toLowerCase(), type);
      else if (localName(el.name) === "Override") this.overrides.set((getAttribute(el, "PartName") ?? "").toLowerCase(), type);
    }
  }

  /** Content type of a part given by its zip entry name, or null if the package does not say. */
  of(partName: string): string | null {
    const name = "/" + partName.replace(/^\//, "").toLowerCase();
    const override = this.overrides.get(name);
    if (override) return override;
    const dot = name.lastIndexOf(".");
    return dot >= 0 ? (this.defaults.get(name.slice(dot + 1)) ?? null) : null;
  }
}
