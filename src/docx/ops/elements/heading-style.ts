/** The paragraph style a heading of level N uses: the document's own heading style for that level. */
import type { BuildContext } from "./build-context.js";

/**
 * Prefers style id HeadingN, then any paragraph style whose name or outline level makes it a level-N heading.
 * TODO(parts API): create HeadingN in styles.xml when the document has none; until then HeadingN is named anyway.
 */
export function headingStyleId(ctx: BuildContext, level: number): string {
  const styles = ctx.doc.styles;
  const direct = styles.get(`Heading${level}`);
  if (direct && direct.type === "paragraph") return direct.styleId;
  const found = styles.all().find((s) => s.type === "paragraph" && styles.headingLevel(s.styleId) === level);
  if (found) return found.styleId;
  return `Heading${level}`;
}
