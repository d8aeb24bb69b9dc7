import type { PublishedComment } from '../../../api/contract';

export interface Thread {
  byId: ReadonlyMap<string, PublishedComment>;
  /** Ids of the comments under each parent (null: the article), in display order. */
  childrenOf: ReadonlyMap<string | null, readonly string[]>;
  total: number;
}

const ROOT = null;

/**
 * Indexes a flat list of comments once, where the data arrives, so that each comment of the
 * rendered tree finds its replies in O(1). Top-level comments come newest first, replies oldest
 * first, as on the seed page. A reply whose parent is not in the list (not published) is shown
 * at the top level rather than lost.
 */
export function buildThread(comments: readonly PublishedComment[]): Thread {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const children = new Map<string | null, PublishedComment[]>();
  for (const comment of comments) {
    const parentKey = comment.parentId !== null && byId.has(comment.parentId) ? comment.parentId : ROOT;
    const siblings = children.get(parentKey);
    if (siblings) siblings.push(comment);
    else children.set(parentKey, [comment]);
  }

  const childrenOf = new Map<string | null, string[]>();
  for (const [parentKey, siblings] of children) {
    const newestFirst = parentKey === ROOT;
    siblings.sort((a, b) => {
      const byDate = Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
      return newestFirst ? -byDate : byDate;
    });
    childrenOf.set(
      parentKey,
      siblings.map((comment) => comment.id),
    );
  }
  return { byId, childrenOf, total: comments.length };
}
