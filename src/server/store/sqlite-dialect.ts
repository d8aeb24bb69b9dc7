// SQLite for a server that runs alone: one file in the data directory, one connection, and
// what makes a committed write durable and two writers polite.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, SqliteDialect, type SqliteDialectConfig, SqliteDriver, type Driver } from 'kysely';

export const SQLITE_FILE_NAME = 'reagir.sqlite';

/**
 * Transactions that take the write lock when they begin. With SQLite's default deferred BEGIN, a
 * transaction that reads first and writes later can find another process holding the lock and
 * fail with SQLITE_BUSY at once, whatever busy_timeout says; BEGIN IMMEDIATE waits for it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdirSync loops forever where mkdir answers
 * ENOENT under a parent that exists (a path in /proc), instead of failing.
 */
function makeDirectory(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  fs.mkdirSync(dir);
}

/** Statements kept prepared: a page of the discussion runs the same few, every request. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * The database as Kysely sees it, preparing each SQL text once: Kysely's SQLite driver asks
 * better-sqlite3 to prepare every query anew, which cost more than running it (measured: a
 * first page of generated-20000 took 12.9 ms through Kysely against 1.2 ms for its statements
 * run directly). Statements are run one at a time on this one connection, so sharing is safe.
 */
function withPreparedStatements(database: Database.Database): SqliteDialectConfig['database'] {
  const prepared = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string) {
      let statement = prepared.get(sqlText);
      if (statement) {
        // Most recently used last, so that the oldest is the one dropped.
        prepared.delete(sqlText);
      } else {
        statement = database.prepare(sqlText);
        if (prepared.size >= STATEMENT_CACHE_SIZE) prepared.delete(prepared.keys().next().value as string);
      }
      prepared.set(sqlText, statement);
      return statement;
    },
  };
}

export function sqliteDialect(dataDir: string): SqliteDialect {
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  let database: Database.Database;
  try {
    makeDirectory(path.resolve(dataDir));
    database = new Database(file);
  } catch (error) {
    throw new Error(`Cannot open the SQLite database ${file}: ${(error as Error).message}`, { cause: error });
  }
  // WAL: readers never wait for the writer. synchronous = FULL: in WAL mode, NORMAL may lose
  // the last commits on a power loss; FULL syncs the log at each commit, so an answered write
  // survives a SIGKILL or a crash of the machine.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Another process (an export, a second server by mistake) waits up to 5 s rather than failing.
  database.pragma('busy_timeout = 5000');
  return new ImmediateSqliteDialect({ database: withPreparedStatements(database) });
}
