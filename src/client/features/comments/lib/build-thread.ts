import type { ThreadComment } from '../../../../shared/contract';

export interface Thread {
  byId: ReadonlyMap<string, ThreadComment>;
  /** Ids under each comment of the batch, in the server's order (replies oldest first). */
  childrenOf: ReadonlyMap<string, readonly string[]>;
  /** Ids whose parent is not in the batch: a page's top-level comments, a batch's replies. */
  roots: readonly string[];
}

const NO_CHILDREN: readonly string[] = [];

/**
 * Indexes one batch of comments as the server sent it (flat, parents before children), so that
 * each comment finds its replies in O(1). Built once per batch: see `threadOf`.
 */
export function buildThread(comments: readonly ThreadComment[]): Thread {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  for (const comment of comments) {
    if (comment.parentId === null || !byId.has(comment.parentId)) {
      roots.push(comment.id);
      continue;
    }
    const siblings = childrenOf.get(comment.parentId);
    if (siblings) siblings.push(comment.id);
    else childrenOf.set(comment.parentId, [comment.id]);
  }
  return { byId, childrenOf, roots };
}

export const childrenIn = (thread: Thread, id: string): readonly string[] => thread.childrenOf.get(id) ?? NO_CHILDREN;

// TanStack Query keeps a page's array the same object while the page is unchanged (structural
// sharing), so a WeakMap on it builds each batch's index once and hands every render the same
// Thread, which keeps the memoised comment items from rendering again when a page is added.
const threads = new WeakMap<readonly ThreadComment[], Thread>();

export function threadOf(comments: readonly ThreadComment[]): Thread {
  let thread = threads.get(comments);
  if (!thread) {
    thread = buildThread(comments);
    threads.set(comments, thread);
  }
  return thread;
}
