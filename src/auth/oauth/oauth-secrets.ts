import { checkTokenFormat, hashAccessToken, mintSecret } from "../token-format";

/**
 * Prefixes of the OAuth server's secrets. Same shape as personal access tokens (`dxe_`), so /mcp tells
 * the two apart by the first four characters before touching the database.
 */
export const OAUTH_ACCESS_PREFIX = "dxa_";
export const OAUTH_REFRESH_PREFIX = "dxr_";
export const OAUTH_CODE_PREFIX = "dxc_";

export const ACCESS_TOKEN_TTL_MS = 60 * 60 * 1000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const CODE_TTL_MS = 5 * 60 * 1000;

export const mintOAuthSecret = mintSecret;
export const hashOAuthSecret = hashAccessToken;

export function isOAuthSecret(value: string, prefix: string): boolean {
  return checkTokenFormat(value, prefix).ok;
}
