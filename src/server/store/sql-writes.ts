// The store's writes, inside the transaction `write` opened (sql-store.ts). Uniqueness is the
// database's job, not a read before an insert: ON CONFLICT … DO NOTHING, then the number of
// rows it inserted says whether this call stored something.
import { KEPT_EVENTS } from '../../core/discussion-events';
import type { Transaction, Updateable } from 'kysely';
import type { CommentPatch, StoreWrites } from '../../core/store';
import type { CommentsTable, Database, StoreKind } from './schema';
import { articleRow, commentRow, flag, reportRow } from './rows';
import { sqlReads } from './sql-reads';

/**
 * Rows per multi-row INSERT: 500 comments are 7,500 parameters, under SQLite's 32,766 and
 * PostgreSQL's 65,535, and few enough statements that 20,000 comments go in well under 2 s.
 */
const ROWS_PER_INSERT = 500;

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) out.push(rows.slice(start, start + ROWS_PER_INSERT));
  return out;
}

function commentChanges(patch: CommentPatch): Updateable<CommentsTable> {
  const changes: Updateable<CommentsTable> = {};
  if (patch.status !== undefined) changes.status = patch.status;
  if (patch.decisionReason !== undefined) changes.decision_reason = patch.decisionReason;
  if (patch.replyCount !== undefined) changes.reply_count = patch.replyCount;
  if (patch.descendantCount !== undefined) changes.descendant_count = patch.descendantCount;
  if (patch.visible !== undefined) changes.visible = flag(patch.visible);
  if (patch.body !== undefined) changes.body = patch.body;
  if (patch.authorTokenHash !== undefined) changes.author_token_hash = patch.authorTokenHash;
  if (patch.publishedAt !== undefined) changes.published_at = patch.publishedAt;
  if (patch.editedAt !== undefined) changes.edited_at = patch.editedAt;
  if (patch.deletedAt !== undefined) changes.deleted_at = patch.deletedAt;
  return changes;
}

const inserted = (result: { numInsertedOrUpdatedRows?: bigint | undefined }) => Number(result.numInsertedOrUpdatedRows ?? 0) > 0;

export function sqlWrites(tx: Transaction<Database>, kind: StoreKind): StoreWrites {
  async function countRecommendation(commentId: string, delta: 1 | -1): Promise<void> {
    await tx
      .updateTable('comments')
      .set((eb) => ({ recommendations: eb('recommendations', '+', delta) }))
      .where('id', '=', commentId)
      .execute();
  }

  const reads = sqlReads(tx, kind);
  return {
    ...reads,
    async insertArticle(record) {
      // Stored again under the same slug, an article replaces the one before, as in memory.
      const { slug, ...rest } = articleRow(record);
      await tx
        .insertInto('articles')
        .values({ slug, ...rest })
        .onConflict((oc) => oc.column('slug').doUpdateSet(rest))
        .execute();
    },
    async insertComments(records) {
      for (const batch of batches(records)) await tx.insertInto('comments').values(batch.map(commentRow)).execute();
    },
    async insertComment(record) {
      const result = await tx
        .insertInto('comments')
        .values(commentRow(record))
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
    async updateComment(id, patch) {
      const changes = commentChanges(patch);
      if (Object.keys(changes).length === 0) return;
      await tx.updateTable('comments').set(changes).where('id', '=', id).execute();
    },
    async updateArticleCounts(slug, counts) {
      await tx
        .updateTable('articles')
        .set({ published_count: counts.publishedCount, top_level_count: counts.topLevelCount })
        .where('slug', '=', slug)
        .execute();
    },
    async addRecommendation(commentId, clientToken) {
      const result = await tx
        .insertInto('recommendations')
        .values({ comment_id: commentId, client_token: clientToken })
        .onConflict((oc) => oc.columns(['comment_id', 'client_token']).doNothing())
        .executeTakeFirst();
      if (!inserted(result)) return false;
      await countRecommendation(commentId, 1);
      return true;
    },
    async removeRecommendation(commentId, clientToken) {
      const result = await tx
        .deleteFrom('recommendations')
        .where('comment_id', '=', commentId)
        .where('client_token', '=', clientToken)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await countRecommendation(commentId, -1);
      return true;
    },
    async addReport(report) {
      const result = await tx
        .insertInto('reports')
        .values(reportRow(report))
        .onConflict((oc) => oc.columns(['comment_id', 'client_token']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
    async answerReports(commentId) {
      await tx
        .updateTable('reports')
        .set({ answered: 1 })
        .where('comment_id', '=', commentId)
        .where((eb) => eb('answered', '=', eb.lit(0)))
        .execute();
    },
    async insertReports(records) {
      // In the given order: `seq` numbers them, and open reports are listed by it.
      for (const batch of batches(records)) await tx.insertInto('reports').values(batch.map(reportRow)).execute();
    },
    async appendEvent(slug, type, data) {
      const id = (await reads.lastEventId(slug)) + 1;
      await tx.insertInto('discussion_events').values({ article_slug: slug, id, type, data }).execute();
      if (id % 100 === 0) {
        await tx.deleteFrom('discussion_events').where('article_slug', '=', slug).where('id', '<=', id - KEPT_EVENTS).execute();
      }
      return id;
    },
    async insertRecommendations(records) {
      // A token recommends a comment once: repeats are dropped, as the in-memory store's sets do.
      for (const batch of batches(records)) {
        await tx
          .insertInto('recommendations')
          .values(batch.map(({ commentId, clientToken }) => ({ comment_id: commentId, client_token: clientToken })))
          .onConflict((oc) => oc.columns(['comment_id', 'client_token']).doNothing())
          .execute();
      }
    },
  };
}
