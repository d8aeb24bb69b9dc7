// The Kysely instance under the store: which database, reached or refused at once, and brought
// to the latest schema on demand.
import { Kysely, Migrator, sql } from 'kysely';
import { migrations } from './migrations';
import { postgresDialect } from './postgres-dialect';
import type { Database, StoreKind } from './schema';
import { SQLITE_FILE_NAME, sqliteDialect } from './sqlite-dialect';

/** The URL without its password, for messages. */
function shown(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'an unparsable URL';
  }
}

/** What went wrong, in words: pg reports a connection refused on several addresses as an AggregateError without a message. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') return error.errors.map(reasonOf).join('; ');
  return error instanceof Error ? error.message : String(error);
}

/**
 * PostgreSQL when `databaseUrl` names one, else the SQLite file in `dataDir`. Answers a
 * `select 1` before it resolves, so that a server with no database fails at start-up, saying
 * why, rather than at its first request.
 */
export async function openDatabase(databaseUrl: string | null, dataDir: string): Promise<{ db: Kysely<Database>; kind: StoreKind }> {
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL (or unset, for SQLite), not ${shown(databaseUrl)}.`);
  }
  const kind: StoreKind = databaseUrl === null ? 'sqlite' : 'postgres';
  const where = databaseUrl === null ? `SQLite at ${dataDir}/${SQLITE_FILE_NAME}` : `PostgreSQL at ${shown(databaseUrl)}`;
  const db = new Kysely<Database>({ dialect: databaseUrl === null ? sqliteDialect(dataDir) : postgresDialect(databaseUrl) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new Error(`Cannot reach the database (${where}): ${reasonOf(error)}`, { cause: error });
  }
  return { db, kind };
}

/**
 * Applies the migrations of migrations.ts not applied yet, in name order; throws if one fails.
 * On PostgreSQL, Kysely's bookkeeping tables are named in the current schema explicitly: left
 * unqualified, the Migrator takes a kysely_migration table of any other schema of the database
 * for its own, and fails.
 */
export async function migrateToLatest(db: Kysely<Database>, kind: StoreKind): Promise<void> {
  let migrationTableSchema: string | undefined;
  if (kind === 'postgres') {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
    if (migrationTableSchema === undefined) throw new Error('Migrating the database failed: no schema of the search_path exists.');
  }
  const migrator = new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results.find((result) => result.status === 'Error');
  throw new Error(`Migrating the database failed${failed ? ` (${failed.migrationName})` : ''}: ${reasonOf(error)}`, { cause: error });
}
