// Reading a discussion a page at a time: top-level comments in the order asked for, each with a
// bounded preview of its replies; the rest of a thread on demand; a comment in its context.
import type { Article, CommentContext, CommentPage, CommentSort, RepliesPage } from '../shared/contract';
import { Problem } from './problem';
import type { ArticleRecord, CommentRecord } from './records';
import type { StoreReads, ThreadKey } from './store';
import { threadKeyOf } from './thread-order';
import { toThreadComment } from './views';

// Small on purpose: the first screen of a huge discussion is 20 threads, and what is not sent is
// one click away. The seed's threads (3 replies, 2 levels) still show whole.
export const PREVIEW = {
  /** Replies of each comment shown before "Voir les N autres réponses". */
  repliesPerComment: 3,
  /** Levels of replies sent below a page's comment; deeper ones come on demand. */
  depth: 3,
  /** At most this many comments in one comment's preview. */
  perThread: 12,
};

export const TOP_LEVEL_PAGE_SIZE = 20;
export const REPLIES_PAGE_SIZE = 50;

export async function articleRecordOf(store: StoreReads, slug: string): Promise<ArticleRecord> {
  const record = await store.article(slug);
  if (!record) throw new Problem('article_not_found');
  return record;
}

export async function readArticle(store: StoreReads, slug: string): Promise<Article> {
  return (await articleRecordOf(store, slug)).article;
}

/**
 * Each root followed by a preview of the replies below it, parents before children. The levels
 * are read a batch at a time (one store query per level, not one per comment).
 */
async function withPreviews(store: StoreReads, roots: readonly CommentRecord[]): Promise<CommentRecord[]> {
  const children = new Map<string, CommentRecord[]>();
  let frontier = roots;
  for (let level = 1; level <= PREVIEW.depth && frontier.length > 0; level++) {
    const replies = await store.firstReplies(
      frontier.filter((comment) => comment.replyCount > 0 || comment.descendantCount > 0).map((comment) => comment.id),
      PREVIEW.repliesPerComment,
    );
    for (const reply of replies) {
      const siblings = children.get(reply.parentId as string);
      if (siblings) siblings.push(reply);
      else children.set(reply.parentId as string, [reply]);
    }
    frontier = replies;
  }
  const out: CommentRecord[] = [];
  for (const root of roots) {
    const thread: CommentRecord[] = [];
    const stack = [{ comment: root, depth: 0 }];
    for (let next = stack.pop(); next && thread.length < PREVIEW.perThread; next = stack.pop()) {
      thread.push(next.comment);
      if (next.depth >= PREVIEW.depth) continue;
      const replies = children.get(next.comment.id) ?? [];
      for (const reply of [...replies].reverse()) stack.push({ comment: reply, depth: next.depth + 1 });
    }
    out.push(...thread);
  }
  return out;
}

// A cursor is opaque to clients: the last comment's place in the order, base64url JSON.
function encodeCursor(key: ThreadKey): string {
  const json = JSON.stringify([key.count, key.time, key.id]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function decodeCursor(cursor: string): ThreadKey {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      Number.isSafeInteger(value[0]) &&
      Number.isSafeInteger(value[1]) &&
      typeof value[2] === 'string' &&
      value[2].length <= 200
    ) {
      return { count: value[0] as number, time: value[1] as number, id: value[2] };
    }
  } catch {
    // Not base64 or not JSON: the same answer as a well-formed cursor of the wrong shape.
  }
  throw new Problem('invalid_cursor');
}

export async function readCommentPage(
  store: StoreReads,
  slug: string,
  sort: CommentSort,
  cursor: string | null,
  limit: number,
): Promise<CommentPage> {
  // Read before the page: an event after it may be given again (patching is idempotent), none is missed.
  const eventId = await store.lastEventId(slug);
  const article = await articleRecordOf(store, slug);
  const after = cursor === null ? null : decodeCursor(cursor);
  // One more than asked tells whether another page follows.
  const roots = await store.topLevel(slug, sort, after, limit + 1);
  const page = roots.slice(0, limit);
  const last = page.at(-1);
  return {
    total: article.publishedCount,
    topLevelTotal: article.topLevelCount,
    comments: (await withPreviews(store, page)).map(toThreadComment),
    nextCursor: last && roots.length > limit ? encodeCursor(threadKeyOf(last, sort)) : null,
    eventId,
  };
}

/** A visible comment of the article, or a 404. */
async function visibleCommentOf(store: StoreReads, slug: string, id: string): Promise<CommentRecord> {
  await articleRecordOf(store, slug);
  const comment = await store.comment(id);
  if (!comment || comment.articleSlug !== slug || !comment.visible) throw new Problem('comment_not_found');
  return comment;
}

/** Direct replies of `parentId` after the reply `afterId` (oldest first), with their previews. */
export async function readReplies(
  store: StoreReads,
  slug: string,
  parentId: string,
  afterId: string | null,
  limit: number,
): Promise<RepliesPage> {
  const parent = await visibleCommentOf(store, slug, parentId);
  let after = null;
  if (afterId !== null) {
    const reply = await store.comment(afterId);
    if (!reply || reply.parentId !== parent.id) throw new Problem('invalid_cursor');
    after = { time: reply.createdMs, id: reply.id };
  }
  const replies = await store.replies(parent.id, after, limit + 1);
  const page = replies.slice(0, limit);
  const last = page.at(-1);
  return {
    comments: (await withPreviews(store, page)).map(toThreadComment),
    nextCursor: last && replies.length > limit ? last.id : null,
  };
}

/** The comment's ancestors, top level first, then the comment with its replies' preview. */
export async function readContext(store: StoreReads, slug: string, id: string): Promise<CommentContext> {
  const comment = await visibleCommentOf(store, slug, id);
  const ancestors = await store.ancestors(comment.id);
  return {
    ancestors: ancestors.reverse().map(toThreadComment),
    comments: (await withPreviews(store, [comment])).map(toThreadComment),
  };
}
