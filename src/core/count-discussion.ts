// A whole discussion made into store records at once (the seed, a generated discussion, an
// import): who answers whom is walked once to count each comment's published replies, which
// comments stay visible, and the article's totals — the same counts moderation keeps up to date
// one decision at a time (moderate.ts).
import type { ArticleRecord, CommentRecord, StoredArticle, StoredComment } from './records';

/**
 * Published, or kept as an empty placeholder while replies below it are published: rejected,
 * deleted by its author, or back in moderation after an edit (author-changes.ts).
 */
export function isVisible(status: CommentRecord['status'], descendantCount: number): boolean {
  return status === 'published' || descendantCount > 0;
}

/** What a comment's author may change, empty until they do (and for comments with no author token). */
export const NO_AUTHOR_CHANGES = { authorTokenHash: null, publishedAt: null, editedAt: null, deletedAt: null } as const;

/** A comment as it enters the store: nothing below it counted yet, not visible until published. */
export function newCommentRecord(comment: StoredComment, idempotencyKey: string | null = null): CommentRecord {
  return {
    ...comment,
    createdMs: Date.parse(comment.createdAt),
    replyCount: 0,
    descendantCount: 0,
    recommendations: 0,
    visible: false,
    decisionReason: null,
    idempotencyKey,
    ...NO_AUTHOR_CHANGES,
  };
}

/**
 * Breadth-first from the top level (a reply whose parent is not among them counts as top
 * level): each parent before its replies, without recursion.
 */
export function parentsFirst<T extends { id: string; parentId: string | null }>(comments: readonly T[]): T[] {
  const ids = new Set(comments.map((comment) => comment.id));
  const children = new Map<string, T[]>();
  const order: T[] = [];
  for (const comment of comments) {
    if (comment.parentId === null || !ids.has(comment.parentId)) {
      order.push(comment);
      continue;
    }
    const siblings = children.get(comment.parentId);
    if (siblings) siblings.push(comment);
    else children.set(comment.parentId, [comment]);
  }
  // (A for…of over an array visits what is pushed during the loop.)
  for (const comment of order) order.push(...(children.get(comment.id) ?? []));
  return order;
}

export function countDiscussion(
  article: StoredArticle,
  comments: readonly StoredComment[],
  extra: (comment: StoredComment) => Partial<
    Pick<CommentRecord, 'recommendations' | 'decisionReason' | 'idempotencyKey' | keyof typeof NO_AUTHOR_CHANGES>
  > = () => ({}),
): { article: ArticleRecord; comments: CommentRecord[] } {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  // Parents before children, then backwards: each comment's count is complete when it is added
  // to its parent's, without recursion (chains may be deep).
  const order = parentsFirst(comments);
  const descendants = new Map<string, number>();
  const replies = new Map<string, number>();
  for (const comment of [...order].reverse()) {
    if (comment.parentId === null || !byId.has(comment.parentId)) continue;
    const published = comment.status === 'published' ? 1 : 0;
    const below = descendants.get(comment.id) ?? 0;
    descendants.set(comment.parentId, (descendants.get(comment.parentId) ?? 0) + below + published);
    replies.set(comment.parentId, (replies.get(comment.parentId) ?? 0) + published);
  }

  const records = comments.map((comment): CommentRecord => {
    const descendantCount = descendants.get(comment.id) ?? 0;
    return {
      ...comment,
      createdMs: Date.parse(comment.createdAt),
      replyCount: replies.get(comment.id) ?? 0,
      descendantCount,
      recommendations: 0,
      visible: isVisible(comment.status, descendantCount),
      decisionReason: null,
      idempotencyKey: null,
      ...NO_AUTHOR_CHANGES,
      ...extra(comment),
    };
  });
  return {
    article: {
      article,
      publishedCount: records.filter((comment) => comment.status === 'published').length,
      topLevelCount: records.filter((comment) => comment.parentId === null && comment.visible).length,
    },
    comments: records,
  };
}
