/** The parameters many tools share, defined once so their names, limits and wording never drift apart. */
import { z } from "zod";

export const docId = z.string().min(1).max(64).describe("Session ID from document_open or document_create.");

/** One limit for every idempotency key (it is stored with the history entry it names). */
const MAX_REQUEST_ID_LENGTH = 200;

export const requestId = z
  .string()
  .min(1)
  .max(MAX_REQUEST_ID_LENGTH)
  .optional()
  .describe("Idempotency key: a retry with the same id returns the first result.");

export const dryRun = z.boolean().optional().describe("Report what would change; change nothing.");

/** A typed path, e.g. /body/paragraph[id='1A2B3C4D']; `what` says what it selects. */
export const path = (what: string) => z.string().min(1).max(1000).describe(what);

export const sectionIndex = z.number().int().min(0);

export const expectedPosition = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe("Refuse the edit (stale_position) unless the document is still at this history position.");
