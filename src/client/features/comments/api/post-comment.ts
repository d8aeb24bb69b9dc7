import { useIsMutating, useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import type { NewComment } from '../../../../shared/contract';
import { requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';
import { keepAuthorToken } from '../lib/author-tokens';
import { clearDraftIfSent } from '../lib/draft-store';
import { addOwnPending } from '../lib/own-pending';
import { forgetSendKey } from '../lib/send-keys';
import { retryWhenBackOnline } from '../lib/wait-for-connection';

export interface PostCommentVariables {
  comment: NewComment;
  /** The same key for every attempt at one comment, so that a retry never stores it twice. */
  idempotencyKey: string;
  /** The draft the comment was written in, cleared once the server has it. */
  draftKey: string;
}

export async function postComment(slug: string, { comment, idempotencyKey }: PostCommentVariables) {
  const response = await requestJson(`/articles/${encodeURIComponent(slug)}/comments`, (schemas) => schemas.PostCommentResponseSchema, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(comment),
  });
  // Kept at once, whatever becomes of the form: the only way its author can change it later.
  if (response.authorToken !== null) keepAuthorToken(response.comment.id, response.authorToken);
  return response.comment;
}

const postMutationKey = (draftKey: string) => ['comments', 'post', draftKey] as const;

/** True while a comment from this draft is on its way, even if sent by a form since closed. */
export const useIsSendingFrom = (draftKey: string) => useIsMutating({ mutationKey: postMutationKey(draftKey) }) > 0;

/** True while a comment from this draft waits, paused, for the connection to come back. */
export const useIsWaitingFrom = (draftKey: string) =>
  useMutationState({
    filters: { mutationKey: postMutationKey(draftKey), predicate: (mutation) => mutation.state.isPaused },
    select: () => true,
  }).length > 0;

export function usePostComment(slug: string, draftKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: postMutationKey(draftKey),
    mutationFn: (variables: PostCommentVariables) => postComment(slug, variables),
    // The variables hold the commenter's email: not kept long once no form shows the result. Not
    // 0: a send still pending (waiting offline, say) with no form would then be re-checked in a
    // loop of zero-delay timers until it ends; every second is enough.
    gcTime: 1_000,
    // Offline, the send waits for the connection (paused) rather than failing; see retryWhenBackOnline.
    retry: retryWhenBackOnline,
    retryDelay: 0,
    onSuccess: (created, { comment, draftKey }) => {
      // Here rather than in the form: it runs even if the reply form was closed during the send.
      clearDraftIfSent(draftKey, comment.body);
      forgetSendKey(draftKey);
      const { status, ...published } = created;
      if (status === 'pending') addOwnPending(published);
      // A new comment is pending: the published thread is unchanged, the moderation queue is not.
      return queryClient.invalidateQueries({ queryKey: queryKeys.moderation.all });
    },
  });
}
