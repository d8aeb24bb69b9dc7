// @vitest-environment node
// Moderators' passwords: only salted scrypt hashes are kept, a check answers true for the right
// password alone, and an unknown account costs the same time as a known one.
import { describe, expect, it } from 'vitest';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem, scryptPasswords, verifyPassword } from './passwords';

const PASSWORD = 'correct horse battery';

describe('hashPassword and verifyPassword', () => {
  it('salts each hash, names its parameters and keeps nothing of the password', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    for (const hash of [first, second]) {
      expect(hash).not.toContain(PASSWORD);
      expect(hash).not.toContain(Buffer.from(PASSWORD).toString('base64url').slice(0, 12));
    }
  });

  it('answers true for the password, false for any other', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await scryptPasswords.verify(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery ')).toBe(false);
    expect(await verifyPassword(stored, 'Correct horse battery')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('takes "é" composed and decomposed as the same password', async () => {
    const stored = await hashPassword('mot de passe é'.normalize('NFC'));
    expect(await verifyPassword(stored, 'mot de passe é'.normalize('NFD'))).toBe(true);
  });

  it('answers false for an unknown account and for a hash it cannot read', async () => {
    const stored = await hashPassword(PASSWORD);
    const [, n, r, p, salt, key] = stored.split('$') as string[];
    const malformed = [
      '',
      PASSWORD,
      'scrypt',
      stored.replace('scrypt$', 'bcrypt$'),
      `${stored}$extra`,
      ['scrypt', n, r, p, salt].join('$'),
      ['scrypt', '32767', r, p, salt, key].join('$'),
      ['scrypt', '0', r, p, salt, key].join('$'),
      ['scrypt', String(2 ** 30), r, p, salt, key].join('$'),
      ['scrypt', n, '1024', p, salt, key].join('$'),
      ['scrypt', n, r, p, 'not base64!', key].join('$'),
      ['scrypt', n, r, p, salt, ''].join('$'),
    ];
    for (const bad of malformed) expect(await verifyPassword(bad, PASSWORD), bad).toBe(false);
    expect(await verifyPassword(null, PASSWORD)).toBe(false);
    expect(await verifyPassword(null, '')).toBe(false);
  });

  it('spends on an unknown account about the work of a real check', async () => {
    const stored = await hashPassword(PASSWORD);
    const time = async (check: () => Promise<boolean>) => {
      const started = performance.now();
      await check();
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round++) {
      known.push(await time(() => verifyPassword(stored, 'wrong password!')));
      unknown.push(await time(() => verifyPassword(null, 'wrong password!')));
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[1] as number;
    // Loose bounds: they only catch a shortcut (a few microseconds against tens of milliseconds).
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });
});

describe('passwordProblem', () => {
  it('asks for at least 12 characters, counted as a reader counts them', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem('a'.repeat(11))).toBe('Le mot de passe doit compter au moins 12 caractères.');
    expect(passwordProblem('a'.repeat(12))).toBeNull();
    // Six emoji are twelve UTF-16 units but six characters.
    expect(passwordProblem('👍🏽'.repeat(6))).toBe('Le mot de passe doit compter au moins 12 caractères.');
    expect(passwordProblem('e\u0301'.repeat(12))).toBeNull();
  });

  it('refuses a password too long to be typed at sign-in', () => {
    expect(passwordProblem('a'.repeat(1000))).toBeNull();
    expect(passwordProblem('a'.repeat(1001))).toBe('Le mot de passe doit compter au plus 1000 caractères.');
  });
});
