/** The parameters many tools share, defined once so their names, limits and wording never drift apart. */
import { z } from "zod";

export const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");

/** One limit for every idempotency key (it is stored with the history entry it names). */
export const MAX_REQUEST_ID_LENGTH = 200;

export const requestId = z
  .string()
  .min(1)
  .max(MAX_REQUEST_ID_LENGTH)
  .optional()
  .describe("Idempotency key: a retry with the same request_id returns the first result instead of acting twice.");

export const dryRun = z.boolean().optional().describe("If true, report what would change without changing the document.");

/** A typed path, e.g. /body/paragraph[id='1A2B3C4D']; `what` says what it selects. */
export const path = (what: string) => z.string().min(1).max(1000).describe(what);

export const sectionIndex = z.number().int().min(0);

export const author = z.string().min(1).max(200);
