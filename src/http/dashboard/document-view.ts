import { Hono } from "hono";
import type { WebEnv } from "./services";

/** About this much HTML per page of a document's rendering; pages break between body blocks. */
export const RENDERING_PAGE_BYTES = 256 * 1024;

/**
 * The rendering is the engine's HTML export, served on its own URL into a sandboxed frame of the session page: its
 * inline styles apply, no script runs, nothing is fetched, and only our own pages may frame it.
 */
const RENDERING_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

/**
 * One page of an HTML export given as chunks (the head first, one per body block, the end with the notes last):
 * the head, the blocks falling on `page` (1-based), and the end; and how many pages there are.
 */
export function renderingPage(chunks: Iterable<string>, page: number): { html: string; pages: number } {
  let head: string | null = null;
  let last: string | null = null;
  const blocks: string[] = [];
  let pages = 1;
  let size = 0;
  const place = (block: string) => {
    if (size > 0 && size + block.length > RENDERING_PAGE_BYTES) {
      pages++;
      size = 0;
    }
    size += block.length;
    if (pages === page) blocks.push(block);
  };
  for (const chunk of chunks) {
    if (head === null) head = chunk;
    else {
      if (last !== null) place(last);
      last = chunk; // held back: the final chunk is the end, on every page
    }
  }
  return { html: (head ?? "") + blocks.join("") + (last ?? ""), pages };
}

/** GET /dashboard/sessions/:id/rendering?page=N: one page of the session's current document as HTML. */
export const documentView = new Hono<WebEnv>();

documentView.get("/:id/rendering", async (c) => {
  const page = Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1);
  const sessions = c.var.services.sessionsFor(c.var.viewer.tenantId);
  const { html } = await sessions.history.read(c.req.param("id"), (doc) => renderingPage(doc.export("html"), page));
  c.header("Content-Security-Policy", RENDERING_CSP);
  c.header("X-Frame-Options", "SAMEORIGIN");
  c.header("Cache-Control", "no-store");
  c.header("X-Content-Type-Options", "nosniff");
  return c.html(html);
});
