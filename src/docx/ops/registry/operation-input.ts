/**
 * One operation's fields as given (a patch entry or a tool's arguments), read with errors that name the field where the
 * caller wrote it: `operations[3].find` inside a patch, `find` for a single operation.
 */
import { DocxError } from "../../errors.js";
import { describe, type JsonObject } from "../elements/value-fields.js";

export class OperationInput {
  constructor(
    readonly fields: JsonObject,
    /** Where the operation sits in the caller's input ("operations[3]"), or "" for a single operation. */
    readonly at: string,
    readonly op: string,
  ) {}

  field(key: string): string {
    return this.at ? `${this.at}.${key}` : key;
  }

  invalid(key: string, message: string): DocxError {
    const field = this.field(key);
    return new DocxError({ kind: "invalid_argument", field, message: `${field} ${message}` });
  }

  /** Refuses fields the operation does not take, so a misspelt option is never silently ignored. */
  only(keys: readonly string[]): void {
    for (const key of Object.keys(this.fields)) {
      if (key === "op" || keys.includes(key) || this.fields[key] === undefined) continue;
      throw this.invalid(key, `is not a field of "${this.op}"; its fields are ${keys.join(", ")}.`);
    }
  }

  has(key: string): boolean {
    return this.fields[key] !== undefined && this.fields[key] !== null;
  }

  string(key: string, options: { allowEmpty?: boolean } = {}): string {
    const v = this.fields[key];
    if (typeof v !== "string" || (!options.allowEmpty && v.trim() === ""))
      throw this.invalid(
        key,
        `is required for "${this.op}" and must be a ${options.allowEmpty ? "" : "non-empty "}string, got ${describe(v)}.`,
      );
    return v;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  integer(key: string, min = 0): number {
    const v = this.fields[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min)
      throw this.invalid(key, `must be a whole number >= ${min}, got ${describe(v)}.`);
    return v;
  }

  optionalInteger(key: string, min = 0): number | undefined {
    return this.has(key) ? this.integer(key, min) : undefined;
  }

  boolean(key: string): boolean {
    const v = this.fields[key];
    if (typeof v !== "boolean") throw this.invalid(key, `must be true or false, got ${describe(v)}.`);
    return v;
  }

  optionalBoolean(key: string): boolean | undefined {
    return this.has(key) ? this.boolean(key) : undefined;
  }

  /** A value the operation's runner checks itself (an element value, a style object, a length). */
  raw(key: string, example: string): unknown {
    if (!this.has(key)) throw this.invalid(key, `is required for "${this.op}": ${example}.`);
    return this.fields[key];
  }

  /** An id given as a number or a string of digits (comments), returned as the string the document uses. */
  id(key: string): string {
    const v = this.fields[key];
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return String(v);
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    throw this.invalid(key, `is required for "${this.op}": an id as listed, e.g. 0 or "0", got ${describe(v)}.`);
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    if (!this.has(key)) return undefined;
    const v = this.fields[key];
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v))
      throw this.invalid(key, `must be one of ${allowed.join(", ")}, got ${describe(v)}.`);
    return v as T;
  }
}
