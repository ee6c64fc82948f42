import type { Context, MiddlewareHandler } from "hono";
import { HttpError } from "./http-errors";

/**
 * Per-route caps on request bodies. Every route that reads a body goes through `readBodyCapped` (or the
 * `bodyLimit` middleware built on it), which counts the bytes actually received, so neither a missing nor a
 * false Content-Length nor chunked encoding lets a body grow past its route's cap in memory.
 */
export interface BodyLimit {
  bytes: number;
  /** The request as the user knows it, starting the 413 message. */
  what: string;
  /** Where to go instead, appended to the message. */
  hint?: string;
}

export const BODY_LIMITS = {
  /** OAuth registration, token and revocation requests: a few hundred bytes in practice. */
  oauth: { bytes: 16 * 1024, what: "The OAuth request" },
  /** Sign-in, sign-up and dashboard forms (names, token labels, the CSRF field). */
  form: { bytes: 64 * 1024, what: "The form" },
  /** The dashboard's multipart .docx upload, parsed in memory; larger files go through PUT /api/files. */
  formUpload: {
    bytes: 25 * 1024 * 1024,
    what: "The upload",
    hint: "; use PUT /api/files/{name} with a token for files up to 100 MB",
  },
  /** One JSON-RPC message to /mcp; the largest tool arguments are a patch or a block of text. */
  mcp: { bytes: 4 * 1024 * 1024, what: "The MCP message", hint: "; split large content over several calls" },
} as const satisfies Record<string, BodyLimit>;

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`);

/** The 413 every capped body gets. */
export function bodyTooLarge(limit: BodyLimit): HttpError {
  return new HttpError({
    kind: "payload_too_large",
    limit: limit.bytes,
    message: `${limit.what} is larger than ${sizeText(limit.bytes)}, the limit for this endpoint${limit.hint ?? ""}.`,
  });
}

/** What a capped read throws; it is told how many bytes were declared or had been received when the cap was passed. */
export type TooLarge = (bytes: number) => Error;

/** Rejects up front when the declared length is already over the cap (the body is then never read). */
function checkDeclaredLength(request: Request, limit: number, tooLarge: TooLarge): void {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(Number(declared));
}

/** Reads a whole request body into memory, never holding more than `limit` bytes of it. */
export async function readBodyCapped(request: Request, limit: number, tooLarge: TooLarge): Promise<Uint8Array> {
  checkDeclaredLength(request, limit, tooLarge);
  if (!request.body) return new Uint8Array(0);
  // Counted straight off the reader: small bodies (every MCP call) pay for no stream in between.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.length;
    if (seen > limit) {
      const error = tooLarge(seen);
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0] : joinChunks(chunks);
}

/** A capped body as UTF-8 text: for routes that parse the body themselves (read once, never re-wrapped). */
export async function readTextCapped(request: Request, limit: BodyLimit): Promise<string> {
  return new TextDecoder().decode(await readBodyCapped(request, limit.bytes, () => bodyTooLarge(limit)));
}

/** The chunks of a body read into one buffer. */
export function joinChunks(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Middleware that reads the body through `readBodyCapped` before the route sees it, then hands the route a
 * request over the bytes already read, so Hono's parseBody/json and the MCP transport read the capped copy.
 */
export function bodyLimit(limitFor: BodyLimit | ((c: Context) => BodyLimit)): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.body) {
      const limit = typeof limitFor === "function" ? limitFor(c) : limitFor;
      const bytes = await readBodyCapped(raw, limit.bytes, () => bodyTooLarge(limit));
      c.req.raw = new Request(raw, { body: bytes });
    }
    await next();
  };
}
