/** The package layer's front door: zip access, limits, relationships. */

export type { ByteSource } from "./byte-source.js";
export { concat } from "./concat.js";
export { CONTENT_TYPES_PART, ContentTypes } from "./content-types.js";
export { crc32 } from "./crc32.js";
export type { PackageStream, PartDigest, XmlPart } from "./docx-package.js";
export { DocxPackage, notLoaded } from "./docx-package.js";
export type { DocxLimits } from "./limits.js";
export { DEFAULT_LIMITS } from "./limits.js";
export type { PackageFootprint } from "./package-limits.js";
export { checkPackageFootprint } from "./package-limits.js";
export type { Relationship } from "./relationships.js";
export { parseRelationships, relationshipsPartName, relTypeIs, resolveTarget } from "./relationships.js";
export type { CentralEntry, ZipEntry } from "./zip-entry.js";
export { inflateEntry, readZipEntries } from "./zip-reader.js";
export { deflateEntry, deflateEntryChunks, writeZip, writeZipChunks } from "./zip-writer.js";
