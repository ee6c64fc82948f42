/** Validation of style property values: each failure names the field and what it accepts. */
import { DocxError } from "../../errors.js";
import type { PropertyEdit } from "./property-edits.js";

/** What a property's value becomes; `spec` is the whole style object, for properties that read a companion (width_type). */
export type PropertyParser = (value: unknown, field: string, spec: Record<string, unknown>) => PropertyEdit[];

export function invalid(field: string, message: string): DocxError {
  return new DocxError({ kind: "invalid_argument", field, message: `${field} ${message}` });
}

const shown = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

/**
 * Checks a style object against its property table and returns the edits in the order given. Unknown properties,
 * wrong value types and out-of-range values are refused before anything changes.
 */
export function parseStyle(spec: unknown, field: string, table: Record<string, PropertyParser>, companions: string[] = []): PropertyEdit[] {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec))
    throw invalid(field, `must be a JSON object of properties; allowed: ${Object.keys(table).join(", ")}.`);
  const entries = Object.entries(spec as Record<string, unknown>);
  if (entries.length === 0) throw invalid(field, `is empty; give at least one of: ${Object.keys(table).join(", ")}.`);
  const edits: PropertyEdit[] = [];
  for (const [key, value] of entries) {
    if (companions.includes(key)) continue;
    const parse = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!parse) throw invalid(`${field}.${key}`, `is not a known property; allowed: ${[...Object.keys(table), ...companions].join(", ")}.`);
    edits.push(...parse(value, `${field}.${key}`, spec as Record<string, unknown>));
  }
  return edits;
}

/** true, false or null. */
export function toggle(value: unknown, field: string): boolean | null {
  if (value === null || typeof value === "boolean") return value;
  throw invalid(field, `must be true, false or null (null removes it); got ${shown(value)}.`);
}

/** An on/off property (ST_OnOff): true writes it, false writes it switched off (overriding the style), null removes it. */
export function onOff(...children: string[]): PropertyParser {
  return (value, field) => {
    const on = toggle(value, field);
    return children.map((child): PropertyEdit => (on === null ? { child, remove: true } : { child, set: on ? {} : { val: "0" } }));
  };
}

/** A hex RGB color ("FF0000", "#ff0000") or "auto", written as six upper-case digits (ST_HexColor, §17.18.38). */
export function hexColor(value: unknown, field: string): string {
  if (typeof value === "string") {
    if (value.toLowerCase() === "auto") return "auto";
    const m = /^#?([0-9A-Fa-f]{6})$/.exec(value.trim());
    if (m) return m[1].toUpperCase();
  }
  throw invalid(field, `must be a hex color like "FF0000" or "auto"; got ${shown(value)}.`);
}

/** A number within [min, max] that is a whole multiple of `step`, in the unit `unit` (for messages). */
export function measure(value: unknown, field: string, min: number, max: number, unit: string, step = 1): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw invalid(field, `must be a number of ${unit} from ${min} to ${max}; got ${shown(value)}.`);
  if (value < min || value > max) throw invalid(field, `must be from ${min} to ${max} ${unit}; got ${value}.`);
  if (Math.abs(Math.round(value / step) * step - value) > 1e-9)
    throw invalid(field, `must be a multiple of ${step} ${unit}; got ${value}.`);
  return value;
}

/** Points to twentieths of a point (twips), the unit of spacing and indentation (ST_TwipsMeasure). */
export const twips = (points: number) => String(Math.round(points * 20));

/**
 * One of a fixed set of names, matched without regard to case, "_", "-" or spaces ("dark_blue" = "darkBlue");
 * `values` maps each accepted spelling to what is written.
 */
export function oneOf(value: unknown, field: string, values: Record<string, string>): string {
  if (typeof value === "string") {
    const key = normalize(value);
    for (const [name, written] of Object.entries(values)) if (normalize(name) === key) return written;
  }
  throw invalid(field, `must be one of ${Object.keys(values).join(", ")}; got ${shown(value)}.`);
}

/** The same names as written values, for enumerations whose names are the XML values. */
export const named = (...names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, n]));

const normalize = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
