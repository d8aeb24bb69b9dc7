// The three backends the contract suite runs against, each behind the same `fetch`: the mock's
// MSW handlers in-process (over the core's in-memory store), and the real server over real HTTP
// on SQLite and on PostgreSQL. Each test gets a backend of its own, freshly seeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import type { Store } from '../../src/core/store';
import { DEFAULT_RATE_RULES, type RateRules } from '../../src/core/throttle';
import { createApi } from '../../src/http/api';
import { resetDb, store as mockStore } from '../../src/mock/db';
import { demoPasswordHash } from '../../src/mock/demo-account';
import { headerHandlers } from '../../src/mock/handlers';
import { hashPassword, scryptPasswords } from '../../src/server/passwords';
import { startHttpServer } from '../../src/server/http-server';
import { seedGenerated, seedIfEmpty } from '../../src/server/seed';
import { openStore } from '../../src/server/store/open-store';
import { freshPostgresSchema, postgresAvailable } from '../server/postgres';

export interface Backend {
  /** A request to the API: `path` is under /api, as in the contract. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The same, from a moderator signed in through POST /api/session when the backend started. */
  moderatorFetch(path: string, init?: RequestInit): Promise<Response>;
  /** Creates a moderator account, as `npm run moderator -- add` does on the server. */
  addModerator(name: string, password: string): Promise<void>;
  /** What the backend stores, emails included: for checking what was stored, never for answers. */
  store: Store;
  /** Makes `generated-N` exist (the mock computes it on first use; a database loads it). */
  loadGenerated(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface BackendOptions {
  /** The throttles; by default far above what a test sends, except the tests of the throttles. */
  rateRules?: RateRules;
  /** The API's clock (the server's own by default). */
  now?: () => Date;
  /** REAGIR_REMODERATE_EDITS. */
  remoderateEdits?: boolean;
}

export interface Target {
  name: 'mock' | 'sqlite' | 'postgres';
  start(options?: BackendOptions): Promise<Backend>;
}

const UNTHROTTLED: RateRules = Object.fromEntries(
  Object.entries(DEFAULT_RATE_RULES).map(([name, rule]) => [name, { ...rule, limit: 1_000_000 }]),
) as RateRules;

export const TEST_MODERATOR = { name: 'equipe', password: 'mot-de-passe-equipe' };

type BareBackend = Omit<Backend, 'moderatorFetch'>;

/** Signs TEST_MODERATOR in over the API; its requests then carry the session cookie. */
async function withModerator(backend: BareBackend): Promise<Backend> {
  await backend.addModerator(TEST_MODERATOR.name, TEST_MODERATOR.password);
  const response = await backend.fetch('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_MODERATOR),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`The test moderator could not sign in (${response.status}).`);
  return {
    ...backend,
    moderatorFetch(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      return backend.fetch(path, { ...init, headers });
    },
  };
}

/** The real server over HTTP on a fresh database holding the seed. */
async function startRealServer(
  databaseUrl: string | null,
  dataDir: string,
  cleanUp: () => Promise<void>,
  { rateRules = UNTHROTTLED, now, remoderateEdits }: BackendOptions = {},
): Promise<Backend> {
  const store = await openStore({ databaseUrl, dataDir });
  await store.migrate();
  await seedIfEmpty(store);
  const api = createApi({ store, passwords: scryptPasswords, rateRules, now, remoderateEdits });
  const server = await startHttpServer({ api, store, distDir: join(dataDir, 'no-build'), host: '127.0.0.1', port: 0, log: () => {} });
  return withModerator({
    fetch: (path, init) => fetch(`${server.origin}/api${path}`, init),
    store,
    async addModerator(name, password) {
      await store.access.putModerator({ name, passwordHash: await hashPassword(password), createdAt: new Date().toISOString() });
    },
    loadGenerated: (count) => seedGenerated(store, count),
    async close() {
      await server.close();
      await store.close();
      await cleanUp();
    },
  });
}

const mock: Target = {
  name: 'mock',
  async start({ rateRules = UNTHROTTLED, now, remoderateEdits } = {}) {
    resetDb();
    // Real Cookie and Set-Cookie headers, as over HTTP: the suite checks the cookie itself.
    const handlers = headerHandlers({ rateRules, now, remoderateEdits });
    return withModerator({
      async fetch(path, init) {
        const request = new Request(`http://localhost/api${path}`, init);
        return (await getResponse(handlers, request)) ?? new Response('not handled', { status: 599 });
      },
      store: mockStore,
      async addModerator(name, password) {
        await mockStore.access.putModerator({ name, passwordHash: demoPasswordHash(password), createdAt: new Date().toISOString() });
      },
      async loadGenerated() {},
      async close() {},
    });
  },
};

const sqlite: Target = {
  name: 'sqlite',
  async start(options) {
    const dataDir = mkdtempSync(join(tmpdir(), 'reagir-contract-'));
    return startRealServer(null, dataDir, async () => rmSync(dataDir, { recursive: true, force: true }), options);
  },
};

const postgres: Target = {
  name: 'postgres',
  async start(options) {
    const schema = await freshPostgresSchema();
    const dataDir = mkdtempSync(join(tmpdir(), 'reagir-contract-'));
    return startRealServer(
      schema.url,
      dataDir,
      async () => {
        await schema.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
      options,
    );
  },
};

/** Every target this machine can run: PostgreSQL wherever it answers, and always in CI. */
export async function contractTargets(): Promise<Target[]> {
  return (await postgresAvailable()) ? [mock, sqlite, postgres] : [mock, sqlite];
}
