/** Document properties: title, subject, author, keywords, description, category. */
import { CORE_PROPERTIES, type CoreProperty, setCoreProperties } from "../metadata/core-properties.js";
import { operationKind } from "./operation.js";
import { field, optional } from "./operation-fields.js";

const NAMES = Object.keys(CORE_PROPERTIES) as CoreProperty[];

export const setMetadata = operationKind({
  fields: Object.fromEntries(
    NAMES.map((name) => [name, optional(field.string(10_000, 0), name === "author" ? "Creator (dc:creator)." : undefined)]),
  ),
  parse: (i) => {
    const values: Partial<Record<CoreProperty, string>> = {};
    for (const name of NAMES) if (i.has(name)) values[name] = i.string(name, { allowEmpty: true });
    if (Object.keys(values).length === 0)
      throw i.invalid(NAMES[0], `or another property is required: give at least one of ${NAMES.join(", ")}.`);
    return values;
  },
  run: (doc, values) => setCoreProperties(doc, values),
  describe: (values) => `set ${Object.keys(values).join(", ")}`,
  where: () => "/metadata",
});
