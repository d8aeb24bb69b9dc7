// The access store (core/access-store.ts) in SQL, the same statements on SQLite and PostgreSQL.
// Each operation is one statement, or two in one transaction (removing a moderator and their
// sessions); a throttle count is one upsert, so that concurrent requests in several processes
// count every event exactly once.
import { sql, type Selectable } from 'kysely';
import type { AccessStore, BanRecord, WordLists } from '../../core/access-store';
import type { BansTable } from './schema';
import type { Db } from './thread-queries';

const WORD_LISTS = 'word-lists';

function banRecord(row: Selectable<BansTable>): BanRecord {
  return { id: row.id, email: row.email, author: row.author, reason: row.reason, moderator: row.moderator, createdAt: row.created_at };
}

function wordListsOf(json: string | undefined): WordLists {
  if (json === undefined) return { banned: [], suspect: [] };
  const parsed = JSON.parse(json) as Partial<WordLists>;
  return { banned: parsed.banned ?? [], suspect: parsed.suspect ?? [] };
}

export function createSqlAccessStore(db: Db): AccessStore {
  return {
    async moderator(name) {
      const row = await db.selectFrom('moderators').selectAll().where('name', '=', name).executeTakeFirst();
      return row && { name: row.name, passwordHash: row.password_hash, createdAt: row.created_at };
    },
    async moderators() {
      const rows = await db.selectFrom('moderators').selectAll().orderBy('created_at').orderBy('name').execute();
      return rows.map((row) => ({ name: row.name, passwordHash: row.password_hash, createdAt: row.created_at }));
    },
    async putModerator(record) {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('sessions').where('moderator_name', '=', record.name).execute();
        await tx
          .insertInto('moderators')
          .values({ name: record.name, password_hash: record.passwordHash, created_at: record.createdAt })
          .onConflict((oc) => oc.column('name').doUpdateSet({ password_hash: record.passwordHash }))
          .execute();
      });
    },
    async removeModerator(name) {
      return db.transaction().execute(async (tx) => {
        await tx.deleteFrom('sessions').where('moderator_name', '=', name).execute();
        const result = await tx.deleteFrom('moderators').where('name', '=', name).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },
    async session(tokenHash) {
      const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && { tokenHash: row.token_hash, moderator: row.moderator_name, createdMs: Number(row.created_ms), lastSeenMs: Number(row.last_seen_ms) };
    },
    async insertSession(record) {
      await db
        .insertInto('sessions')
        .values({ token_hash: record.tokenHash, moderator_name: record.moderator, created_ms: record.createdMs, last_seen_ms: record.lastSeenMs })
        .execute();
    },
    async touchSession(tokenHash, lastSeenMs) {
      await db.updateTable('sessions').set({ last_seen_ms: lastSeenMs }).where('token_hash', '=', tokenHash).execute();
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async hit(key, windowMs, nowMs) {
      // A window that has ended starts again with this event; otherwise the event is counted in it.
      const ended = sql<boolean>`throttle_counts.window_start_ms <= ${nowMs - windowMs}`;
      const row = await db
        .insertInto('throttle_counts')
        .values({ key, window_start_ms: nowMs, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when ${ended} then 1 else throttle_counts.count + 1 end`,
            window_start_ms: sql<number>`case when ${ended} then ${nowMs} else throttle_counts.window_start_ms end`,
          }),
        )
        .returning(['count', 'window_start_ms'])
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), windowStartMs: Number(row.window_start_ms) };
    },
    async peek(key, windowMs, nowMs) {
      const row = await db
        .selectFrom('throttle_counts')
        .select(['count', 'window_start_ms'])
        .where('key', '=', key)
        .where('window_start_ms', '>', nowMs - windowMs)
        .executeTakeFirst();
      return row && { count: Number(row.count), windowStartMs: Number(row.window_start_ms) };
    },
    async ban(email) {
      const row = await db.selectFrom('bans').selectAll().where('email', '=', email).executeTakeFirst();
      return row && banRecord(row);
    },
    async bans() {
      return (await db.selectFrom('bans').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()).map(banRecord);
    },
    async putBan(record) {
      const { id, email, ...rest } = { id: record.id, email: record.email, author: record.author, reason: record.reason, moderator: record.moderator, created_at: record.createdAt };
      await db
        .insertInto('bans')
        .values({ id, email, ...rest })
        .onConflict((oc) => oc.column('email').doUpdateSet({ id, ...rest }))
        .execute();
    },
    async removeBan(id) {
      const result = await db.deleteFrom('bans').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async wordLists() {
      const row = await db.selectFrom('settings').select('value_json').where('name', '=', WORD_LISTS).executeTakeFirst();
      return wordListsOf(row?.value_json);
    },
    async setWordLists(lists) {
      const value_json = JSON.stringify({ banned: lists.banned, suspect: lists.suspect });
      await db
        .insertInto('settings')
        .values({ name: WORD_LISTS, value_json })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value_json }))
        .execute();
    },
    async forget({ countsBeforeMs, sessionsBeforeMs, sessionsCreatedBeforeMs }) {
      await db.deleteFrom('throttle_counts').where('window_start_ms', '<', countsBeforeMs).execute();
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('last_seen_ms', '<', sessionsBeforeMs), eb('created_ms', '<', sessionsCreatedBeforeMs)]))
        .execute();
    },
  };
}
