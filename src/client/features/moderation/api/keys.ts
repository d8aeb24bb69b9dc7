import type { ModerationQueue } from '../../../../shared/moderation-contract';
import { queryKeys } from '../../../api/query-keys';

// Built here from the parent key rather than in api/query-keys.ts: that module is part of the
// article page's first bundle, and only this chunk needs these.
const all = queryKeys.moderation.all;
const lists = [...all, 'list'] as const;

export const moderationKeys = {
  all,
  /** Every queue: what a change of the word lists (the suspect words marked) touches. */
  lists,
  list: (queue: ModerationQueue) => [...lists, queue] as const,
  bans: [...all, 'bans'] as const,
  wordLists: [...all, 'word-lists'] as const,
};
