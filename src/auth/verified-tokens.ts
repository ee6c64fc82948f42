/**
 * Bearer tokens this isolate verified in the last few seconds, so a burst of MCP calls costs one D1 read instead of
 * one per call. A revocation made on this isolate forgets every entry at once; other isolates stop accepting a
 * revoked token within VERIFIED_TOKEN_TTL_MS. Failures are never remembered.
 */
import type { Principal } from "./principal";

/** How long a verification stands on this isolate: the longest a revoked token can still be accepted elsewhere. */
export const VERIFIED_TOKEN_TTL_MS = 10_000;
const MAX_ENTRIES = 1_000;

export interface VerifiedToken {
  principal: Principal;
  lastUsedAt: number | null;
  /** Epoch ms, or null for a token that does not expire. */
  expiresAt: number | null;
}

interface Entry {
  verified: VerifiedToken;
  /** Epoch ms after which the token is read from D1 again: the TTL, or its expiry if sooner. */
  until: number;
}

// Keys are the presented secret (with the audience for OAuth tokens): held only in this isolate's memory, as the
// request header itself is, and never logged.
const entries = new Map<string, Entry>();

export function recalledToken(key: string, now: number): VerifiedToken | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.until <= now) {
    entries.delete(key);
    return undefined;
  }
  return entry.verified;
}

export function rememberToken(key: string, verified: VerifiedToken, now: number): void {
  const until = Math.min(now + VERIFIED_TOKEN_TTL_MS, verified.expiresAt ?? Number.POSITIVE_INFINITY);
  if (until <= now) return;
  entries.delete(key);
  entries.set(key, { verified, until });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/** After the use was recorded in D1, so the next calls within the TTL do not record it again. */
export function noteTokenUse(key: string, now: number): void {
  const entry = entries.get(key);
  if (entry) entry.verified = { ...entry.verified, lastUsedAt: now };
}

export function forgetToken(key: string): void {
  entries.delete(key);
}

/** Called by every revocation: which tokens a revoked grant or token covers is not worth working out here. */
export function forgetVerifiedTokens(): void {
  entries.clear();
}
