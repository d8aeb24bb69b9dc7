// Rows to records and back, field by field: the records the SQL store returns must be exactly
// the in-memory store's (booleans as booleans, null rather than undefined), and a column added
// to a table must not leak into a record through a spread.
import type { Selectable } from 'kysely';
import type { ArticleRecord, CommentRecord, ReportRecord, StoredArticle } from '../../core/records';
import type { ArticlesTable, CommentsTable, Flag, ReportsTable } from './schema';

export const flag = (value: boolean): Flag => (value ? 1 : 0);

export function articleRow(record: ArticleRecord): ArticlesTable {
  const { article } = record;
  return {
    slug: article.slug,
    title: article.title,
    standfirst: article.standfirst,
    word_count: article.wordCount,
    photo_json: article.photo === null ? null : JSON.stringify(article.photo),
    body_json: JSON.stringify(article.body),
    published_count: record.publishedCount,
    top_level_count: record.topLevelCount,
  };
}

export function articleRecord(row: Selectable<ArticlesTable>): ArticleRecord {
  const article: StoredArticle = {
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    wordCount: row.word_count,
    photo: row.photo_json === null ? null : (JSON.parse(row.photo_json) as StoredArticle['photo']),
    body: JSON.parse(row.body_json) as StoredArticle['body'],
  };
  return { article, publishedCount: row.published_count, topLevelCount: row.top_level_count };
}

export function commentRow(record: CommentRecord): CommentsTable {
  return {
    id: record.id,
    article_slug: record.articleSlug,
    parent_id: record.parentId,
    author: record.author,
    email: record.email,
    body: record.body,
    created_at: record.createdAt,
    created_ms: record.createdMs,
    status: record.status,
    reply_count: record.replyCount,
    descendant_count: record.descendantCount,
    recommendations: record.recommendations,
    visible: flag(record.visible),
    decision_reason: record.decisionReason,
    idempotency_key: record.idempotencyKey,
    // `?? null`: an export written before authors could change their comments has none of these.
    author_token_hash: record.authorTokenHash ?? null,
    published_at: record.publishedAt ?? null,
    edited_at: record.editedAt ?? null,
    deleted_at: record.deletedAt ?? null,
  };
}

export function commentRecord(row: Selectable<CommentsTable>): CommentRecord {
  return {
    id: row.id,
    articleSlug: row.article_slug,
    parentId: row.parent_id,
    author: row.author,
    email: row.email,
    body: row.body,
    createdAt: row.created_at,
    createdMs: row.created_ms,
    status: row.status,
    replyCount: row.reply_count,
    descendantCount: row.descendant_count,
    recommendations: row.recommendations,
    visible: row.visible === 1,
    decisionReason: row.decision_reason,
    idempotencyKey: row.idempotency_key,
    authorTokenHash: row.author_token_hash,
    publishedAt: row.published_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}

export function reportRow(record: ReportRecord): Omit<ReportsTable, 'seq'> {
  return {
    comment_id: record.commentId,
    client_token: record.clientToken,
    reason: record.reason,
    details: record.details,
    created_at: record.createdAt,
    answered: flag(record.answered),
  };
}

export function reportRecord(row: Selectable<ReportsTable>): ReportRecord {
  return {
    commentId: row.comment_id,
    reason: row.reason,
    details: row.details,
    clientToken: row.client_token,
    createdAt: row.created_at,
    answered: row.answered === 1,
  };
}
