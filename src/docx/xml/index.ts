/** The XML layer's front door: lossless tree, parser, serializer, part encodings, canonical comparison. */
export type { XmlAttribute, XmlCData, XmlComment, XmlDocument, XmlElement, XmlNode, XmlProcessingInstruction, XmlText } from "./tree.js";
export { childElements, element, firstChild, getAttribute, localName, parentOf, setAttribute } from "./tree.js";
export { decodeEntities, parseFragment, parseXml } from "./parser.js";
export type { ParseOptions } from "./parser.js";
export { escapeAttribute, escapeText, serializeNode, serializeNodes, serializeXml } from "./serializer.js";
export { decodePart, detectEncoding, encodePart } from "./encoding.js";
export type { PartEncoding } from "./encoding.js";
export { canonicalDifference } from "./canonical.js";
export { CHILD_ORDER, insertInOrder } from "./child-order.js";
