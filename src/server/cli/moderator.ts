// `npm run moderator -- add <identifiant>`, `remove <identifiant>`, `list`: moderator accounts,
// made on the server's machine only (no endpoint creates one), on whichever database the
// environment names (the same variables as `npm start`). Results go to stdout; prompts and
// errors to stderr. The password is never printed: it only reaches hashPassword.
import { ConfigError, readConfig } from '../config';
import { hashPassword, passwordProblem } from '../passwords';
import { openStore, type ServerStore } from '../store/open-store';
import { PasswordInputError, readNewPassword } from './read-password';

const USAGE = 'Usage : npm run moderator -- add <identifiant> | remove <identifiant> | list';

/** A wrong command line: exit code 2, as for any command misused. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** A request that cannot be done (an unknown account): exit code 1. */
class RefusedError extends Error {
  override name = 'RefusedError';
}

/**
 * Lower-cased, so that "Alice" and "alice" cannot be two accounts; ASCII only, so that no two
 * names look alike. Sign-in should lower-case what is typed the same way.
 */
function identifiantOf(raw: string | undefined): string {
  const name = (raw ?? '').toLowerCase();
  if (!/^[a-z0-9._-]{1,100}$/.test(name)) {
    throw new UsageError('L’identifiant doit compter de 1 à 100 caractères : lettres sans accent, chiffres, « . », « - » ou « _ ».');
  }
  return name;
}

async function withStore<T>(work: (store: ServerStore) => Promise<T>): Promise<T> {
  const config = readConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

async function add(name: string): Promise<string> {
  // Checked before the password is asked, rather than after it was typed twice.
  readConfig();
  const password = await readNewPassword({ input: process.stdin, output: process.stderr }, passwordProblem);
  const passwordHash = await hashPassword(password);
  return withStore(async (store) => {
    const existing = await store.access.moderator(name);
    await store.access.putModerator({ name, passwordHash, createdAt: existing?.createdAt ?? new Date().toISOString() });
    return existing ? `Mot de passe de « ${name} » changé.` : `Compte « ${name} » créé.`;
  });
}

async function remove(name: string): Promise<string> {
  return withStore(async (store) => {
    if (!(await store.access.removeModerator(name))) throw new RefusedError(`Aucun compte « ${name} ».`);
    return `Compte « ${name} » supprimé, ses sessions fermées.`;
  });
}

async function list(): Promise<string> {
  return withStore(async (store) => {
    const moderators = await store.access.moderators();
    // Said on stderr, so that a script reading stdout sees an empty list.
    if (moderators.length === 0) console.error('Aucun compte de modérateur.');
    return moderators.map((moderator) => `${moderator.name}\tcréé le ${moderator.createdAt}`).join('\n');
  });
}

function run(args: string[]): Promise<string> {
  const [command, name, ...extra] = args;
  if (extra.length > 0) throw new UsageError(USAGE);
  if (command === 'add' && name !== undefined) return add(identifiantOf(name));
  if (command === 'remove' && name !== undefined) return remove(identifiantOf(name));
  if (command === 'list' && name === undefined) return list();
  throw new UsageError(USAGE);
}

function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? 2 : 1;
}

Promise.resolve()
  .then(() => run(process.argv.slice(2)))
  .then(
    (result) => {
      if (result !== '') console.log(result);
    },
    (error: unknown) => {
      const known = error instanceof UsageError || error instanceof RefusedError || error instanceof ConfigError || error instanceof PasswordInputError;
      console.error(known ? error.message : error);
      process.exitCode = exitCodeOf(error);
    },
  );
