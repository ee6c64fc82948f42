/** What an operation kind is to the engine: how to read it, how to apply it, and how history names it. */
import type { WordDocument } from "../../model/index.js";
import type { Fields } from "./operation-fields.js";
import type { OperationInput } from "./operation-input.js";

export interface OperationKind<Input, Result> {
  /** The fields the operation takes, as a patch entry names them (besides "op"), each described as data. */
  fields: Fields;
  /** Validates the fields before anything is applied; errors name the field (see OperationInput). */
  parse(input: OperationInput): Input;
  /** Applies the operation; a failure throws a DocxError and the caller reverts what the call changed. */
  run(doc: WordDocument, input: Input): Result;
  /** One line for the session's history, e.g. `replace "a" with "b" in /body: 1 of 3`. */
  describe(input: Input, result: Result): string;
  /** Where the operation points, for a failure message: a path, or "from → path". */
  where(input: Input): string;
}

/** Declares an operation kind with its types checked against each other. */
export function operationKind<Input, Result>(kind: OperationKind<Input, Result>): OperationKind<Input, Result> {
  return kind;
}

/** Shortens user text quoted in a history line. */
export const quote = (text: string, max = 40) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
