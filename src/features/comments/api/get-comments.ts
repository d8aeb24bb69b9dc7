import { queryOptions } from '@tanstack/react-query';
import { CommentListResponseSchema, type PublishedComment } from '../../../api/contract';
import { requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';
import { buildThread } from '../lib/build-thread';

export async function getPublishedComments(slug: string, signal?: AbortSignal): Promise<PublishedComment[]> {
  const { comments } = await requestJson(
    `/articles/${encodeURIComponent(slug)}/comments`,
    CommentListResponseSchema,
    { signal },
  );
  return comments;
}

export const commentsQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: queryKeys.comments.list(slug),
    queryFn: ({ signal }) => getPublishedComments(slug, signal),
    // A module-level function: TanStack Query reruns it only when the data changes, so every
    // component reading the thread gets the same object between fetches.
    select: buildThread,
  });
