// A moderator for the tests that run the real server as a process: the account is made in the
// server's database as `npm run moderator -- add` makes it, then signed in over HTTP.
import { hashPassword } from '../../src/server/passwords';
import { openStore } from '../../src/server/store/open-store';

export const PROCESS_MODERATOR = { name: 'equipe', password: 'mot-de-passe-equipe' };

/** Adds PROCESS_MODERATOR to the database that `env` (REAGIR_DATA_DIR, DATABASE_URL) names. */
export async function addProcessModerator(env: Record<string, string>): Promise<void> {
  const store = await openStore({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.REAGIR_DATA_DIR as string });
  try {
    await store.migrate();
    await store.access.putModerator({
      name: PROCESS_MODERATOR.name,
      passwordHash: await hashPassword(PROCESS_MODERATOR.password),
      createdAt: new Date().toISOString(),
    });
  } finally {
    await store.close();
  }
}

/** Signs PROCESS_MODERATOR in on the server at `origin`; answers the Cookie header to send. */
export async function moderatorCookie(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(PROCESS_MODERATOR),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`The moderator could not sign in at ${origin} (${response.status}).`);
  return cookie;
}
