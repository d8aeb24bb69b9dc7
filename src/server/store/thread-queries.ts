// The queries that read a discussion or a moderation queue a page at a time. Each one walks an
// index of migrations.ts from the page's start and stops after `limit` rows: its cost is the
// page's, not the discussion's. They are built here, apart from the store, so that
// query-plans.ts explains exactly the SQL the store runs.
import { type Compilable, type Kysely, type Selectable, sql } from 'kysely';
import type { CommentSort } from '../../shared/contract';
import type { ModerationQueue } from '../../shared/moderation-contract';
import type { ReplyKey, ThreadKey } from '../../core/store';
import { THREAD_ORDERS } from '../../core/thread-order';
import type { CommentsTable, Database, StoreKind } from './schema';

export type Db = Kysely<Database>;

/** A query whose rows are comments (and maybe more columns, which rows.ts leaves out). */
export type ReadsComments = Compilable & { execute(): Promise<Array<Selectable<CommentsTable>>> };

const COUNT_COLUMNS = { descendantCount: 'descendant_count', recommendations: 'recommendations' } as const;

/**
 * Visible top-level comments of an article, in `sort` order, strictly after `after`. The
 * conditions `parent_id is null` and `visible = 1` are written as literals, as the partial
 * indexes are: SQLite uses a partial index only when the query repeats its condition.
 */
export function topLevelQuery(db: Db, slug: string, sort: CommentSort, after: ThreadKey | null, limit: number) {
  const order = THREAD_ORDERS[sort];
  const count = order.count === null ? null : COUNT_COLUMNS[order.count];
  const later = order.time === 'asc' ? '>' : '<';
  let query = db
    .selectFrom('comments')
    .selectAll()
    .where('article_slug', '=', slug)
    .where('parent_id', 'is', null)
    .where((eb) => eb('visible', '=', eb.lit(1)));
  if (after !== null) {
    query = query.where((eb) => {
      const timeAfter = eb(eb.refTuple('created_ms', 'id'), later, eb.tuple(after.time, after.id));
      if (count === null) return timeAfter;
      // The count is always largest first; when time runs the same way, one row-value
      // comparison is the whole keyset condition, and an index range.
      if (later === '<') return eb(eb.refTuple(count, 'created_ms', 'id'), '<', eb.tuple(after.count, after.time, after.id));
      return eb.or([eb(count, '<', after.count), eb.and([eb(count, '=', after.count), timeAfter])]);
    });
  }
  if (count !== null) query = query.orderBy(count, 'desc');
  return query.orderBy('created_ms', order.time).orderBy('id', order.time).limit(limit);
}

/** Visible direct replies of a parent, oldest first, strictly after `after`. */
export function repliesQuery(db: Db, parentId: string, after: ReplyKey | null, limit: number) {
  let query = db
    .selectFrom('comments')
    .selectAll()
    .where('parent_id', '=', parentId)
    .where((eb) => eb('visible', '=', eb.lit(1)));
  if (after !== null) query = query.where((eb) => eb(eb.refTuple('created_ms', 'id'), '>', eb.tuple(after.time, after.id)));
  return query.orderBy('created_ms').orderBy('id').limit(limit);
}

/**
 * The first `perParent` visible replies of each parent, in one statement, whatever the number
 * of parents. PostgreSQL: for each parent, a LIMITed range of comments_replies (a lateral join
 * over the ids as one array parameter), so a comment with thousands of replies costs `perParent`
 * rows. SQLite has no lateral join: row_number() numbers the visible replies of the parents in
 * the same index's order and keeps the first ones; it reads every visible reply of those parents,
 * in process, without a round trip (measured in docs/decisions/002-storage.md). UNION ALL of one
 * LIMITed query per parent, bounded on both, compiled and planned 2 to 10 times slower.
 */
export function firstRepliesQuery(db: Db, kind: StoreKind, parentIds: readonly string[], perParent: number): ReadsComments {
  if (kind === 'postgres') {
    return db
      .selectFrom(sql<{ parent: string }>`unnest(${[...parentIds]}::text[])`.as('parent'))
      .crossJoinLateral((eb) =>
        eb
          .selectFrom('comments')
          .selectAll()
          .whereRef('comments.parent_id', '=', 'parent.parent')
          .where((w) => w('visible', '=', w.lit(1)))
          .orderBy('created_ms')
          .orderBy('id')
          .limit(perParent)
          .as('reply'),
      )
      .selectAll('reply');
  }
  const numbered = db
    .selectFrom('comments')
    .selectAll()
    .select((eb) => eb.fn.agg<number>('row_number').over((over) => over.partitionBy('parent_id').orderBy('created_ms').orderBy('id')).as('place'))
    .where('parent_id', 'in', parentIds)
    .where((eb) => eb('visible', '=', eb.lit(1)))
    .as('numbered');
  return db.selectFrom(numbered).selectAll().where('place', '<=', perParent);
}

/** The comment's ancestors, its parent first: a walk up parent_id, one primary-key lookup a level. */
export function ancestorsQuery(db: Db, id: string) {
  return db
    .withRecursive('chain(id, depth)', (qb) =>
      qb
        .selectFrom('comments')
        .select((eb) => ['parent_id as id', eb.lit(1).as('depth')])
        .where('id', '=', id)
        .unionAll((union) =>
          union
            .selectFrom('chain')
            .innerJoin('comments', 'comments.id', 'chain.id')
            .select((eb) => ['comments.parent_id as id', eb(eb.ref('chain.depth'), '+', eb.lit(1)).as('depth')]),
        ),
    )
    .selectFrom('chain')
    .innerJoin('comments', 'comments.id', 'chain.id')
    .selectAll('comments')
    .orderBy('chain.depth');
}

/**
 * A moderation queue, oldest first. 'reported' is the published comments with open reports:
 * read from the few open reports (an index of them only) to the comments, then sorted, rather
 * than down every published comment in order until enough have reports. CROSS JOIN tells
 * SQLite's planner which table comes first; PostgreSQL reads it as a plain join and plans it.
 */
export function moderationQueueQuery(db: Db, queue: ModerationQueue, limit: number) {
  if (queue !== 'reported') {
    // Comments their authors deleted are in no queue.
    return db
      .selectFrom('comments')
      .selectAll()
      .where('status', '=', queue)
      .where('deleted_at', 'is', null)
      .orderBy('created_ms')
      .orderBy('id')
      .limit(limit);
  }
  const reported = db
    .selectFrom('reports')
    .select('comment_id')
    .distinct()
    .where((eb) => eb('answered', '=', eb.lit(0)))
    .as('reported');
  return db
    .selectFrom(reported)
    .crossJoin('comments')
    .selectAll('comments')
    .whereRef('comments.id', '=', 'reported.comment_id')
    .where('comments.status', '=', 'published')
    .orderBy('comments.created_ms')
    .orderBy('comments.id')
    .limit(limit);
}
