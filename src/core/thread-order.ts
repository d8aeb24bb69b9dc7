// The orders of an article's top-level comments, defined once: the in-memory store sorts with
// them and the SQL store turns them into ORDER BY and keyset conditions. Replies are always
// oldest first. Ties fall to the newest, then to the id, so that every order is total and a
// cursor names one place in it.
import type { CommentSort } from '../shared/contract';
import type { CommentRecord } from './records';
import type { ThreadKey } from './store';

export interface ThreadOrder {
  /** The count that comes first, if any, largest first. */
  count: 'descendantCount' | 'recommendations' | null;
  /** Direction of (createdMs, id) after the count. */
  time: 'desc' | 'asc';
}

export const THREAD_ORDERS: Record<CommentSort, ThreadOrder> = {
  newest: { count: null, time: 'desc' },
  oldest: { count: null, time: 'asc' },
  replies: { count: 'descendantCount', time: 'desc' },
  recommended: { count: 'recommendations', time: 'desc' },
};

export function threadKeyOf(comment: CommentRecord, sort: CommentSort): ThreadKey {
  const { count } = THREAD_ORDERS[sort];
  return { count: count === null ? 0 : comment[count], time: comment.createdMs, id: comment.id };
}

/** Negative when `a` comes before `b` in `sort`. */
export function compareThreadKeys(a: ThreadKey, b: ThreadKey, sort: CommentSort): number {
  const order = THREAD_ORDERS[sort];
  if (order.count !== null && a.count !== b.count) return b.count - a.count;
  const ascending = (a.time - b.time) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return order.time === 'asc' ? ascending : -ascending;
}

/** Replies: oldest first, then by id. */
export function compareReplies(a: { time: number; id: string }, b: { time: number; id: string }): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
