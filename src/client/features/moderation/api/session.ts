import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, requestJson } from '../../../api/http-client';
import { moderationKeys } from './keys';
import { requestNoContent } from '../../../api/http-client';
import { SessionResponseSchema as SessionSchema } from '../../../../shared/moderation-contract';

/**
 * Who is signed in: null when nobody is. Not under moderationKeys.all, so that clearing the
 * tool's data (signing out) does not forget the answer.
 */
export const sessionQueryKey = ['moderator-session'] as const;

export type Moderator = { name: string } | null;

/**
 * A moderation request refused for want of a session: there was none, or it expired, or it was
 * ended elsewhere. Not a wrong identifiant or password, which is a 401 too.
 */
export const isSessionLost = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }): Promise<Moderator> => {
      try {
        return (await requestJson('/session', () => SessionSchema, { signal })).moderator;
      } catch (error) {
        if (isSessionLost(error)) return null;
        throw error;
      }
    },
    // It changes through this page's sign-in and sign-out, or when a request meets a 401.
    staleTime: Infinity,
  });

export interface Credentials {
  name: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      requestJson('/session', () => SessionSchema, { method: 'POST', body: JSON.stringify(credentials) }),
    onSuccess: ({ moderator }) => {
      queryClient.setQueryData(sessionQueryKey, moderator);
      // Whatever was loaded before the session ran out is refreshed under the new one.
      return queryClient.invalidateQueries({ queryKey: moderationKeys.all });
    },
  });
}

/** Ends the session on the server; the page then forgets it (ModerationGate), in order. */
export const useSignOut = () => useMutation({ mutationFn: () => requestNoContent('/session', { method: 'DELETE' }) });
