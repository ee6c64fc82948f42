/** Reading fields of a JSON element value with errors that name the field and what is allowed. */
import { DocxError } from "../../errors.js";

export type JsonObject = Record<string, unknown>;

export function invalid(field: string, message: string): DocxError {
  return new DocxError({ kind: "invalid_argument", field, message: `${field}: ${message}` });
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function objectAt(v: unknown, field: string): JsonObject {
  if (!isObject(v)) throw invalid(field, `must be a JSON object, got ${describe(v)}.`);
  return v;
}

export function optionalObject(o: JsonObject, key: string, field: string): JsonObject | undefined {
  return o[key] === undefined ? undefined : objectAt(o[key], `${field}.${key}`);
}

export function optionalString(o: JsonObject, key: string, field: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw invalid(`${field}.${key}`, `must be a string, got ${describe(v)}.`);
  return v;
}

export function requiredString(o: JsonObject, key: string, field: string): string {
  const v = optionalString(o, key, field);
  if (v === undefined) throw invalid(`${field}.${key}`, "is required.");
  return v;
}

export function optionalBoolean(o: JsonObject, key: string, field: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw invalid(`${field}.${key}`, `must be true or false, got ${describe(v)}.`);
  return v;
}

export function optionalNumber(o: JsonObject, key: string, field: string, min: number, max: number, integer = true): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max) {
    throw invalid(`${field}.${key}`, `must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, got ${describe(v)}.`);
  }
  return v;
}

export function optionalArray(o: JsonObject, key: string, field: string, maxLength = 10_000): unknown[] | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(`${field}.${key}`, `must be an array, got ${describe(v)}.`);
  if (v.length > maxLength) throw invalid(`${field}.${key}`, `has ${v.length} entries; at most ${maxLength} are allowed.`);
  return v;
}

/** One of `allowed` (case-insensitive), returned in its canonical spelling. */
export function optionalEnum<T extends string>(o: JsonObject, key: string, field: string, allowed: readonly T[]): T | undefined {
  const v = optionalString(o, key, field);
  if (v === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  if (!hit) throw invalid(`${field}.${key}`, `"${v}" is not allowed; use one of ${allowed.join(", ")}.`);
  return hit;
}

/** A hex colour like "FF0000" (a leading # is accepted and dropped). */
export function optionalColor(o: JsonObject, key: string, field: string): string | undefined {
  const v = optionalString(o, key, field);
  if (v === undefined) return undefined;
  const hex = v.replace(/^#/, "");
  if (!/^[0-9A-Fa-f]{6}$/.test(hex) && hex !== "auto")
    throw invalid(`${field}.${key}`, `"${v}" is not a colour; use 6 hex digits like "FF0000" or "auto".`);
  return hex.toUpperCase() === "AUTO" ? "auto" : hex.toUpperCase();
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (typeof v === "object") return "an object";
  return String(v);
}

/**
 * Refuses properties that `what` does not have, naming the first unknown one and every allowed one: a misspelt or
 * unsupported property would otherwise be dropped silently and the edit reported as done.
 */
export function onlyKnown(o: JsonObject, field: string, what: string, allowed: readonly string[]): void {
  const unknown = Object.keys(o).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw invalid(`${field}.${unknown}`, `is not a property of ${what}; allowed: ${allowed.join(", ")}.`);
}
