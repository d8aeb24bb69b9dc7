import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ModerationDecisionResponseSchema, ModerationListResponseSchema, type ModerationDecision, type ModerationQueue } from '../../../../shared/moderation-contract';
import { ApiError, requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';
import { moderationKeys } from './keys';

/** One queue of the moderation tool, with the counts of all four (for the tabs). */
export const moderationQueueQueryOptions = (queue: ModerationQueue) =>
  queryOptions({
    queryKey: moderationKeys.list(queue),
    queryFn: ({ signal }) => requestJson(`/moderation/comments?status=${queue}`, () => ModerationListResponseSchema, { signal }),
  });

/** `from`: the queue the moderator saw the comment in; if it has left it, the server refuses (409). */
export async function decideOnComment(id: string, decision: ModerationDecision, reason: string, from: ModerationQueue) {
  const { comment } = await requestJson(
    `/moderation/comments/${encodeURIComponent(id)}/${decision}`,
    () => ModerationDecisionResponseSchema,
    { method: 'POST', body: JSON.stringify(reason.trim() ? { reason: reason.trim(), from } : { from }) },
  );
  return comment;
}

/** Another moderator decided on the comment first: theirs stands, nothing changed. */
export const isAlreadyDecided = (error: unknown): boolean => error instanceof ApiError && error.code === 'already_decided';

export interface DecisionVariables {
  id: string;
  decision: ModerationDecision;
  reason: string;
  from: ModerationQueue;
}

export function useModerationDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason, from }: DecisionVariables) => decideOnComment(id, decision, reason, from),
    // Returned, so the mutation stays pending until the queues and the article's thread are fresh.
    onSuccess: (comment) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.comments.ofArticle(comment.articleSlug) }),
      ]),
  });
}
