/**
 * Whether a page setup leaves room for text: a page whose margins (or header and footer distances) add up to more
 * than its size lays out one line per page or none at all (a 5 x 3 cm page with 2.54 cm margins renders as hundreds of
 * pages), so such a setup is refused with the numbers that do not fit.
 */
import { DocxError } from "../../errors.js";
import { twipsToCm } from "./length-units.js";

/** The smallest page side accepted: 1 cm in twips (Word's own minimum is 0.1 in, which no printer takes). */
const MIN_PAGE_SIDE = 567;
/** The least text width or height a page must keep: 0.5 cm in twips, about one line of 12-point text. */
const MIN_TEXT_SPACE = 284;

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
  gutter: number;
}

const cm = (twips: number) => `${twipsToCm(twips)} cm`;

export function checkPageGeometry(section: number, g: PageGeometry): void {
  const refuse = (field: string, message: string) =>
    new DocxError({ kind: "invalid_argument", field, message: `Section ${section}: ${message} Nothing was changed.` });
  for (const [side, value] of [
    ["width", g.width],
    ["height", g.height],
  ] as const) {
    if (value < MIN_PAGE_SIDE)
      throw refuse(
        side,
        `the page would be ${cm(value)} (${value} twips) ${side === "width" ? "wide" : "high"}; the least is ${cm(MIN_PAGE_SIDE)}.`,
      );
  }
  // Negative top/bottom margins mean "exactly this, even if the header is taller" (§17.6.11); their size still counts.
  const vertical = Math.abs(g.top) + Math.abs(g.bottom);
  if (g.height - vertical < MIN_TEXT_SPACE)
    throw refuse(
      "margins",
      `the page is ${cm(g.height)} high but its top and bottom margins take ${cm(Math.abs(g.top))} + ${cm(Math.abs(g.bottom))}, leaving ${cm(g.height - vertical)} for text; at least ${cm(MIN_TEXT_SPACE)} is needed. Make the page higher or the margins smaller.`,
    );
  if (g.height - g.header - g.footer < MIN_TEXT_SPACE)
    throw refuse(
      "margins",
      `the page is ${cm(g.height)} high but the header and footer distances take ${cm(g.header)} + ${cm(g.footer)}, leaving ${cm(g.height - g.header - g.footer)}; at least ${cm(MIN_TEXT_SPACE)} is needed.`,
    );
  const horizontal = g.left + g.right + g.gutter;
  if (g.width - horizontal < MIN_TEXT_SPACE)
    throw refuse(
      "margins",
      `the page is ${cm(g.width)} wide but its left and right margins${g.gutter ? " and gutter" : ""} take ${cm(horizontal)}, leaving ${cm(g.width - horizontal)} for text; at least ${cm(MIN_TEXT_SPACE)} is needed. Make the page wider or the margins smaller.`,
    );
}
