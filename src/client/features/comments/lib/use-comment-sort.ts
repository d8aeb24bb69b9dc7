import { useCallback, useSyncExternalStore } from 'react';
import type { CommentSort } from '../../../../shared/contract';
import { navigate, subscribeToLocation } from '../../../lib/router';

// French words in the URL, since the URL is what readers share: ?tri=anciens.
const URL_VALUES: Record<CommentSort, string> = {
  newest: 'recents',
  oldest: 'anciens',
  replies: 'reponses',
  recommended: 'recommandes',
};
const SORT_PARAM = 'tri';
const STORAGE_KEY = 'reagir:comment-sort';
export const DEFAULT_SORT: CommentSort = 'newest';

function parseSort(value: string | null): CommentSort | null {
  const entry = Object.entries(URL_VALUES).find(([, urlValue]) => urlValue === value);
  return entry ? (entry[0] as CommentSort) : null;
}

function rememberedSort(): CommentSort | null {
  try {
    return parseSort(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

/** The URL's choice, else the one remembered in this browser, else the newest first. */
function currentSort(): CommentSort {
  return parseSort(new URLSearchParams(window.location.search).get(SORT_PARAM)) ?? rememberedSort() ?? DEFAULT_SORT;
}

/** The order of top-level comments: in the URL (to share it) and remembered in the browser. */
export function useCommentSort(): [CommentSort, (sort: CommentSort) => void] {
  const sort = useSyncExternalStore(subscribeToLocation, currentSort);
  const setSort = useCallback((next: CommentSort) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, URL_VALUES[next]);
    } catch {
      // Not remembered, but the URL still carries it.
    }
    const url = new URL(window.location.href);
    url.searchParams.set(SORT_PARAM, URL_VALUES[next]);
    navigate(`${url.pathname}${url.search}${url.hash}`, { replace: true });
  }, []);
  return [sort, setSort];
}
