/** Builds small .docx files from compact XML snippets, so tests state exactly the markup they are about. */
import { strToU8, type Zippable, zipSync } from "fflate";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** Namespace declarations every fixture root carries; w14 lets paragraphs hold paraIds. */
export const ROOT_NS =
  `xmlns:w="${W_NS}" xmlns:r="${R_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"';

export interface DocxSpec {
  /** Inner XML of w:body. */
  body: string;
  /** Extra w:style elements; Normal, Heading1-3, Title and ListBullet are always there. */
  styles?: string;
  headers?: Partial<Record<"default" | "first" | "even", string>>;
  footers?: Partial<Record<"default" | "first" | "even", string>>;
  /** Inner XML of each footnote. */
  footnotes?: string[];
  /** Inner XML of each endnote. */
  endnotes?: string[];
  comments?: { author: string; body: string }[];
  /** External hyperlink targets by relationship id. */
  links?: Record<string, string>;
  /** Internal relationships of the main part by id, e.g. images: { rIdImg: ["image", "media/a.png"] }. */
  relationships?: Record<string, [type: string, target: string]>;
  /** Attributes of w:document instead of ROOT_NS. */
  rootAttributes?: string;
  /** Where the main part lives (found through _rels/.rels). */
  mainPart?: string;
  /** Parts added verbatim. */
  extraParts?: Record<string, string | Uint8Array>;
}

export const p = (text: string, style?: string, attrs = "") =>
  `<w:p${attrs}>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

const BASE_STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  [1, 2, 3]
    .map(
      (n) =>
        `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`,
    )
    .join("") +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/></w:style>' +
  '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>';

export function buildDocx(spec: DocxSpec): Uint8Array {
  const main = spec.mainPart ?? "word/document.xml";
  const dir = main.slice(0, main.lastIndexOf("/"));
  const file = main.slice(main.lastIndexOf("/") + 1);
  const rels: string[] = [`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`];
  const overrides: string[] = [
    `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`,
  ];
  const parts: Zippable = {};
  const put = (name: string, xml: string) => {
    parts[name] = strToU8(xml);
  };
  let refs = "";
  for (const kind of ["header", "footer"] as const) {
    const stories = (kind === "header" ? spec.headers : spec.footers) ?? {};
    for (const [type, inner] of Object.entries(stories)) {
      const id = `rId${kind}${type}`;
      put(
        `${dir}/${kind}-${type}.xml`,
        `${DECL}<w:${kind === "header" ? "hdr" : "ftr"} ${ROOT_NS}>${inner}</w:${kind === "header" ? "hdr" : "ftr"}>`,
      );
      rels.push(`<Relationship Id="${id}" Type="${REL}/${kind}" Target="${kind}-${type}.xml"/>`);
      refs += `<w:${kind}Reference w:type="${type}" r:id="${id}"/>`;
    }
  }
  if (spec.footnotes) {
    const notes = spec.footnotes.map((inner, i) => `<w:footnote w:id="${i + 1}">${inner}</w:footnote>`).join("");
    put(
      `${dir}/footnotes.xml`,
      `${DECL}<w:footnotes ${ROOT_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${notes}</w:footnotes>`,
    );
    rels.push(`<Relationship Id="rIdFootnotes" Type="${REL}/footnotes" Target="footnotes.xml"/>`);
  }
  if (spec.endnotes) {
    const notes = spec.endnotes.map((inner, i) => `<w:endnote w:id="${i + 1}">${inner}</w:endnote>`).join("");
    put(
      `${dir}/endnotes.xml`,
      `${DECL}<w:endnotes ${ROOT_NS}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>${notes}</w:endnotes>`,
    );
    rels.push(`<Relationship Id="rIdEndnotes" Type="${REL}/endnotes" Target="endnotes.xml"/>`);
  }
  if (spec.comments) {
    const comments = spec.comments
      .map((c, i) => `<w:comment w:id="${i}" w:author="${c.author}" w:initials="X">${c.body}</w:comment>`)
      .join("");
    put(`${dir}/comments.xml`, `${DECL}<w:comments ${ROOT_NS}>${comments}</w:comments>`);
    rels.push(`<Relationship Id="rIdComments" Type="${REL}/comments" Target="comments.xml"/>`);
  }
  for (const [id, [type, target]] of Object.entries(spec.relationships ?? {}))
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`);
  for (const [id, url] of Object.entries(spec.links ?? {}))
    rels.push(`<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${url}" TargetMode="External"/>`);
  const sectPr = `<w:sectPr>${refs}<w:pgSz w:w="12240" w:h="15840"/></w:sectPr>`;
  put(main, `${DECL}<w:document ${spec.rootAttributes ?? ROOT_NS}><w:body>${spec.body}${sectPr}</w:body></w:document>`);
  put(`${dir}/styles.xml`, `${DECL}<w:styles xmlns:w="${W_NS}">${BASE_STYLES}${spec.styles ?? ""}</w:styles>`);
  put(
    `${dir}/_rels/${file}.rels`,
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  put(
    "_rels/.rels",
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${main}"/></Relationships>`,
  );
  put(
    "[Content_Types].xml",
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  for (const [name, content] of Object.entries(spec.extraParts ?? {}))
    parts[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(parts);
}
