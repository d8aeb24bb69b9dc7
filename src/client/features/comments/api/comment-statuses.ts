import { queryOptions } from '@tanstack/react-query';
import { requestJson } from '../../../api/http-client';

/** What became of the comments this browser posted (no email, no text: only their status). */
export const commentStatusesQueryOptions = (ids: readonly string[]) =>
  queryOptions({
    queryKey: ['comments', 'statuses', [...ids].sort().join(',')] as const,
    queryFn: ({ signal }) =>
      requestJson(`/comments/statuses?ids=${ids.map(encodeURIComponent).join(',')}`, (schemas) => schemas.CommentStatusesResponseSchema, {
        signal,
      }),
    staleTime: Infinity,
  });
