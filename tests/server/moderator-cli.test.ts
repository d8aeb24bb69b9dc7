// `npm run moderator -- add | remove | list` as an operator runs it, a process of its own on the
// database the environment names: SQLite in a data folder, and PostgreSQL where one answers.
// The password comes on standard input, and nothing the command prints contains it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/passwords';
import { openStore } from '../../src/server/store/open-store';
import { freshPostgresSchema, postgresAvailable } from './postgres';

const withPostgres = await postgresAvailable();
const PASSWORD = 'une phrase de passe solide';
const OTHER_PASSWORD = 'une autre phrase de passe';

const cleanUps: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

interface Database {
  env: Record<string, string>;
  databaseUrl: string | null;
  dataDir: string;
}

async function sqlite(): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reagir-moderator-'));
  cleanUps.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return { env: { REAGIR_DATA_DIR: dataDir }, databaseUrl: null, dataDir };
}

async function postgres(): Promise<Database> {
  const database = await sqlite();
  const schema = await freshPostgresSchema();
  cleanUps.push(() => schema.drop());
  return { env: { ...database.env, DATABASE_URL: schema.url }, databaseUrl: schema.url, dataDir: database.dataDir };
}

function moderator(database: Database, args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/moderator.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', ...database.env },
    input,
    encoding: 'utf8',
  });
  for (const secret of [PASSWORD, OTHER_PASSWORD]) expect(result.stdout + result.stderr).not.toContain(secret);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The account as the server would read it, in a store opened beside the command. */
async function withStore<T>(database: Database, work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

const databases: Array<[string, boolean, () => Promise<Database>]> = [
  ['SQLite', true, sqlite],
  ['PostgreSQL', withPostgres, postgres],
];

describe.each(databases)('npm run moderator on %s', (_name, runs, open) => {
  it.runIf(runs)('adds an account, lists it, changes its password, removes it and ends its sessions', { timeout: 60_000 }, async () => {
    const database = await open();
    const added = moderator(database, ['add', 'Alice.Martin'], `${PASSWORD}\n`);
    expect(added).toMatchObject({ code: 0, stdout: 'Compte « alice.martin » créé.\n' });

    const listed = moderator(database, ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^alice\.martin\tcréé le \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n$/);

    const first = await withStore(database, (store) => store.access.moderator('alice.martin'));
    expect(first).toBeDefined();
    expect(first?.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(first?.passwordHash ?? null, PASSWORD)).toBe(true);
    expect(await verifyPassword(first?.passwordHash ?? null, OTHER_PASSWORD)).toBe(false);

    const changed = moderator(database, ['add', 'alice.martin'], `${OTHER_PASSWORD}\r\n`);
    expect(changed).toMatchObject({ code: 0, stdout: 'Mot de passe de « alice.martin » changé.\n' });
    const second = await withStore(database, async (store) => {
      await store.access.insertSession({ tokenHash: 'session-of-alice', moderator: 'alice.martin', createdMs: Date.now(), lastSeenMs: Date.now() });
      return store.access.moderator('alice.martin');
    });
    expect(second?.createdAt).toBe(first?.createdAt);
    expect(await verifyPassword(second?.passwordHash ?? null, OTHER_PASSWORD)).toBe(true);
    expect(await verifyPassword(second?.passwordHash ?? null, PASSWORD)).toBe(false);

    const removed = moderator(database, ['remove', 'alice.martin']);
    expect(removed).toMatchObject({ code: 0, stdout: 'Compte « alice.martin » supprimé, ses sessions fermées.\n' });
    expect(moderator(database, ['list'])).toMatchObject({ code: 0, stdout: '', stderr: 'Aucun compte de modérateur.\n' });
    await withStore(database, async (store) => {
      expect(await store.access.moderator('alice.martin')).toBeUndefined();
      expect(await store.access.session('session-of-alice')).toBeUndefined();
    });

    expect(moderator(database, ['remove', 'alice.martin'])).toMatchObject({ code: 1, stdout: '', stderr: 'Aucun compte « alice.martin ».\n' });
  });

  it.runIf(runs)('refuses a short or missing password and stores nothing', { timeout: 60_000 }, async () => {
    const database = await open();
    expect(moderator(database, ['add', 'bruno'], 'trop court\n')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Le mot de passe doit compter au moins 12 caractères.\n',
    });
    expect(moderator(database, ['add', 'bruno'])).toMatchObject({ code: 1, stderr: "Aucun mot de passe lu sur l'entrée standard.\n" });
    expect(await withStore(database, (store) => store.access.moderators())).toEqual([]);
  });
});

describe('npm run moderator, misused', () => {
  it('answers exit code 2 and says how to use it', { timeout: 60_000 }, async () => {
    const database = await sqlite();
    const usage = 'Usage : npm run moderator -- add <identifiant> | remove <identifiant> | list\n';
    for (const args of [[], ['add'], ['remove'], ['list', 'alice'], ['add', 'alice', 'extra'], ['rename', 'alice']]) {
      expect(moderator(database, args, `${PASSWORD}\n`), args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: usage });
    }
    const badName = 'L’identifiant doit compter de 1 à 100 caractères : lettres sans accent, chiffres, « . », « - » ou « _ ».\n';
    for (const name of ['', 'alice martin', 'élodie', 'a'.repeat(101), 'alice/../bob']) {
      expect(moderator(database, ['add', name], `${PASSWORD}\n`), name).toMatchObject({ code: 2, stdout: '', stderr: badName });
    }
    expect(moderator(database, ['remove', 'a;b'])).toMatchObject({ code: 2, stderr: badName });
    expect(await withStore(database, (store) => store.access.moderators())).toEqual([]);
  });
});
