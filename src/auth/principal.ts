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
  /** Which tools tools/list shows this caller; every tool its scopes allow stays callable whatever the set. */
  toolSet: ToolSet;
}

/**
 * The tool lists a token or OAuth grant can be given. "compact" lists apply_patch for edits and every non-edit tool;
 * "complete" lists all of docx-mcp's tools. Every listed character is loaded into the model's context on each turn.
 */
export type ToolSet = "compact" | "complete";

export const TOOL_SETS: readonly ToolSet[] = ["compact", "complete"];

/** What new tokens and grants get unless the person chooses otherwise. */
export const DEFAULT_TOOL_SET: ToolSet = "compact";

export function isToolSet(value: unknown): value is ToolSet {
  return (TOOL_SETS as readonly unknown[]).includes(value);
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
