/** The XML layer's front door: lossless tree, parser, serializer, part encodings, canonical comparison. */

export { canonicalDifference } from "./canonical.js";
export { CHILD_ORDER, insertInOrder } from "./child-order.js";
export type { PartEncoding } from "./encoding.js";
export { decodePart, detectEncoding, encodePart } from "./encoding.js";
export type { ParseOptions } from "./parser.js";
export { decodeEntities, parseFragment, parseXml } from "./parser.js";
export { escapeAttribute, escapeText, serializeNode, serializeNodes, serializeXml } from "./serializer.js";
export type { XmlAttribute, XmlCData, XmlComment, XmlDocument, XmlElement, XmlNode, XmlProcessingInstruction, XmlText } from "./tree.js";
export { childElements, element, firstChild, getAttribute, localName, parentOf, setAttribute } from "./tree.js";
export { describeChar, firstIllegalXmlChar, refuseIllegalXmlInput } from "./xml-chars.js";
