// Opens the real server's store: PostgreSQL when DATABASE_URL names one, else a SQLite file in
// the data directory (database.ts). Migrating is a separate step, so that the server decides
// when the schema may change.
import type { Store } from '../../core/store';
import { migrateToLatest, openDatabase } from './database';
import { postgresSignal } from './postgres-signal';
import { createSqlStore } from './sql-store';

export interface StoreConfig {
  databaseUrl: string | null;
  dataDir: string;
}

export interface ServerStore extends Store {
  kind: 'sqlite' | 'postgres';
  /** runs pending migrations */
  migrate(): Promise<void>;
}

export async function openStore(config: StoreConfig): Promise<ServerStore> {
  const { db, kind } = await openDatabase(config.databaseUrl, config.dataDir);
  // One process holds a SQLite file: the signal stays in it. PostgreSQL's reaches every process.
  const signal = kind === 'postgres' && config.databaseUrl !== null ? postgresSignal(db, config.databaseUrl) : undefined;
  return { ...createSqlStore(db, kind, signal), kind, migrate: () => migrateToLatest(db, kind) };
}
