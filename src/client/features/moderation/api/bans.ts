import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../api/http-client';
import { moderationKeys } from './keys';
import { requestNoContent } from '../../../api/http-client';
import { BanResponseSchema, BansResponseSchema } from '../../../../shared/moderation-contract';

/** The banned authors, newest ban first. */
export const bansQueryOptions = () =>
  queryOptions({
    queryKey: moderationKeys.bans,
    queryFn: async ({ signal }) => (await requestJson('/moderation/bans', () => BansResponseSchema, { signal })).bans,
  });

export interface BanVariables {
  commentId: string;
  reason: string;
}

/** Bans the author of a comment (by its email, which the server knows). */
export function useBanAuthor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ commentId, reason }: BanVariables) =>
      (
        await requestJson(`/moderation/comments/${encodeURIComponent(commentId)}/ban`, () => BanResponseSchema, {
          method: 'POST',
          body: JSON.stringify({ reason: reason.trim() }),
        })
      ).ban,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.bans }),
  });
}

export function useLiftBan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestNoContent(`/moderation/bans/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.bans }),
  });
}
