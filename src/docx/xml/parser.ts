/** A strict, non-validating XML 1.0 parser into the lossless tree. DOCTYPE is refused outright, so no entity can be declared (XXE, billion laughs). */
import { DocxError } from "../errors.js";
import type { XmlDocument, XmlElement, XmlNode } from "./tree.js";

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export interface ParseOptions {
  maxDepth?: number;
}

function malformed(offset: number, message: string): DocxError {
  return new DocxError({ kind: "xml_malformed", offset, message: `Malformed XML at offset ${offset}: ${message}` });
}

/** Decodes the five predefined entities and numeric references; any other entity is an error since none can be declared. */
export function decodeEntities(raw: string, at: number): string {
  if (raw.indexOf("&") < 0) return raw;
  let out = "";
  let i = 0;
  for (;;) {
    const amp = raw.indexOf("&", i);
    if (amp < 0) return out + raw.slice(i);
    out += raw.slice(i, amp);
    const semi = raw.indexOf(";", amp);
    if (semi < 0 || semi - amp > 12) throw malformed(at + amp, "an '&' is not the start of a reference; write it as &amp;");
    const name = raw.slice(amp + 1, semi);
    if (name.charCodeAt(0) === 35 /* # */) {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code < 1 || code > 0x10ffff) throw malformed(at + amp, `invalid character reference &${name};`);
      out += String.fromCodePoint(code);
    } else {
      const ch = PREDEFINED[name];
      if (ch === undefined) {
        throw new DocxError({
          kind: "xml_forbidden",
          message: `The XML uses the undeclared entity &${name}; entity declarations are not accepted.`,
        });
      }
      out += ch;
    }
    i = semi + 1;
  }
}

/** From this many attributes on one element, duplicates are found with a Set instead of a scan. */
const MANY_ATTRIBUTES = 16;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62 || c === 61;
}

/** Parses a whole part. `maxDepth` bounds element nesting so pathological input fails fast instead of exhausting the stack. */
export function parseXml(xml: string, options: ParseOptions = {}): XmlDocument {
  const nodes = parseNodes(xml, options, true);
  let declaration = "";
  let start = 0;
  if (nodes.length > 0 && nodes[0].type === "pi" && nodes[0].target === "xml") {
    const pi = nodes[0];
    declaration = `<?xml${pi.data ? " " + pi.data : ""}?>`;
    start = 1;
  }
  const rootIndex = nodes.findIndex((n) => n.type === "element");
  if (rootIndex < 0) throw malformed(xml.length, "the part has no root element");
  for (let i = rootIndex + 1; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.type === "element") throw malformed(0, "the part has more than one root element");
    if (n.type === "text" && n.text.trim() !== "") throw malformed(0, "text after the root element");
  }
  return { declaration, prolog: nodes.slice(start, rootIndex), root: nodes[rootIndex] as XmlElement, epilog: nodes.slice(rootIndex + 1) };
}

/** Parses a fragment (e.g. one body block) into its top-level nodes. */
export function parseFragment(xml: string, options: ParseOptions = {}): XmlNode[] {
  return parseNodes(xml, options, false);
}

function parseNodes(xml: string, options: ParseOptions, wholeDocument: boolean): XmlNode[] {
  const maxDepth = options.maxDepth ?? 512;
  const top: XmlNode[] = [];
  const stack: XmlElement[] = [];
  let children = top;
  let i = 0;
  const n = xml.length;
  const pushText = (raw: string, at: number) => {
    if (raw.length === 0) return;
    if (wholeDocument && stack.length === 0 && raw.trim() !== "") throw malformed(at, "text outside the root element");
    // Line ends are normalised before references are decoded, so &#13; survives as a carriage return (XML 1.0 §2.11).
    const text = decodeEntities(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"), at);
    const last = children[children.length - 1];
    if (last && last.type === "text") last.text += text;
    else children.push({ type: "text", text });
  };
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      pushText(xml.slice(i), i);
      break;
    }
    if (lt > i) pushText(xml.slice(i, lt), i);
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) throw malformed(lt, "unterminated end tag");
      const name = xml.slice(lt + 2, gt).trimEnd();
      const open = stack.pop();
      if (!open) throw malformed(lt, `end tag </${name}> has no matching start tag`);
      if (open.name !== name) throw malformed(lt, `end tag </${name}> does not match <${open.name}>`);
      children = stack.length ? stack[stack.length - 1].children : top;
      i = gt + 1;
    } else if (c1 === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw malformed(lt, "unterminated comment");
        children.push({ type: "comment", text: xml.slice(lt + 4, end) });
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw malformed(lt, "unterminated CDATA section");
        children.push({ type: "cdata", text: xml.slice(lt + 9, end).replace(/\r\n?/g, "\n") });
        i = end + 3;
      } else if (xml.startsWith("<!DOCTYPE", lt) || xml.startsWith("<!ENTITY", lt)) {
        throw new DocxError({
          kind: "xml_forbidden",
          message: "The XML contains a DOCTYPE or entity declaration; these are refused to prevent XXE and entity-expansion attacks.",
        });
      } else {
        throw malformed(lt, "unknown markup declaration");
      }
    } else if (c1 === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw malformed(lt, "unterminated processing instruction");
      const body = xml.slice(lt + 2, end);
      const m = /^([^\s]+)\s*([\s\S]*)$/.exec(body);
      if (!m) throw malformed(lt, "processing instruction without a target");
      children.push({ type: "pi", target: m[1], data: m[2] });
      i = end + 2;
    } else {
      // Start tag: name, attributes, then '>' or '/>'.
      let p = lt + 1;
      while (p < n && !isNameEnd(xml.charCodeAt(p))) p++;
      const name = xml.slice(lt + 1, p);
      if (name.length === 0) throw malformed(lt, "a '<' is not the start of a tag; write it as &lt;");
      const el: XmlElement = { type: "element", name, attributes: [], children: [], selfClosing: false };
      // Names seen so far, once an element has many attributes: a scan of the list per attribute is quadratic, and a
      // hostile part can give one element hundreds of thousands (50,000 took 5.6 s).
      let attributeNames: Set<string> | null = null;
      for (;;) {
        while (p < n) {
          const c = xml.charCodeAt(p);
          if (c === 32 || c === 9 || c === 10 || c === 13) p++;
          else break;
        }
        if (p >= n) throw malformed(lt, `unterminated start tag <${name}>`);
        const c = xml.charCodeAt(p);
        if (c === 62 /* > */) {
          p++;
          break;
        }
        if (c === 47 /* / */) {
          if (xml.charCodeAt(p + 1) !== 62) throw malformed(p, `expected '/>' in <${name}>`);
          el.selfClosing = true;
          p += 2;
          break;
        }
        const eq = xml.indexOf("=", p);
        if (eq < 0) throw malformed(p, `attribute without a value in <${name}>`);
        const attrName = xml.slice(p, eq).trim();
        if (attrName.length === 0 || /[\s<>"']/.test(attrName)) throw malformed(p, `bad attribute in <${name}>`);
        let q = eq + 1;
        while (q < n && /\s/.test(xml[q])) q++;
        const quote = xml[q];
        if (quote !== '"' && quote !== "'") throw malformed(q, `attribute ${attrName} of <${name}> is not quoted`);
        const close = xml.indexOf(quote, q + 1);
        if (close < 0) throw malformed(q, `unterminated attribute ${attrName} of <${name}>`);
        const raw = xml.slice(q + 1, close);
        if (raw.indexOf("<") >= 0) throw malformed(q, `'<' inside attribute ${attrName} of <${name}>`);
        // Attribute-value normalisation: literal whitespace characters become spaces, references keep theirs.
        const normalised = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
        if (el.attributes.length >= MANY_ATTRIBUTES) {
          attributeNames ??= new Set(el.attributes.map((a) => a.name));
          if (attributeNames.has(attrName)) throw malformed(p, `duplicate attribute ${attrName} in <${name}>`);
          attributeNames.add(attrName);
        } else for (const a of el.attributes) if (a.name === attrName) throw malformed(p, `duplicate attribute ${attrName} in <${name}>`);
        el.attributes.push({ name: attrName, value: decodeEntities(normalised, q + 1) });
        p = close + 1;
      }
      children.push(el);
      if (!el.selfClosing) {
        if (stack.length >= maxDepth) {
          throw new DocxError({
            kind: "xml_too_deep",
            limit: maxDepth,
            message: `The XML nests elements more than ${maxDepth} deep; refusing it.`,
          });
        }
        stack.push(el);
        children = el.children;
      }
      i = p;
    }
  }
  if (stack.length > 0) throw malformed(n, `the XML ends inside <${stack[stack.length - 1].name}>`);
  return top;
}
