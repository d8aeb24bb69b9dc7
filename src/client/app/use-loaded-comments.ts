import { notifyManager, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { CommentContext, CommentPage, PublishedComment, RepliesPage, ThreadComment } from '../../shared/contract';
import { queryKeys } from '../api/query-keys';

export interface LoadedComments {
  /** Every published comment of the article that the page has loaded, once each. */
  comments: readonly PublishedComment[];
  /** Every published comment of the article, as the server counts them; undefined until known. */
  total: number | undefined;
}

/**
 * What the queries under `comments.ofArticle(slug)` hold (src/client/features/comments/api):
 * pages of the discussion, batches of replies, or a thread's context.
 */
type ArticleCommentsData = InfiniteData<CommentPage | RepliesPage> | CommentContext;

const commentsIn = (data: ArticleCommentsData | undefined): ThreadComment[] =>
  data === undefined ? [] : 'pages' in data ? data.pages.flatMap((page) => page.comments) : data.comments;

const isDiscussionPage = (page: CommentPage | RepliesPage | undefined): page is CommentPage => page !== undefined && 'total' in page;

/** The discussion's count, from its first page (reply batches and contexts do not carry it). */
function totalIn(data: ArticleCommentsData | undefined): number | undefined {
  const first = data && 'pages' in data ? data.pages[0] : undefined;
  return isDiscussionPage(first) ? first.total : undefined;
}

function collect(datas: ReadonlyArray<ArticleCommentsData | undefined>): LoadedComments {
  const byId = new Map<string, PublishedComment>();
  for (const comment of datas.flatMap(commentsIn)) {
    // Removed ones are empty placeholders.
    if (comment.removed) continue;
    if (!byId.has(comment.id)) {
      const { id, articleSlug, parentId, author, createdAt, body } = comment;
      byId.set(id, { id, articleSlug, parentId, author, createdAt, body });
    }
  }
  return { comments: [...byId.values()], total: datas.map(totalIn).find((total) => total !== undefined) };
}

/** A store over the query cache that hands out the same object until the article's data changes. */
function loadedCommentsStore(queryClient: QueryClient, slug: string) {
  let last: { datas: Array<ArticleCommentsData | undefined>; result: LoadedComments } | null = null;
  return {
    // Batched, as TanStack Query's own hooks do: the cache also changes while another
    // component renders (a query is added), when no store may tell React to update.
    subscribe: (onChange: () => void) => queryClient.getQueryCache().subscribe(notifyManager.batchCalls(onChange)),
    getSnapshot: (): LoadedComments => {
      const datas = queryClient
        .getQueriesData<ArticleCommentsData>({ queryKey: queryKeys.comments.ofArticle(slug) })
        .map(([, data]) => data);
      if (last && last.datas.length === datas.length && last.datas.every((data, index) => data === datas[index])) {
        return last.result;
      }
      last = { datas, result: collect(datas) };
      return last.result;
    },
  };
}

/**
 * The published comments of an article that any query of the page has loaded (discussion
 * pages in any order, reply batches, a thread's own view), read from the query cache: the
 * page shows them, so the page's structured data may name them.
 */
export function useLoadedComments(slug: string): LoadedComments {
  const queryClient = useQueryClient();
  const store = useMemo(() => loadedCommentsStore(queryClient, slug), [queryClient, slug]);
  // The query cache is the same on the server and while hydrating: one snapshot for both.
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
