// Opens the real server's store: PostgreSQL when DATABASE_URL names one, else a SQLite file in
// the data directory (database.ts). Migrating is a separate step, so that the server decides
// when the schema may change.
import type { Store } from '../../core/store';
import { migrateToLatest, openDatabase } from './database';
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
  return { ...createSqlStore(db, kind), kind, migrate: () => migrateToLatest(db, kind) };
}
