import { AuthError, hasScope, type Principal, type Scope } from "../auth";
import { SessionError } from "../sessions/errors";

/** The caller's principal (`c.var.principal`, set by bearerAuth()), provided it holds `scope`. */
export function requireScope(principal: Principal | undefined, scope: Scope): Principal {
  if (!principal) throw new AuthError({ kind: "missing_token", message: "This endpoint needs an access token." });
  if (!hasScope(principal, scope)) {
    throw new SessionError({
      kind: "forbidden",
      scope,
      message: `This access token lacks the '${scope}' scope; create a token with --scopes ${scope === "write" ? "read,write" : "read"}.`,
    });
  }
  return principal;
}
