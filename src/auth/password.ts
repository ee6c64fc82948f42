import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Password hashing with the runtime's native scrypt (node:crypto via nodejs_compat): a pure-JS scrypt
 * would take several times the CPU for the same work. The work factor is better-auth's own default
 * (N=2^14, r=16, p=1: 32 MiB, fits a 128 MB isolate); parameters are stored with each hash so they
 * can be raised later without breaking existing passwords.
 */
const PARAMS = { N: 2 ** 14, r: 16, p: 1 };
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
const SCHEME = "scrypt";

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const maxmem = 256 * params.N * params.r; // twice what scrypt needs, so Node's default cap never trips
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$<salt base64>$<key base64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS);
  return [SCHEME, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** False for a wrong password and for a hash this code did not write (never throws on bad input). */
export async function verifyPassword({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = hash.split("$");
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== SCHEME || !saltText || !keyText || ![params.N, params.r, params.p].every(Number.isSafeInteger)) return false;
  if (params.N > 2 ** 17 || params.r > 16 || params.p > 16) return false; // a stored hash must not exhaust the isolate
  const expected = Buffer.from(keyText, "base64");
  const actual = await derive(password, Buffer.from(saltText, "base64"), params);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
