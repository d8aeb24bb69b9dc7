// The schema's versions, listed here rather than read from a folder: the server is bundled and
// run from anywhere, and a migration must run the same on SQLite and PostgreSQL. Each one is
// named `NNN-what`, applied once, in name order, by Kysely's Migrator (open-store.ts).
//
// The few dialect differences are decided here and nowhere else:
// - in PostgreSQL, ids and slugs are `collate "C"`: keyset pages compare ids the way the core
//   does (code unit order in JS, byte order in SQLite), whatever the database's locale;
// - reports get their insertion order from an identity column (PostgreSQL) or an
//   autoincrementing rowid (SQLite).
import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The indexes every read of a thread or a queue walks instead of the whole table (see docs/decisions/002-storage.md). */
async function createDiscussionIndexes(db: Kysely<unknown>): Promise<void> {
  // Top-level pages, one index per order, holding only what a page can show. An order that is
  // descending everywhere ('newest', 'replies', 'recommended') reads its index backwards.
  const topLevel = sql<boolean>`parent_id is null and visible = 1`;
  await db.schema.createIndex('comments_top_by_time').on('comments').columns(['article_slug', 'created_ms', 'id']).where(topLevel).execute();
  await db.schema
    .createIndex('comments_top_by_replies')
    .on('comments')
    .columns(['article_slug', 'descendant_count', 'created_ms', 'id'])
    .where(topLevel)
    .execute();
  await db.schema
    .createIndex('comments_top_by_recommendations')
    .on('comments')
    .columns(['article_slug', 'recommendations', 'created_ms', 'id'])
    .where(topLevel)
    .execute();
  // Replies of a parent, oldest first: a page, or the first few of each parent of a page.
  await db.schema
    .createIndex('comments_replies')
    .on('comments')
    .columns(['parent_id', 'created_ms', 'id'])
    .where(sql<boolean>`visible = 1`)
    .execute();
  // Moderation queues, oldest first.
  await db.schema.createIndex('comments_by_status').on('comments').columns(['status', 'created_ms', 'id']).execute();
  // The 'reported' queue and count: the few comments with reports nobody answered yet.
  await db.schema.createIndex('reports_open').on('reports').column('comment_id').where(sql<boolean>`answered = 0`).execute();
}

export const migrations: Record<string, Migration> = {
  '001-discussion': {
    async up(db: Kysely<unknown>) {
      const postgres = isPostgres(db);
      const key = postgres ? sql`text collate "C"` : sql`text`;

      await db.schema
        .createTable('articles')
        .addColumn('slug', key, (col) => col.primaryKey())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('standfirst', 'text', (col) => col.notNull())
        .addColumn('word_count', 'integer', (col) => col.notNull())
        .addColumn('photo_json', 'text')
        .addColumn('body_json', 'text', (col) => col.notNull())
        .addColumn('published_count', 'integer', (col) => col.notNull())
        .addColumn('top_level_count', 'integer', (col) => col.notNull())
        .execute();

      // No foreign key on parent_id: the core counts a reply whose parent is not stored as a
      // thread of its own (count-discussion.ts), and a bulk import need not order parents first.
      await db.schema
        .createTable('comments')
        .addColumn('id', key, (col) => col.primaryKey())
        .addColumn('article_slug', key, (col) => col.notNull().references('articles.slug'))
        .addColumn('parent_id', key)
        .addColumn('author', 'text', (col) => col.notNull())
        .addColumn('email', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('created_ms', 'bigint', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'published', 'rejected')`))
        .addColumn('reply_count', 'integer', (col) => col.notNull())
        .addColumn('descendant_count', 'integer', (col) => col.notNull())
        .addColumn('recommendations', 'integer', (col) => col.notNull())
        .addColumn('visible', 'integer', (col) => col.notNull().check(sql`visible in (0, 1)`))
        .addColumn('decision_reason', 'text')
        // Unique, so that of two requests racing with one key exactly one inserts.
        .addColumn('idempotency_key', key, (col) => col.unique())
        .execute();

      await db.schema
        .createTable('recommendations')
        .addColumn('comment_id', key, (col) => col.notNull().references('comments.id'))
        .addColumn('client_token', key, (col) => col.notNull())
        .addPrimaryKeyConstraint('recommendations_pk', ['comment_id', 'client_token'])
        .execute();

      await db.schema
        .createTable('reports')
        .addColumn('seq', postgres ? 'bigint' : 'integer', (col) =>
          postgres ? col.primaryKey().generatedAlwaysAsIdentity() : col.primaryKey().autoIncrement(),
        )
        .addColumn('comment_id', key, (col) => col.notNull().references('comments.id'))
        .addColumn('client_token', key, (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('details', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('answered', 'integer', (col) => col.notNull().check(sql`answered in (0, 1)`))
        // One report per reader and comment; also the index openReports(ids) reads.
        .addUniqueConstraint('reports_once_per_reader', ['comment_id', 'client_token'])
        .execute();

      await createDiscussionIndexes(db);
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['reports', 'recommendations', 'comments', 'articles']) await db.schema.dropTable(table).execute();
    },
  },
  '002-access': {
    async up(db: Kysely<unknown>) {
      const key = isPostgres(db) ? sql`text collate "C"` : sql`text`;
      await db.schema
        .createTable('moderators')
        .addColumn('name', key, (col) => col.primaryKey())
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      // No foreign key: removing a moderator deletes their sessions in the same statement's
      // transaction (sql-access-store.ts), on both databases alike.
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', key, (col) => col.primaryKey())
        .addColumn('moderator_name', key, (col) => col.notNull())
        .addColumn('created_ms', 'bigint', (col) => col.notNull())
        .addColumn('last_seen_ms', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('sessions_by_moderator').on('sessions').column('moderator_name').execute();
      await db.schema
        .createTable('throttle_counts')
        .addColumn('key', key, (col) => col.primaryKey())
        .addColumn('window_start_ms', 'bigint', (col) => col.notNull())
        .addColumn('count', 'integer', (col) => col.notNull())
        .execute();
      // Forgetting old counts (and the hashed addresses they name) walks this, not the table.
      await db.schema.createIndex('throttle_counts_by_window').on('throttle_counts').column('window_start_ms').execute();
      await db.schema
        .createTable('bans')
        .addColumn('id', key, (col) => col.primaryKey())
        .addColumn('email', key, (col) => col.notNull().unique())
        .addColumn('author', 'text', (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('moderator', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('settings')
        .addColumn('name', key, (col) => col.primaryKey())
        .addColumn('value_json', 'text', (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['settings', 'bans', 'throttle_counts', 'sessions', 'moderators']) await db.schema.dropTable(table).execute();
    },
  },
  '003-author-changes': {
    async up(db: Kysely<unknown>) {
      // Added columns, null for every comment already stored: seeded and imported comments have no
      // author token (nobody may change them), and their publication counts from their post.
      const key = isPostgres(db) ? sql`text collate "C"` : sql`text`;
      await db.schema.alterTable('comments').addColumn('author_token_hash', key).execute();
      for (const column of ['published_at', 'edited_at', 'deleted_at']) {
        await db.schema.alterTable('comments').addColumn(column, 'text').execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['deleted_at', 'edited_at', 'published_at', 'author_token_hash']) {
        await db.schema.alterTable('comments').dropColumn(column).execute();
      }
    },
  },
  // Named after 003 on purpose: 003 is the authors' edits, written at the same time.
  '004-discussion-events': {
    async up(db: Kysely<unknown>) {
      const key = isPostgres(db) ? sql`text collate "C"` : sql`text`;
      // An article's events, numbered per article: replaying after N walks the primary key.
      await db.schema
        .createTable('discussion_events')
        .addColumn('article_slug', key, (col) => col.notNull())
        .addColumn('id', 'integer', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('data', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('discussion_events_pk', ['article_slug', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('discussion_events').execute();
    },
  },
};
