/** The element operations of docx-mcp's patch language (add, replace, remove, move, copy, remove_column). */
import { addElement, copyElement, moveElement, removeElement, replaceElement } from "../elements/element-edits.js";
import { removeTableColumn } from "../elements/remove-column.js";
import { operationKind } from "./operation.js";
import { field, noted } from "./operation-fields.js";

const VALUE_EXAMPLE = 'the element as JSON, e.g. {"type": "paragraph", "text": "Hello"}';
const DESTINATION = noted(field.path(), "Destination position, e.g. /body/children/0.");

export const add = operationKind({
  fields: {
    path: noted(field.path(), "/body/children/N, <table>/row, <row>/cell, or an element to insert after."),
    value: field.element(),
  },
  parse: (i) => ({ path: i.string("path"), value: i.raw("value", VALUE_EXAMPLE) }),
  run: (doc, i) => addElement(doc, i.path, i.value),
  describe: (i, r) => `add ${r.type} at ${i.path}`,
  where: (i) => i.path,
});

export const replace = operationKind({
  fields: { path: field.path(), value: field.element() },
  parse: (i) => ({ path: i.string("path"), value: i.raw("value", VALUE_EXAMPLE) }),
  run: (doc, i) => replaceElement(doc, i.path, i.value),
  describe: (i) => `replace ${i.path}`,
  where: (i) => i.path,
});

export const remove = operationKind({
  fields: { path: field.path() },
  parse: (i) => ({ path: i.string("path") }),
  run: (doc, i) => removeElement(doc, i.path),
  describe: (i) => `remove ${i.path}`,
  where: (i) => i.path,
});

export const move = operationKind({
  fields: { from: field.path(), path: DESTINATION },
  parse: (i) => ({ from: i.string("from"), path: i.string("path") }),
  run: (doc, i) => moveElement(doc, i.from, i.path),
  describe: (i) => `move ${i.from} to ${i.path}`,
  where: (i) => `${i.from} → ${i.path}`,
});

export const copy = operationKind({
  fields: { from: field.path(), path: DESTINATION },
  parse: (i) => ({ from: i.string("from"), path: i.string("path") }),
  run: (doc, i) => copyElement(doc, i.from, i.path),
  describe: (i) => `copy ${i.from} to ${i.path}`,
  where: (i) => `${i.from} → ${i.path}`,
});

export const removeColumn = operationKind({
  fields: { path: field.path(), column: field.integer(0, 62) },
  parse: (i) => ({ path: i.string("path"), column: i.integer("column") }),
  run: (doc, i) => removeTableColumn(doc, i.path, i.column),
  describe: (i) => `remove column ${i.column} of ${i.path}`,
  where: (i) => i.path,
});
