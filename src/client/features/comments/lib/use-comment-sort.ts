import { useCallback, useSyncExternalStore } from 'react';
import type { CommentSort } from '../../../../shared/contract';
import { SORT_COOKIE, SORT_STORAGE_KEY } from '../../../../shared/reader-cookies';
import { PAGE_PARAMS } from '../../../../shared/page-address';
import { SORT_PARAMS, SORTS } from '../../../../shared/sort-params';
import { readCookie, writeCookie } from '../../../lib/cookies';
import { navigate, subscribeToLocation } from '../../../lib/router';
import { useServerRender } from '../../../lib/server-render';

const SORT_PARAM = PAGE_PARAMS.sort;
// Where the order was remembered before the cookie, and still is, for a browser without cookies.
const STORAGE_KEY = SORT_STORAGE_KEY;
export const DEFAULT_SORT: CommentSort = 'newest';

const parseSort = (value: string | null | undefined): CommentSort | null =>
  SORTS.find((sort) => SORT_PARAMS[sort] === value) ?? null;

const inSearch = (search: string) => parseSort(new URLSearchParams(search).get(SORT_PARAM));

/** The URL's choice, else the cookie's: what the server renders the page by, read here. */
const sharedSort = () => inSearch(window.location.search) ?? parseSort(readCookie(SORT_COOKIE));

/** A choice remembered before the cookie existed: the cookie now holds it, for the server. */
function storedSort(): CommentSort | null {
  try {
    const sort = parseSort(window.localStorage.getItem(STORAGE_KEY));
    if (sort) writeCookie(SORT_COOKIE, SORT_PARAMS[sort]);
    return sort;
  } catch {
    return null;
  }
}

const currentSort = () => sharedSort() ?? storedSort() ?? DEFAULT_SORT;

/**
 * The order of top-level comments: in the URL (to share it), else the reader's last choice,
 * remembered in a cookie so that the server renders the page in that order too.
 */
export function useCommentSort(): [CommentSort, (sort: CommentSort) => void] {
  // `sort`: the order the server resolved from the URL and the cookie, when it gives one.
  const server = useServerRender();
  const sort = useSyncExternalStore(
    subscribeToLocation,
    currentSort,
    // Hydrating: the URL and the cookie, as the server read them; localStorage only after.
    () => (server ? server.sort : sharedSort()) ?? DEFAULT_SORT,
  );
  const setSort = useCallback((next: CommentSort) => {
    try {
      writeCookie(SORT_COOKIE, SORT_PARAMS[next]);
      window.localStorage.setItem(STORAGE_KEY, SORT_PARAMS[next]);
    } catch {
      // Not remembered, but the URL still carries it.
    }
    const url = new URL(window.location.href);
    url.searchParams.set(SORT_PARAM, SORT_PARAMS[next]);
    navigate(`${url.pathname}${url.search}${url.hash}`, { replace: true });
  }, []);
  return [sort, setSort];
}
