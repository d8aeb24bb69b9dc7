// What an event of the discussion changes in the query cache: the views of the comments it
// carries replace the loaded ones (counts, an edit, a removal), hidden ones go, the counts of the
// discussion follow. A new reply joins a thread where the reader sees every other reply of its
// parent; elsewhere its parent's count grows, behind "Voir les N autres réponses". A new
// top-level comment is not inserted here: it waits for the reader (live-news.tsx).
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { CommentContext, CommentPage, RepliesPage, ThreadComment } from '../../../../shared/contract';
import type { DiscussionEvent } from '../../../../shared/live-contract';
import { queryKeys } from '../../../api/query-keys';

type Batch = CommentPage | RepliesPage;
type ArticleData = InfiniteData<Batch> | CommentContext;

function patched(list: ThreadComment[], updates: ReadonlyMap<string, ThreadComment>, hidden: ReadonlySet<string>): ThreadComment[] {
  if (!list.some((comment) => updates.has(comment.id) || hidden.has(comment.id))) return list;
  return list.filter((comment) => !hidden.has(comment.id)).map((comment) => updates.get(comment.id) ?? comment);
}

function withCounts<T extends Batch>(batch: T, event: DiscussionEvent): T {
  return 'total' in batch ? { ...batch, total: event.total, topLevelTotal: event.topLevelTotal } : batch;
}

/** The data with the event's views in place of the loaded ones; the same object when nothing changed. */
function patch(data: ArticleData, event: DiscussionEvent): ArticleData {
  const updates = new Map(event.comments.map((comment) => [comment.id, comment]));
  const hidden = new Set(event.hidden);
  if ('pages' in data) {
    const pages = data.pages.map((page) => {
      const comments = patched(page.comments, updates, hidden);
      const counted = withCounts(page, event);
      return comments === page.comments && counted === page ? page : { ...counted, comments };
    });
    return { ...data, pages };
  }
  const ancestors = patched(data.ancestors, updates, hidden);
  const comments = patched(data.comments, updates, hidden);
  return ancestors === data.ancestors && comments === data.comments ? data : { ancestors, comments };
}

const allComments = (data: ArticleData | undefined): ThreadComment[] =>
  data === undefined ? [] : 'pages' in data ? data.pages.flatMap((page) => page.comments) : [...data.ancestors, ...data.comments];

export function isLoaded(queryClient: QueryClient, slug: string, id: string): boolean {
  return queryClient
    .getQueriesData<ArticleData>({ queryKey: queryKeys.comments.ofArticle(slug) })
    .some(([, data]) => allComments(data).some((comment) => comment.id === id));
}

/**
 * Puts a new reply where its parent shows all its other replies: in the same batch (after them,
 * as replies go oldest first), or at the end of an opened batch of its replies that has no more.
 */
function placeReply(data: ArticleData, reply: ThreadComment, parent: ThreadComment): ArticleData {
  const complete = (comments: readonly ThreadComment[]) =>
    comments.some((comment) => comment.id === parent.id) &&
    comments.filter((comment) => comment.parentId === parent.id).length === parent.replyCount - 1;
  if ('pages' in data) {
    const index = data.pages.findIndex((page) => complete(page.comments));
    if (index === -1) return data;
    const pages = data.pages.map((page, at) => (at === index ? { ...page, comments: [...page.comments, reply] } : page));
    return { ...data, pages };
  }
  return complete(data.comments) ? { ...data, comments: [...data.comments, reply] } : data;
}

function placeInOpenedReplies(queryClient: QueryClient, slug: string, reply: ThreadComment): boolean {
  let placed = false;
  const parentId = reply.parentId as string;
  // Every opened batch that has no more (the discussion's and a thread view's may both be open).
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<RepliesPage>>({ queryKey: [...queryKeys.comments.ofArticle(slug), 'replies', parentId] })) {
    const last = data?.pages.at(-1);
    if (!data || !last || last.nextCursor !== null || last.comments.some((comment) => comment.id === reply.id)) continue;
    placed = true;
    queryClient.setQueryData(key, { ...data, pages: [...data.pages.slice(0, -1), { ...last, comments: [...last.comments, reply] }] });
  }
  return placed;
}

/**
 * Applies the event to every query of the article. Returns the new top-level comment it brings
 * that the page does not show yet, for the reader to bring in; null otherwise.
 */
export function applyLiveEvent(queryClient: QueryClient, slug: string, event: DiscussionEvent): ThreadComment | null {
  const subject = event.comments.find((comment) => comment.id === event.subject);
  const isNew = event.type === 'published' && subject !== undefined && !isLoaded(queryClient, slug, subject.id);
  for (const [key, data] of queryClient.getQueriesData<ArticleData>({ queryKey: queryKeys.comments.ofArticle(slug) })) {
    if (data !== undefined) queryClient.setQueryData(key, patch(data, event));
  }
  if (!isNew || !subject) return null;
  if (subject.parentId === null) return subject;
  const parent = event.comments.find((comment) => comment.id === subject.parentId);
  if (!parent) return null;
  if (placeInOpenedReplies(queryClient, slug, subject)) return null;
  for (const [key, data] of queryClient.getQueriesData<ArticleData>({ queryKey: queryKeys.comments.ofArticle(slug) })) {
    if (data === undefined || (Array.isArray(key) && key.includes('replies'))) continue;
    // In every order's pages and thread view that shows the parent whole.
    const placed = placeReply(data, subject, parent);
    if (placed !== data) queryClient.setQueryData(key, placed);
  }
  return null;
}

/** Brings new top-level comments in at the top of the list the reader sees (its first page). */
export function insertTopLevel(queryClient: QueryClient, pagesKey: readonly unknown[], arrivals: readonly ThreadComment[]): void {
  const data = queryClient.getQueryData<InfiniteData<CommentPage>>(pagesKey);
  const first = data?.pages[0];
  if (!data || !first) return;
  const fresh = arrivals.filter((comment) => !first.comments.some((shown) => shown.id === comment.id));
  queryClient.setQueryData(pagesKey, { ...data, pages: [{ ...first, comments: [...fresh, ...first.comments] }, ...data.pages.slice(1)] });
}

/** Brings the reader's own new comment in at the top of every order's first page the page has read. */
export function insertTopLevelEverywhere(queryClient: QueryClient, slug: string, comment: ThreadComment): void {
  for (const [key] of queryClient.getQueriesData<InfiniteData<CommentPage>>({ queryKey: [...queryKeys.comments.ofArticle(slug), 'pages'] })) {
    insertTopLevel(queryClient, key, [comment]);
  }
}
