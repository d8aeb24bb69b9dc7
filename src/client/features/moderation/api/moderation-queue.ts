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
export async function decideOnComment(id: string, decision: ModerationDecision, reason: string, from: ModerationQueue, version?: string) {
  const { comment } = await requestJson(
    `/moderation/comments/${encodeURIComponent(id)}/${decision}`,
    () => ModerationDecisionResponseSchema,
    // `from` and `version`: what the moderator saw, so that a decision on a comment another decided
    // first, or whose text its author changed since, is refused (409) rather than made blind.
    { method: 'POST', body: JSON.stringify({ ...(reason.trim() ? { reason: reason.trim() } : {}), from, version }) },
  );
  return comment;
}

/** Another moderator decided on the comment first: theirs stands, nothing changed. */
export const isAlreadyDecided = (error: unknown): boolean => error instanceof ApiError && error.code === 'already_decided';

/** Its author changed the text after the moderator read it: nothing was decided. */
export const isChangedSince = (error: unknown): boolean => error instanceof ApiError && error.code === 'comment_changed';

export interface DecisionVariables {
  id: string;
  decision: ModerationDecision;
  reason: string;
  from: ModerationQueue;
  /** The text's version the moderator read (ModerationComment.version). */
  version?: string;
}

export function useModerationDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason, from, version }: DecisionVariables) => decideOnComment(id, decision, reason, from, version),
    // Returned, so the mutation stays pending until the queues and the article's thread are fresh.
    onSuccess: (comment) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.comments.ofArticle(comment.articleSlug) }),
      ]),
  });
}
