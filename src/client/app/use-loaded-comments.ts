import { notifyManager, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { PublishedComment } from '../../shared/contract';
import { queryKeys } from '../api/query-keys';

export interface LoadedComments {
  /** Every published comment of the article that the page has loaded, once each. */
  comments: readonly PublishedComment[];
  /** Every published comment of the article, as the server counts them; undefined until known. */
  total: number | undefined;
}

type Loaded = PublishedComment & { removed?: boolean; status?: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The comments in one query's data: pages of a discussion or of replies, or a thread's context. */
function commentsIn(data: unknown): Loaded[] {
  if (!isRecord(data)) return [];
  if (Array.isArray(data.pages)) return data.pages.flatMap(commentsIn);
  return Array.isArray(data.comments) ? (data.comments as Loaded[]) : [];
}

function totalIn(data: unknown): number | undefined {
  if (!isRecord(data) || !Array.isArray(data.pages)) return undefined;
  const first: unknown = data.pages[0];
  return isRecord(first) && typeof first.total === 'number' ? first.total : undefined;
}

function collect(datas: readonly unknown[]): LoadedComments {
  const byId = new Map<string, PublishedComment>();
  for (const comment of datas.flatMap(commentsIn)) {
    // Removed ones are empty placeholders; anything not published (a pending one) stays out.
    if (comment.removed || (comment.status !== undefined && comment.status !== 'published')) continue;
    if (!byId.has(comment.id)) {
      const { id, articleSlug, parentId, author, createdAt, body } = comment;
      byId.set(id, { id, articleSlug, parentId, author, createdAt, body });
    }
  }
  return { comments: [...byId.values()], total: datas.map(totalIn).find((total) => total !== undefined) };
}

/** A store over the query cache that hands out the same object until the article's data changes. */
function loadedCommentsStore(queryClient: QueryClient, slug: string) {
  let last: { datas: unknown[]; result: LoadedComments } | null = null;
  return {
    // Batched, as TanStack Query's own hooks do: the cache also changes while another
    // component renders (a query is added), when no store may tell React to update.
    subscribe: (onChange: () => void) => queryClient.getQueryCache().subscribe(notifyManager.batchCalls(onChange)),
    getSnapshot: (): LoadedComments => {
      const datas = queryClient.getQueriesData({ queryKey: queryKeys.comments.ofArticle(slug) }).map(([, data]) => data);
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
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
