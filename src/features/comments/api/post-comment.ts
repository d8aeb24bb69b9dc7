import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PostCommentResponseSchema, type NewComment } from '../../../api/contract';
import { requestJson } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';
import { clearDraftIfSent } from '../lib/draft-store';
import { addOwnPending } from '../lib/own-pending';

export interface PostCommentVariables {
  comment: NewComment;
  /** The same key for every attempt at one comment, so that a retry never stores it twice. */
  idempotencyKey: string;
  /** The draft the comment was written in, cleared once the server has it. */
  draftKey: string;
}

export async function postComment(slug: string, { comment, idempotencyKey }: PostCommentVariables) {
  const response = await requestJson(`/articles/${encodeURIComponent(slug)}/comments`, PostCommentResponseSchema, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(comment),
  });
  return response.comment;
}

export function usePostComment(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: PostCommentVariables) => postComment(slug, variables),
    onSuccess: (created, { comment, draftKey }) => {
      // Here rather than in the form: it runs even if the reply form was closed during the send.
      clearDraftIfSent(draftKey, comment.body);
      const { status, ...published } = created;
      if (status === 'pending') addOwnPending(published);
      // A new comment is pending: the published thread is unchanged, the moderation queue is not.
      return queryClient.invalidateQueries({ queryKey: queryKeys.moderation.all });
    },
  });
}
