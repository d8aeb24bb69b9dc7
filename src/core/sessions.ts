// Moderators' sessions: signing in (throttled), finding who a request's token belongs to, and
// signing out. The store keeps only the SHA-256 of a token, so that a copy of the database (a
// backup, an export) holds no usable session. Expiry is decided here, on every request: idle
// for 12 hours, or 7 days after signing in, whatever the activity.
import type { AccessStore, SessionRecord } from './access-store';
import { randomToken, sha256Hex } from './digest';
import { Problem } from './problem';
import { LONGEST_WINDOW_MS, retryAfterSeconds, SIGN_IN_FAILURES } from './throttle';

export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
/** A session's last use is written at most this often: reading a queue is not a write each time. */
const TOUCH_EVERY_MS = 60_000;

/** Checks a password against the hash stored for an account; null: no such account. */
export interface PasswordCheck {
  verify(stored: string | null, password: string): Promise<boolean>;
}

export interface SignedIn {
  moderator: string;
  /** What the cookie carries; never stored. */
  token: string;
}

const failureKeys = (name: string, addressKey: string) => [`sign-in-name:${name}`, `sign-in-address:${addressKey}`];

export async function signIn(
  access: AccessStore,
  passwords: PasswordCheck,
  credentials: { name: string; password: string },
  addressKey: string,
  nowMs: number,
): Promise<SignedIn> {
  // Identifiants are lower-case (npm run moderator makes them so): "Alice" signs in as "alice".
  const name = credentials.name.trim().toLowerCase();
  const keys = failureKeys(name, addressKey);
  // Refused before the password is even checked: a guesser learns nothing more once throttled.
  for (const key of keys) {
    const failures = await access.peek(key, SIGN_IN_FAILURES.windowMs, nowMs);
    if (failures && failures.count >= SIGN_IN_FAILURES.limit) {
      throw new Problem('sign_in_throttled', undefined, retryAfterSeconds(failures, SIGN_IN_FAILURES, nowMs));
    }
  }
  const account = await access.moderator(name);
  // Checked even when there is no such account, against a dummy, so that timing does not tell.
  const valid = await passwords.verify(account?.passwordHash ?? null, credentials.password);
  if (!account || !valid) {
    for (const key of keys) await access.hit(key, SIGN_IN_FAILURES.windowMs, nowMs);
    throw new Problem('invalid_credentials');
  }
  const token = randomToken();
  await access.insertSession({ tokenHash: await sha256Hex(token), moderator: account.name, createdMs: nowMs, lastSeenMs: nowMs });
  return { moderator: account.name, token };
}

function expired(session: SessionRecord, nowMs: number): boolean {
  return nowMs - session.lastSeenMs > SESSION_IDLE_MS || nowMs - session.createdMs > SESSION_MAX_MS;
}

/** The moderator a token signs in, or a 401 'unauthenticated'. */
export async function moderatorOf(access: AccessStore, token: string | null, nowMs: number): Promise<string> {
  if (token === null || token === '' || token.length > 200) throw new Problem('unauthenticated');
  const tokenHash = await sha256Hex(token);
  const session = await access.session(tokenHash);
  if (!session) throw new Problem('unauthenticated');
  if (expired(session, nowMs)) {
    await access.deleteSession(tokenHash);
    throw new Problem('unauthenticated');
  }
  if (nowMs - session.lastSeenMs >= TOUCH_EVERY_MS) await access.touchSession(tokenHash, nowMs);
  return session.moderator;
}

export async function signOut(access: AccessStore, token: string | null): Promise<void> {
  if (token !== null && token !== '' && token.length <= 200) await access.deleteSession(await sha256Hex(token));
}

/**
 * Forgets what has ended: sessions past their expiry, and throttle counts older than the longest
 * window — with them the hashed client addresses, kept a day at most (the promise is 30 days).
 */
export async function forgetExpired(access: AccessStore, nowMs: number): Promise<void> {
  await access.forget({
    countsBeforeMs: nowMs - LONGEST_WINDOW_MS,
    sessionsBeforeMs: nowMs - SESSION_IDLE_MS,
    sessionsCreatedBeforeMs: nowMs - SESSION_MAX_MS,
  });
}
