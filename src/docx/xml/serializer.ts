/** Writes the lossless tree back as XML with the same names, prefixes and declarations; escapes only what must be escaped. */
import { DocxError } from "../errors.js";
import type { XmlDocument, XmlNode } from "./tree.js";
import { describeChar, firstIllegalXmlChar } from "./xml-chars.js";

/** The last line of defence: whatever path put it there, a character XML cannot hold is never written. */
function refuseIllegal(s: string, where: string): void {
  const at = firstIllegalXmlChar(s);
  if (at < 0) return;
  throw new DocxError({
    kind: "xml_illegal_character",
    position: at,
    message: `Refusing to write ${describeChar(s, at)} at position ${at} of ${where} "${s.slice(Math.max(0, at - 20), at)}…": XML 1.0 does not allow it, and Word would refuse the file.`,
  });
}

export function escapeText(s: string): string {
  refuseIllegal(s, "a text");
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

export function escapeAttribute(s: string): string {
  refuseIllegal(s, "an attribute value");
  if (!/[&<"\t\n\r]/.test(s)) return s;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

export function serializeNodes(nodes: XmlNode[], out: string[] = []): string[] {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push(escapeText(node.text));
        break;
      case "cdata":
        refuseIllegal(node.text, "a CDATA section");
        out.push(`<![CDATA[${node.text}]]>`);
        break;
      case "comment":
        refuseIllegal(node.text, "an XML comment");
        out.push(`<!--${node.text}-->`);
        break;
      case "pi":
        out.push(node.data ? `<?${node.target} ${node.data}?>` : `<?${node.target}?>`);
        break;
      case "element": {
        let tag = "<" + node.name;
        for (const a of node.attributes) tag += ` ${a.name}="${escapeAttribute(a.value)}"`;
        if (node.children.length === 0 && node.selfClosing) {
          out.push(tag + "/>");
        } else {
          out.push(tag + ">");
          serializeNodes(node.children, out);
          out.push(`</${node.name}>`);
        }
        break;
      }
    }
  }
  return out;
}

export function serializeNode(node: XmlNode): string {
  return serializeNodes([node]).join("");
}

export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [];
  if (doc.declaration) out.push(doc.declaration);
  serializeNodes(doc.prolog, out);
  serializeNodes([doc.root], out);
  serializeNodes(doc.epilog, out);
  return out.join("");
}
