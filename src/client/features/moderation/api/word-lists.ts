import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../api/http-client';
import { moderationKeys } from './keys';
import { WordListsSchema, type WordListsBody } from '../../../../shared/moderation-contract';

export const wordListsQueryOptions = () =>
  queryOptions({
    queryKey: moderationKeys.wordLists,
    queryFn: ({ signal }) => requestJson('/moderation/word-lists', () => WordListsSchema, { signal }),
  });

/** Replaces both lists; the server answers them normalised, which the cache then holds. */
export function useSaveWordLists() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lists: WordListsBody) =>
      requestJson('/moderation/word-lists', () => WordListsSchema, { method: 'PUT', body: JSON.stringify(lists) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(moderationKeys.wordLists, saved);
      // The suspect words marked in the queues may have changed.
      return queryClient.invalidateQueries({ queryKey: moderationKeys.lists });
    },
  });
}
