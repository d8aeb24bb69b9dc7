// The Store over Kysely, the same code for SQLite and PostgreSQL: reads on the main executor,
// every write in one transaction, and, on PostgreSQL, the article's lock held by that
// transaction so that two processes never interleave decisions on one discussion.
import { sql } from 'kysely';
import { localSignal, type LiveSignal } from '../../core/live-signal';
import type { Store, StoreDump } from '../../core/store';
import { createSqlAccessStore } from './sql-access-store';
import { articleRecord, commentRecord, reportRecord } from './rows';
import { sqlReads } from './sql-reads';
import { sqlWrites } from './sql-writes';
import type { StoreKind } from './schema';
import type { Db } from './thread-queries';

export function createSqlStore(db: Db, kind: StoreKind, signal: LiveSignal = localSignal()): Store {
  return {
    ...sqlReads(db, kind),
    access: createSqlAccessStore(db),
    signal,
    write(lock, work) {
      return db.transaction().execute(async (tx) => {
        // SQLite has one connection and Kysely lends it to one transaction at a time: writes
        // are already serialised. PostgreSQL's advisory lock is released with the transaction.
        if (kind === 'postgres' && lock !== null) await sql`select pg_advisory_xact_lock(hashtext(${lock}))`.execute(tx);
        return work(sqlWrites(tx, kind));
      });
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async dump(): Promise<StoreDump> {
      // One transaction, and on PostgreSQL one snapshot: an export taken while readers post and
      // recommend is still a state the database was in.
      const snapshot = kind === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
      const { articles, comments, reports, recommendations } = await snapshot.execute(async (tx) => ({
        articles: await tx.selectFrom('articles').selectAll().orderBy('slug').execute(),
        comments: await tx.selectFrom('comments').selectAll().orderBy('created_ms').orderBy('id').execute(),
        reports: await tx.selectFrom('reports').selectAll().orderBy('seq').execute(),
        recommendations: await tx.selectFrom('recommendations').selectAll().orderBy('comment_id').orderBy('client_token').execute(),
      }));
      return {
        articles: articles.map(articleRecord),
        comments: comments.map(commentRecord),
        reports: reports.map(reportRecord),
        recommendations: recommendations.map((row) => ({ commentId: row.comment_id, clientToken: row.client_token })),
      };
    },
    async isEmpty() {
      return (await db.selectFrom('articles').select('slug').limit(1).executeTakeFirst()) === undefined;
    },
    async close() {
      await signal.close();
      await db.destroy();
    },
  };
}
