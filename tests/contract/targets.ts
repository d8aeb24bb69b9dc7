// The three backends the contract suite runs against, each behind the same `fetch`: the mock's
// MSW handlers in-process (over the core's in-memory store), and the real server over real HTTP
// on SQLite and on PostgreSQL. Each test gets a backend of its own, freshly seeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import pg from 'pg';
import type { Store } from '../../src/core/store';
import { createApi } from '../../src/http/api';
import { resetDb, store as mockStore } from '../../src/mock/db';
import { handlers } from '../../src/mock/handlers';
import { startHttpServer } from '../../src/server/http-server';
import { seedGenerated, seedIfEmpty } from '../../src/server/seed';
import { openStore } from '../../src/server/store/open-store';

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

/** Where the PostgreSQL tests go: TEST_DATABASE_URL, or the machine's own server. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database of its own in the test database: a schema, named in the connection's search_path. */
export async function freshPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
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

/**
 * Every target this machine can run. PostgreSQL is part of the suite wherever a server is
 * reachable; in CI it must be (`.ci/run` starts one), and its absence fails the run.
 */
export async function contractTargets(): Promise<Target[]> {
  if (await postgresReachable()) return [mock, sqlite, postgres];
  if (process.env.CI) throw new Error(`PostgreSQL is required in CI and unreachable at ${TEST_DATABASE_URL}.`);
  console.warn(`PostgreSQL unreachable at ${TEST_DATABASE_URL}: the contract suite runs on the mock and SQLite only.`);
  return [mock, sqlite];
}
