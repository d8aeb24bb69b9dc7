// What the server knows about one article's discussion, indexed once per change of the data:
// who answers whom, how many replies lie below each comment, and which removed comments must
// stay as placeholders because replies below them are still published. Pages, reply batches
// and contexts are then cut from it without walking all N comments again.
import type { CommentSort, ThreadComment } from '../api/contract';
import type { StoredComment } from './db-types';

export interface DiscussionIndex {
  byId: ReadonlyMap<string, StoredComment>;
  /** Visible comments under each parent (null: the article), oldest first. */
  children: ReadonlyMap<string | null, readonly StoredComment[]>;
  descendants: ReadonlyMap<string, number>;
  /** Published direct replies of each comment. */
  publishedReplies: ReadonlyMap<string, number>;
  /** Published comments: the count readers see. */
  total: number;
  recommendations: (id: string) => number;
}

// Instants, not strings: "…T19:32:00+01:00" and "…T18:40:00Z" do not compare as text.
const timeOf = (comment: StoredComment) => Date.parse(comment.createdAt);

function byDateThenId(a: StoredComment, b: StoredComment): number {
  return timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * `comments`: the article's published and rejected comments. A reply whose parent is unknown
 * (or pending, which the server never lets happen) is treated as a top-level comment.
 */
export function indexDiscussion(comments: readonly StoredComment[], recommendations: (id: string) => number): DiscussionIndex {
  const all = new Map(comments.map((comment) => [comment.id, comment]));
  const parentOf = (comment: StoredComment) =>
    comment.parentId !== null && all.has(comment.parentId) ? comment.parentId : null;

  const allChildren = new Map<string | null, StoredComment[]>();
  for (const comment of comments) {
    const key = parentOf(comment);
    const siblings = allChildren.get(key);
    if (siblings) siblings.push(comment);
    else allChildren.set(key, [comment]);
  }

  // Breadth-first from the roots puts every parent before its children; walking that order
  // backwards adds each child's count to its parent without recursion (chains may be deep).
  const order: StoredComment[] = [...(allChildren.get(null) ?? [])];
  // (A for…of over an array visits what is pushed during the loop.)
  for (const comment of order) order.push(...(allChildren.get(comment.id) ?? []));
  const descendants = new Map<string, number>();
  for (const comment of order.reverse()) {
    const parentId = parentOf(comment);
    if (parentId === null) continue;
    const own = (descendants.get(comment.id) ?? 0) + (comment.status === 'published' ? 1 : 0);
    descendants.set(parentId, (descendants.get(parentId) ?? 0) + own);
  }

  const isVisible = (comment: StoredComment) =>
    comment.status === 'published' || (comment.status === 'rejected' && (descendants.get(comment.id) ?? 0) > 0);
  const children = new Map<string | null, StoredComment[]>();
  for (const [key, siblings] of allChildren) {
    const visible = siblings.filter(isVisible).sort(byDateThenId);
    if (visible.length > 0) children.set(key, visible);
  }

  const publishedReplies = new Map<string, number>();
  for (const comment of comments) {
    const parentId = parentOf(comment);
    if (parentId !== null && comment.status === 'published') {
      publishedReplies.set(parentId, (publishedReplies.get(parentId) ?? 0) + 1);
    }
  }

  return {
    byId: all,
    children,
    descendants,
    publishedReplies,
    total: comments.filter((comment) => comment.status === 'published').length,
    recommendations,
  };
}

/** Field by field, so that an email can never slip through; a removed comment keeps no text. */
export function toThreadComment(comment: StoredComment, index: DiscussionIndex): ThreadComment {
  const removed = comment.status !== 'published';
  return {
    id: comment.id,
    articleSlug: comment.articleSlug,
    parentId: comment.parentId,
    author: removed ? '' : comment.author,
    createdAt: comment.createdAt,
    body: removed ? '' : comment.body,
    replyCount: index.publishedReplies.get(comment.id) ?? 0,
    descendantCount: index.descendants.get(comment.id) ?? 0,
    recommendations: removed ? 0 : index.recommendations(comment.id),
    removed,
  };
}

// --- Cursors -----------------------------------------------------------------------------

/** [main count, time, id]: larger first on each, so that one comparison serves every order. */
type SortKey = [number, number, string];

function sortKey(comment: StoredComment, sort: CommentSort, index: DiscussionIndex): SortKey {
  const time = timeOf(comment);
  switch (sort) {
    case 'newest':
      return [0, time, comment.id];
    case 'oldest':
      return [0, -time, invert(comment.id)];
    case 'replies':
      return [index.descendants.get(comment.id) ?? 0, time, comment.id];
    case 'recommended':
      return [index.recommendations(comment.id), time, comment.id];
  }
}

// Turns ascending string order into descending for the tie-breaker of the 'oldest' order.
function invert(text: string): string {
  return Array.from(text, (char) => String.fromCharCode(0xffff - char.charCodeAt(0))).join('');
}

/** Negative when `a` comes first: keys in descending order. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  if (a[1] !== b[1]) return b[1] - a[1];
  if (a[2] !== b[2]) return a[2] < b[2] ? 1 : -1;
  return 0;
}

function encodeCursor(key: SortKey): string {
  return btoa(encodeURIComponent(JSON.stringify(key)));
}

function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(atob(cursor)));
  } catch {
    return undefined;
  }
}

function isSortKey(value: unknown): value is SortKey {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    typeof value[2] === 'string'
  );
}

// --- Pages -------------------------------------------------------------------------------

// Small on purpose: the first screen of a huge discussion is 20 threads, and what is not sent
// is one click away. The seed's threads (3 replies, 2 levels) still show whole.
export const PREVIEW = {
  /** Replies of each comment shown before "Voir les N autres réponses". */
  repliesPerComment: 3,
  /** Levels of replies sent below a page's comment; deeper ones come on demand. */
  depth: 3,
  /** At most this many comments in one comment's preview. */
  perThread: 12,
};

/** The comment and a bounded preview of the replies below it, parents before children. */
function withPreview(root: StoredComment, index: DiscussionIndex): StoredComment[] {
  const out: StoredComment[] = [];
  const stack: Array<{ comment: StoredComment; depth: number }> = [{ comment: root, depth: 0 }];
  for (let next = stack.pop(); next && out.length < PREVIEW.perThread; next = stack.pop()) {
    const { comment, depth } = next;
    out.push(comment);
    if (depth >= PREVIEW.depth) continue;
    const replies = (index.children.get(comment.id) ?? []).slice(0, PREVIEW.repliesPerComment);
    for (const reply of [...replies].reverse()) stack.push({ comment: reply, depth: depth + 1 });
  }
  return out;
}

export class InvalidCursorError extends Error {}

type KeyedComment = { comment: StoredComment; key: SortKey };

// Sorting thousands of top-level comments once per order and per version of the data, not once
// per page asked for.
const sortedTopLevel = new WeakMap<DiscussionIndex, Map<CommentSort, KeyedComment[]>>();

function topLevelInOrder(index: DiscussionIndex, sort: CommentSort): KeyedComment[] {
  let byOrder = sortedTopLevel.get(index);
  if (!byOrder) sortedTopLevel.set(index, (byOrder = new Map()));
  let keyed = byOrder.get(sort);
  if (!keyed) {
    keyed = (index.children.get(null) ?? []).map((comment) => ({ comment, key: sortKey(comment, sort, index) }));
    keyed.sort((a, b) => compareKeys(a.key, b.key));
    byOrder.set(sort, keyed);
  }
  return keyed;
}

export function topLevelPage(index: DiscussionIndex, sort: CommentSort, cursor: string | null, limit: number) {
  const keyed = topLevelInOrder(index, sort);
  let start = 0;
  if (cursor !== null) {
    const after = decodeCursor(cursor);
    if (!isSortKey(after)) throw new InvalidCursorError();
    // Keyset paging: the first comment after the cursor's key, even if that one has gone since.
    start = keyed.findIndex((entry) => compareKeys(entry.key, after) > 0);
    if (start === -1) start = keyed.length;
  }
  const page = keyed.slice(start, start + limit);
  const last = page.at(-1);
  return {
    total: index.total,
    topLevelTotal: keyed.length,
    comments: page.flatMap(({ comment }) => withPreview(comment, index)).map((c) => toThreadComment(c, index)),
    nextCursor: last && start + limit < keyed.length ? encodeCursor(last.key) : null,
  };
}

/** Direct replies of `parentId` after the reply `afterId` (oldest first), with their previews. */
export function repliesPage(index: DiscussionIndex, parentId: string, afterId: string | null, limit: number) {
  const replies = index.children.get(parentId) ?? [];
  let start = 0;
  if (afterId !== null) {
    const after = index.byId.get(afterId);
    if (!after || after.parentId !== parentId) throw new InvalidCursorError();
    start = replies.findIndex((reply) => byDateThenId(reply, after) > 0);
    if (start === -1) start = replies.length;
  }
  const page = replies.slice(start, start + limit);
  const last = page.at(-1);
  return {
    comments: page.flatMap((reply) => withPreview(reply, index)).map((c) => toThreadComment(c, index)),
    nextCursor: last && start + limit < replies.length ? last.id : null,
  };
}

/** The comment's visible ancestors, top level first, then the comment with its preview. */
export function commentContext(index: DiscussionIndex, id: string) {
  const comment = index.byId.get(id);
  if (!comment) return undefined;
  const ancestors: StoredComment[] = [];
  for (let parentId = comment.parentId; parentId !== null; ) {
    const parent = index.byId.get(parentId);
    if (!parent) break;
    ancestors.unshift(parent);
    parentId = parent.parentId;
  }
  return {
    ancestors: ancestors.map((c) => toThreadComment(c, index)),
    comments: withPreview(comment, index).map((c) => toThreadComment(c, index)),
  };
}
