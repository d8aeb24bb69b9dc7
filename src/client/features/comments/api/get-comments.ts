import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CommentSort } from '../../../../shared/contract';
import { requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';

const commentsPath = (slug: string) => `/articles/${encodeURIComponent(slug)}/comments`;

/** The article's discussion, a page of top-level comments (with their replies' preview) at a time. */
export const commentPagesQueryOptions = (slug: string, sort: CommentSort) =>
  infiniteQueryOptions({
    queryKey: queryKeys.comments.pages(slug, sort),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ sort });
      if (pageParam) params.set('cursor', pageParam);
      return requestJson(`${commentsPath(slug)}?${params}`, (schemas) => schemas.CommentPageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Another order keeps the current list on screen until its first page arrives.
    placeholderData: keepPreviousData,
  });

/** The replies of a comment that its preview did not hold, after the last one shown. */
export const repliesQueryOptions = (slug: string, parentId: string, afterId: string | null) =>
  infiniteQueryOptions({
    queryKey: queryKeys.comments.replies(slug, parentId, afterId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams();
      if (pageParam) params.set('after', pageParam);
      return requestJson(`${commentsPath(slug)}/${encodeURIComponent(parentId)}/replies?${params}`, (schemas) => schemas.RepliesPageSchema, {
        signal,
      });
    },
    initialPageParam: afterId,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

/** A comment with its ancestors and its replies' preview: a deep thread's own view, a permalink. */
export const commentContextQueryOptions = (slug: string, id: string) =>
  queryOptions({
    queryKey: queryKeys.comments.context(slug, id),
    queryFn: ({ signal }) =>
      requestJson(`${commentsPath(slug)}/${encodeURIComponent(id)}/context`, (schemas) => schemas.CommentContextSchema, { signal }),
  });
