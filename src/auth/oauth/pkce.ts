/** PKCE (RFC 7636) with S256 only: `plain` would let anyone who sees the authorization request redeem the code. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/; // base64url of a SHA-256 digest, unpadded
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/; // RFC 7636 §4.1

export const isCodeChallenge = (value: string) => CHALLENGE.test(value);

export async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export async function verifierMatches(verifier: string, challenge: string): Promise<boolean> {
  return VERIFIER.test(verifier) && (await s256(verifier)) === challenge;
}
