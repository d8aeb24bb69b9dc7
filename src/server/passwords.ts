// Moderators' passwords, kept only as scrypt hashes: memory-hard, so that a stolen database costs
// an attacker ~32 MiB and tens of milliseconds per guess, and built into node:crypto (no native
// dependency). The stored string names its parameters, so that they can be raised later without
// breaking the accounts made before.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { countGraphemes } from '../shared/count-graphemes';

export const MIN_PASSWORD_LENGTH = 12;
/** The sign-in request's own limit (SignInRequestSchema, in UTF-16 units): longer could never sign in. */
export const MAX_PASSWORD_LENGTH = 1000;

const CURRENT = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** What a French message says is wrong with a new password, or null when it will do. */
export function passwordProblem(password: string): string | null {
  if (countGraphemes(password) < MIN_PASSWORD_LENGTH) return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Le mot de passe doit compter au plus ${MAX_PASSWORD_LENGTH} caractères.`;
  return null;
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, keyBytes: number): Promise<Buffer> {
  // OpenSSL asks a little over 128·N·r·p bytes; Node's default ceiling (32 MiB) is just too low for N=2^15, r=8.
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * params.p + 16 * 1024 * 1024 };
  // NFC: the same password typed where the keyboard composes "é" and where it sends e + U+0301.
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Bounded, so that a tampered row cannot make one sign-in allocate gigabytes or run for minutes. */
function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  if (![n, r, p].every((part) => /^[1-9]\d{0,7}$/.test(part)) || !B64URL.test(salt) || !B64URL.test(key)) return null;
  const parsed = { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
  const powerOfTwo = (parsed.N & (parsed.N - 1)) === 0;
  if (!powerOfTwo || parsed.N < 2 ** 10 || parsed.N > 2 ** 20 || parsed.r > 32 || parsed.p > 16 || parsed.N * parsed.r * parsed.p > 2 ** 20) return null;
  if (parsed.salt.length < 8 || parsed.key.length < 16 || parsed.key.length > 64) return null;
  return parsed;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, CURRENT, KEY_BYTES);
  return ['scrypt', CURRENT.N, CURRENT.r, CURRENT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Compared against when there is no account (or its hash is unreadable): the same work as a real
 * check, so that the time taken does not tell whether an identifiant exists. Random bytes, the
 * hash of no known password; the answer is false whatever it computes.
 */
const DUMMY = parse(`scrypt$${CURRENT.N}$${CURRENT.r}$${CURRENT.p}$${randomBytes(SALT_BYTES).toString('base64url')}$${randomBytes(KEY_BYTES).toString('base64url')}`) as Parsed;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const parsed = stored === null ? null : parse(stored);
  const against = parsed ?? DUMMY;
  const key = await derive(password, against.salt, against, against.key.length);
  return timingSafeEqual(key, against.key) && parsed !== null;
}

/** What the API is given to check a sign-in (src/server/main.ts). */
export const scryptPasswords = { verify: verifyPassword };
