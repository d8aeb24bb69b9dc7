// The three backends the contract suite runs against, each behind the same `fetch`: the mock's
// MSW handlers in-process (over the core's in-memory store), and the real server over real HTTP
// on SQLite and on PostgreSQL. Each test gets a backend of its own, freshly seeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import type { Store } from '../../src/core/store';
import { createApi } from '../../src/http/api';
import { resetDb, store as mockStore } from '../../src/mock/db';
import { handlers } from '../../src/mock/handlers';
import { startHttpServer } from '../../src/server/http-server';
import { seedGenerated, seedIfEmpty } from '../../src/server/seed';
import { openStore } from '../../src/server/store/open-store';
import { freshPostgresSchema, postgresAvailable } from '../server/postgres';

export interface Backend {
  /** A request to the API: `path` is under /api, as in the contract. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** What the backend stores, emails included: for checking what was stored, never for answers. */
  store: Store;
  /** Makes `generated-N` exist (the mock computes it on first use; a database loads it). */
  loadGenerated(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface Target {
  name: 'mock' | 'sqlite' | 'postgres';
  start(): Promise<Backend>;
}

/** The real server over HTTP on a fresh database holding the seed. */
async function startRealServer(databaseUrl: string | null, dataDir: string, cleanUp: () => Promise<void>): Promise<Backend> {
  const store = await openStore({ databaseUrl, dataDir });
  await store.migrate();
  await seedIfEmpty(store);
  const api = createApi({ store });
  const server = await startHttpServer({ api, store, distDir: join(dataDir, 'no-build'), host: '127.0.0.1', port: 0, log: () => {} });
  return {
    fetch: (path, init) => fetch(`${server.origin}/api${path}`, init),
    store,
    loadGenerated: (count) => seedGenerated(store, count),
    async close() {
      await server.close();
      await store.close();
      await cleanUp();
    },
  };
}

const mock: Target = {
  name: 'mock',
  async start() {
    resetDb();
    return {
      async fetch(path, init) {
        const request = new Request(`http://localhost/api${path}`, init);
        return (await getResponse(handlers, request)) ?? new Response('not handled', { status: 599 });
      },
      store: mockStore,
      async loadGenerated() {},
      async close() {},
    };
  },
};

const sqlite: Target = {
  name: 'sqlite',
  async start() {
    const dataDir = mkdtempSync(join(tmpdir(), 'reagir-contract-'));
    return startRealServer(null, dataDir, async () => rmSync(dataDir, { recursive: true, force: true }));
  },
};

const postgres: Target = {
  name: 'postgres',
  async start() {
    const schema = await freshPostgresSchema();
    const dataDir = mkdtempSync(join(tmpdir(), 'reagir-contract-'));
    return startRealServer(schema.url, dataDir, async () => {
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
  },
};

/** Every target this machine can run: PostgreSQL wherever it answers, and always in CI. */
export async function contractTargets(): Promise<Target[]> {
  return (await postgresAvailable()) ? [mock, sqlite, postgres] : [mock, sqlite];
}
