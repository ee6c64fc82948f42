/**
 * The parameters many tools share, defined once so their names, limits and wording never drift apart. A name that
 * says what it is carries no description: tools/list repeats these in most of its 48 tools.
 */
import { z } from "zod";

/** The session id document_open and document_create hand out. */
export const docId = z.string().min(1).max(64);

/** One limit for every idempotency key (it is stored with the history entry it names). */
const MAX_REQUEST_ID_LENGTH = 200;

/** What request_id and expected_position do is said once, in document_history's description and the grammar resource. */
export const requestId = z.string().min(1).max(MAX_REQUEST_ID_LENGTH).optional();

export const dryRun = z.boolean().optional();

export const sectionIndex = z.number().int().min(0);

export const expectedPosition = z.number().int().min(0).optional();
