import { SessionError } from "../sessions/errors";
import { joinChunks, readBodyCapped } from "./body-limit";
import { checkZipSignature } from "./docx-package-check";
import { notADocx } from "./docx-upload-check";
import { HttpError } from "./http-errors";

/** Largest .docx we accept: the Workers request body limit on Free and Pro plans. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** Without Content-Length the body has to be buffered (R2 needs the length up front), so the cap is lower. */
const MAX_UNSIZED_UPLOAD_BYTES = 32 * 1024 * 1024;

const ACCEPTED_TYPES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/octet-stream",
  "application/zip",
  "application/x-zip-compressed",
];

const megabytes = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export function checkUploadContentType(header: string | undefined): void {
  const type = header?.split(";")[0].trim().toLowerCase();
  if (type && !ACCEPTED_TYPES.includes(type)) {
    throw new HttpError({
      kind: "unsupported_media_type",
      contentType: type,
      message:
        `Content-Type ${type} is not a Word document; send the raw .docx bytes as ${ACCEPTED_TYPES[0]} (or application/octet-stream).` +
        // curl --data-binary sends this type unless told otherwise; say how to fix it.
        (type === "application/x-www-form-urlencoded"
          ? " With curl, use -T file.docx or add -H 'Content-Type: application/octet-stream'."
          : ""),
    });
  }
}

function tooLarge(name: string, size: number, limit: number, hint = ""): SessionError {
  return new SessionError({
    kind: "file_too_large",
    name,
    size,
    limit,
    message: `${name} is larger than ${megabytes(limit)}, the upload limit${hint}.`,
  });
}

/** Reads at least `size` bytes (or all there is) and returns them with a stream that replays everything. */
async function peek(body: ReadableStream<Uint8Array>, size: number): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const seen: Uint8Array[] = [];
  let length = 0;
  while (length < size) {
    const { done, value } = await reader.read();
    if (done) break;
    seen.push(value);
    length += value.length;
  }
  const head = joinChunks(seen);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of seen) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream };
}

/** A body with a Content-Length, streamed and counted: `refusal()` says why it failed if it ran past or stopped short. */
export interface SizedUpload {
  body: { stream: ReadableStream<Uint8Array>; length: number };
  refusal(): Error | undefined;
}

/**
 * An upload's body: with a Content-Length (up to 100 MB) as a stream counted against it, junk refused from its first
 * bytes before the rest is read; without one buffered up to a lower cap. Nothing past the declared length is read.
 */
export async function readUpload(name: string, request: Request): Promise<Uint8Array | SizedUpload> {
  const declared = request.headers.get("Content-Length");
  const length = declared === null ? undefined : Number(declared);
  if (length !== undefined && (!Number.isSafeInteger(length) || length < 0)) {
    throw new HttpError({ kind: "bad_request", message: `Content-Length ${JSON.stringify(declared)} is not a byte count.` });
  }
  if (length !== undefined && length > MAX_UPLOAD_BYTES) throw tooLarge(name, length, MAX_UPLOAD_BYTES);
  if (!request.body || length === 0) throw notADocx(name, "the request body is empty");

  if (length === undefined) {
    const hint = ` without a Content-Length header; send one to upload up to ${megabytes(MAX_UPLOAD_BYTES)}`;
    return readBodyCapped(request, MAX_UNSIZED_UPLOAD_BYTES, () =>
      tooLarge(name, MAX_UNSIZED_UPLOAD_BYTES + 1, MAX_UNSIZED_UPLOAD_BYTES, hint),
    );
  }
  const { head, stream } = await peek(request.body, 4);
  const signature = checkZipSignature(head);
  if (!signature.ok) throw notADocx(name, signature.reason);
  let refusal: Error | undefined;
  const refuse = () => {
    refusal = new HttpError({
      kind: "bad_request",
      message: `The request body did not match its Content-Length of ${length} bytes; nothing was stored.`,
    });
    return refusal;
  };
  // The runtime frames the body by its Content-Length, but the bytes are counted anyway: nothing past it is read.
  let seen = 0;
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.length;
      if (seen > length) throw refuse();
      controller.enqueue(chunk);
    },
    flush() {
      if (seen !== length) throw refuse();
    },
  });
  return { body: { stream: stream.pipeThrough(counted), length }, refusal: () => refusal };
}
