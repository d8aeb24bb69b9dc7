// How each order of the comments is written in addresses (`?tri=anciens`) and in the cookie the
// server renders the remembered order by: French words, as the rest of the site's addresses.
import type { CommentSort } from './contract';

export const SORT_PARAMS: Record<CommentSort, string> = {
  newest: 'recents',
  oldest: 'anciens',
  replies: 'reponses',
  recommended: 'recommandes',
};

/** Every order, as the sort menu lists them (the contract's COMMENT_SORTS, without its schemas). */
export const SORTS = Object.keys(SORT_PARAMS) as CommentSort[];
