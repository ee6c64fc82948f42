import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { CSRF_FIELD } from "./csrf";
import type { WebContext } from "./services";
import { STYLES } from "./styles";

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

const NAV = [
  { href: "/dashboard/tokens", label: "Tokens" },
  { href: "/dashboard/apps", label: "Connected apps" },
  { href: "/dashboard/documents", label: "Documents" },
];

/** The hidden CSRF field every form carries. */
export const csrfField = (c: WebContext) => html`<input type="hidden" name="${CSRF_FIELD}" value="${c.var.csrfToken}" />`;

export interface PageOptions {
  title: string;
  body: Markup;
  /** Current nav entry; omitted on signed-out pages, which get no navigation. */
  active?: string;
  narrow?: boolean;
  status?: 200 | 400 | 403 | 404 | 429;
  /** Origins a form on this page may be redirected to after submission (the consent page's client). */
  formTargets?: string[];
  /** A live view's script: the page may then also open streams to, and frame pages of, its own origin. */
  live?: string;
}

/** A scheme or scheme://host[:port] source: nothing that could end the directive or add another. */
const CSP_SOURCE = /^[a-z][a-z0-9+.-]*:(\/\/[a-z0-9.-]+(:\d{1,5})?|\/\/\[::1\](:\d{1,5})?)?$/;

/**
 * Renders a full page with headers that keep it out of frames (clickjacking of the consent page),
 * out of caches (a new token is shown once) and away from inline scripts without the nonce.
 */
export function renderPage(c: WebContext, options: PageOptions): Response | Promise<Response> {
  const nonce = c.var.cspNonce;
  const signedIn = options.active !== undefined;
  const formAction = ["'self'", ...(options.formTargets ?? []).filter((t) => CSP_SOURCE.test(t))].join(" ");
  const live = options.live === undefined ? "" : " connect-src 'self'; frame-src 'self';";
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self' data:;${live} form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header("X-Frame-Options", "DENY");
  // Not no-referrer: with it Chromium sends `Origin: null` on our own form posts, which the CSRF check refuses.
  c.header("Referrer-Policy", "same-origin");
  c.header("Cache-Control", "no-store");
  c.header("X-Content-Type-Options", "nosniff");
  const nav = signedIn
    ? html`<nav>
        ${NAV.map((n) => html`<a href="${n.href}" ${n.href === options.active ? raw('aria-current="page"') : ""}>${n.label}</a>`)}
        <form class="inline" method="post" action="/signout">${csrfField(c)}<button class="link" type="submit">Sign out</button></form>
      </nav>`
    : "";
  return c.html(
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${options.title} · docx-edge</title>
          <style nonce="${nonce}">${raw(STYLES)}</style>
        </head>
        <body>
          <header class="top"><div class="bar"><a class="brand" href="/">docx-edge</a>${nav}</div></header>
          <main class="${options.narrow ? "narrow" : ""}">${options.body}</main>
          <script nonce="${nonce}">
            for (const b of document.querySelectorAll("[data-copy]")) b.addEventListener("click", () => {
              navigator.clipboard.writeText(document.getElementById(b.dataset.copy).textContent).then(() => { b.textContent = "Copied"; });
            });
          </script>
          ${options.live === undefined ? "" : html`<script nonce="${nonce}">${raw(options.live)}</script>`}
        </body>
      </html>`,
    options.status ?? 200,
  );
}

/** Dates in lists: the day and minute, UTC, so the server renders the same text everywhere. */
export function when(epochMs: number | string | null | undefined): string {
  if (epochMs === null || epochMs === undefined) return "never";
  return new Date(epochMs).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}
