// The mock's moderator: a demo account anyone may use (its password is in the README), so that
// the sign-in flow can be tried in development and the demo build, and tested without a server.
// Its "hash" is the password with a prefix: hashing a published password would protect nothing,
// and the real hashing (scrypt, src/server/passwords.ts) needs Node.
import type { ModeratorRecord } from '../core/access-store';
import type { PasswordCheck } from '../core/sessions';

export const DEMO_MODERATOR = { name: 'moderateur', password: 'moderateur-demo' } as const;

const PREFIX = 'demo-clear:';

/** What the mock stores for a password: the contract suite adds accounts of its own this way. */
export const demoPasswordHash = (password: string) => `${PREFIX}${password}`;

export const demoAccount: ModeratorRecord = {
  name: DEMO_MODERATOR.name,
  passwordHash: demoPasswordHash(DEMO_MODERATOR.password),
  createdAt: '2015-11-29T00:00:00.000Z',
};

export const demoPasswords: PasswordCheck = {
  verify: async (stored, password) => stored !== null && stored.startsWith(PREFIX) && stored === `${PREFIX}${password}`,
};
