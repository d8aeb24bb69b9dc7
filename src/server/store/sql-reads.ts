// The store's reads over one Kysely executor: the main connection (or pool) outside a write,
// the transaction inside one. Lists that the in-memory store returns in the caller's order
// (comments by ids, first replies by parents) are put back in that order here.
import type { ModerationCounts, StoreReads } from '../../core/store';
import type { CommentRecord } from '../../core/records';
import type { StoreKind } from './schema';
import { articleRecord, commentRecord, reportRecord } from './rows';
import { ancestorsQuery, type Db, firstRepliesQuery, moderationQueueQuery, repliesQuery, topLevelQuery } from './thread-queries';

/** Ids per statement for `in (…)` lists, far below SQLite's 32,766 parameters; a page asks for a few dozen. */
const IDS_PER_QUERY = 500;

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) out.push(...(await read(unique.slice(start, start + IDS_PER_QUERY))));
  return out;
}

/** `records` in the order of `ids`, each id as many times as asked, as the in-memory store answers. */
function inOrderOf(ids: readonly string[], records: readonly CommentRecord[], keyOf: (record: CommentRecord) => string | null) {
  const byKey = new Map<string, CommentRecord[]>();
  for (const record of records) {
    const key = keyOf(record);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  return ids.flatMap((id) => byKey.get(id) ?? []);
}

/**
 * A limit of 0 or less reads nothing, as slicing does in memory; SQL would not agree (SQLite
 * reads everything under LIMIT -1, PostgreSQL refuses it), hence the early returns.
 */
export function sqlReads(db: Db, kind: StoreKind): StoreReads {
  return {
    async article(slug) {
      const row = await db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && articleRecord(row);
    },
    async comment(id) {
      const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && commentRecord(row);
    },
    async comments(ids) {
      const rows = await inChunks(ids, (chunk) => db.selectFrom('comments').selectAll().where('id', 'in', chunk).execute());
      return inOrderOf(ids, rows.map(commentRecord), (record) => record.id);
    },
    async commentByIdempotencyKey(key) {
      const row = await db.selectFrom('comments').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      return row && commentRecord(row);
    },
    async topLevel(slug, sort, after, limit) {
      if (limit <= 0) return [];
      return (await topLevelQuery(db, slug, sort, after, limit).execute()).map(commentRecord);
    },
    async firstReplies(parentIds, perParent) {
      if (perParent <= 0) return [];
      const rows = await inChunks(parentIds, (chunk) => firstRepliesQuery(db, kind, chunk, perParent).execute());
      return inOrderOf(parentIds, rows.map(commentRecord), (record) => record.parentId);
    },
    async replies(parentId, after, limit) {
      if (limit <= 0) return [];
      return (await repliesQuery(db, parentId, after, limit).execute()).map(commentRecord);
    },
    async ancestors(id) {
      return (await ancestorsQuery(db, id).execute()).map(commentRecord);
    },
    async moderationQueue(queue, limit) {
      if (limit <= 0) return [];
      return (await moderationQueueQuery(db, queue, limit).execute()).map(commentRecord);
    },
    async moderationCounts(): Promise<ModerationCounts> {
      const counts: ModerationCounts = { pending: 0, reported: 0, published: 0, rejected: 0 };
      const byStatus = await db
        .selectFrom('comments')
        .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
        .where('deleted_at', 'is', null)
        .groupBy('status')
        .execute();
      for (const { status, count } of byStatus) counts[status] = Number(count);
      const reported = await db
        .selectFrom('reports')
        .innerJoin('comments', 'comments.id', 'reports.comment_id')
        .select((eb) => eb.fn.count<number>('reports.comment_id').distinct().as('count'))
        .where((eb) => eb('reports.answered', '=', eb.lit(0)))
        .where('comments.status', '=', 'published')
        .executeTakeFirstOrThrow();
      counts.reported = Number(reported.count);
      return counts;
    },
    async openReports(commentIds) {
      const rows = await inChunks(commentIds, (chunk) =>
        db
          .selectFrom('reports')
          .selectAll()
          .where('comment_id', 'in', chunk)
          .where((eb) => eb('answered', '=', eb.lit(0)))
          .execute(),
      );
      return rows.sort((a, b) => a.seq - b.seq).map(reportRecord);
    },
    async lastEventId(slug) {
      const row = await db
        .selectFrom('discussion_events')
        .select('id')
        .where('article_slug', '=', slug)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.id ?? 0;
    },
    async discussionEvents(slug, after, limit) {
      return db
        .selectFrom('discussion_events')
        .select(['id', 'type', 'data'])
        .where('article_slug', '=', slug)
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute();
    },
  };
}
