// What a response may contain: the contract's shapes, built field by field from the records so
// that an email, a status or an idempotency key can never slip through a spread.
import type { CommentPlaceholder, PublishedComment, ThreadComment } from '../shared/contract';
import type { ModerationComment } from '../shared/moderation-contract';
import type { CommentRecord, ReportRecord } from './records';

export function toPublished(comment: CommentRecord): PublishedComment {
  return {
    id: comment.id,
    articleSlug: comment.articleSlug,
    parentId: comment.parentId,
    author: comment.author,
    createdAt: comment.createdAt,
    body: comment.body,
  };
}

/** Why a comment that is not published stands as a placeholder (when replies below it are published). */
function placeholderOf(comment: CommentRecord): CommentPlaceholder {
  if (comment.deletedAt !== null) return 'deleted';
  return comment.status === 'pending' ? 'in-review' : 'rejected';
}

/** A removed comment (kept as the parent of published replies) shows no text and no author. */
export function toThreadComment(comment: CommentRecord): ThreadComment {
  const removed = comment.status !== 'published';
  return {
    id: comment.id,
    articleSlug: comment.articleSlug,
    parentId: comment.parentId,
    author: removed ? '' : comment.author,
    createdAt: comment.createdAt,
    body: removed ? '' : comment.body,
    replyCount: comment.replyCount,
    descendantCount: comment.descendantCount,
    recommendations: removed ? 0 : comment.recommendations,
    removed,
    placeholder: removed ? placeholderOf(comment) : null,
    editedAt: removed ? null : comment.editedAt,
  };
}

export function toModeration(
  comment: CommentRecord,
  context: {
    articleTitle: string;
    parent: CommentRecord | undefined;
    openReports: readonly ReportRecord[];
    suspectWords: ReadonlyArray<{ start: number; end: number }>;
    /** textVersion(comment.body) (moderate.ts). */
    version: string;
  },
): ModerationComment {
  const openReports = { abusive: 0, spam: 0, 'off-topic': 0, other: 0 };
  for (const report of context.openReports) openReports[report.reason] += 1;
  const { parent } = context;
  return {
    ...toPublished(comment),
    status: comment.status,
    articleTitle: context.articleTitle,
    parent: parent ? { id: parent.id, author: parent.author, body: parent.body } : null,
    openReports,
    reportDetails: context.openReports.map((report) => report.details).filter((details) => details !== ''),
    decisionReason: comment.decisionReason,
    // Moderators only: this view is served behind a session (src/http/api.ts).
    email: comment.email,
    suspectWords: context.suspectWords.map(({ start, end }) => ({ start, end })),
    version: context.version,
  };
}
