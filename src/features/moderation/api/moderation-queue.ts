import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ModerationDecisionResponseSchema,
  ModerationListResponseSchema,
  type ModerationDecision,
} from '../../../api/contract';
import { requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';

export const pendingCommentsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.moderation.list('pending'),
    queryFn: async ({ signal }) => {
      const { comments } = await requestJson('/moderation/comments?status=pending', ModerationListResponseSchema, {
        signal,
      });
      return comments;
    },
  });

export async function decideOnComment(id: string, decision: ModerationDecision) {
  const { comment } = await requestJson(
    `/moderation/comments/${encodeURIComponent(id)}/${decision}`,
    ModerationDecisionResponseSchema,
    { method: 'POST' },
  );
  return comment;
}

export function useModerationDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: ModerationDecision }) => decideOnComment(id, decision),
    // Returned, so the mutation stays pending until the queue and the article's thread are fresh.
    onSuccess: (comment) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.moderation.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.comments.ofArticle(comment.articleSlug) }),
      ]),
  });
}
