/** Who is calling, as established by a verified access token. Everything a request may touch is scoped by tenantId. */
export type Scope = "read" | "write";

export const SCOPES: readonly Scope[] = ["read", "write"];

export interface Principal {
  tenantId: string;
  userId: string;
  /** The account's display name, written as the author of tracked changes and comments ("" if unknown). */
  userName: string;
  tokenId: string;
  scopes: readonly Scope[];
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.includes(scope);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Parses the stored space-separated form; unknown words are dropped so an old row never grants more. */
export function parseScopes(text: string): Scope[] {
  return [...new Set(text.split(/[\s,]+/).filter(isScope))];
}

export function formatScopes(scopes: readonly Scope[]): string {
  return SCOPES.filter((s) => scopes.includes(s)).join(" ");
}
