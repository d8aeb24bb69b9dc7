// The PostgreSQL the tests use: TEST_DATABASE_URL, or the machine's own server. Each test store
// or server gets a schema of its own in that database, named in its connection's search_path,
// and drops it afterwards.
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
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

let available: Promise<boolean> | undefined;

/**
 * Whether the PostgreSQL tests run: wherever a server answers; in CI it must (`.ci/run` starts
 * one), and its absence fails the run rather than quietly testing less.
 */
export function postgresAvailable(): Promise<boolean> {
  available ??= reachable().then((answers) => {
    if (answers) return true;
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI and unreachable at ${TEST_DATABASE_URL}.`);
    console.warn(`PostgreSQL unreachable at ${TEST_DATABASE_URL}: the PostgreSQL tests do not run here.`);
    return false;
  });
  return available;
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

