import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ModerationDecisionResponseSchema, ModerationListResponseSchema, type ModerationDecision, type ModerationQueue } from '../../../../shared/moderation-contract';
import { requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';
import { moderationKeys } from './keys';

/** One queue of the moderation tool, with the counts of all four (for the tabs). */
export const moderationQueueQueryOptions = (queue: ModerationQueue) =>
  queryOptions({
    queryKey: moderationKeys.list(queue),
    queryFn: ({ signal }) => requestJson(`/moderation/comments?status=${queue}`, () => ModerationListResponseSchema, { signal }),
  });

export async function decideOnComment(id: string, decision: ModerationDecision, reason: string) {
  const { comment } = await requestJson(
    `/moderation/comments/${encodeURIComponent(id)}/${decision}`,
    () => ModerationDecisionResponseSchema,
    { method: 'POST', body: JSON.stringify(reason.trim() ? { reason: reason.trim() } : {}) },
  );
  return comment;
}

export interface DecisionVariables {
  id: string;
  decision: ModerationDecision;
  reason: string;
}

export function useModerationDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: DecisionVariables) => decideOnComment(id, decision, reason),
    // Returned, so the mutation stays pending until the queues and the article's thread are fresh.
    onSuccess: (comment) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.comments.ofArticle(comment.articleSlug) }),
      ]),
  });
}
