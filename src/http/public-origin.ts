import { type PublicOrigin, resolvePublicOrigin } from "../auth";

/** The configured public origin of this deployment (see resolvePublicOrigin); throws AuthConfigError when unset in production. */
export function publicOriginOf(c: { env?: object; req: { url: string } }): PublicOrigin {
  const configured = (c.env as { PUBLIC_ORIGIN?: unknown } | undefined)?.PUBLIC_ORIGIN;
  return resolvePublicOrigin(typeof configured === "string" ? configured : undefined, c.req.url);
}
