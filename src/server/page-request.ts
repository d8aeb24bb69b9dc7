// What an article page's request says about the reader, read as the client reads the same
// choices (cookies it writes, src/client): the language (cookie, else Accept-Language, else
// French), the colour theme (cookie) and the comments' order (?tri=, else cookie, else newest).
import type { IncomingMessage } from 'node:http';
import type { CommentSort } from '../shared/contract';
import { cookieValue } from '../http/session-cookie';
import { LANGUAGE_COOKIE, SORT_COOKIE, THEME_COOKIE } from '../shared/reader-cookies';
import { PAGE_PARAMS } from '../shared/page-address';
import { SORT_PARAMS, SORTS } from '../shared/sort-params';

export type PageLanguage = 'fr' | 'en';
export type PageTheme = 'auto' | 'light' | 'dark';

/** A path segment decoded, or null when its %-escapes are malformed. */
export function decodedSegment(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export const cookieOf = (request: IncomingMessage, name: string): string | null => cookieValue(request.headers.cookie ?? null, name);

export function pageLanguage(request: IncomingMessage): PageLanguage {
  const chosen = cookieOf(request, LANGUAGE_COOKIE);
  if (chosen === 'fr' || chosen === 'en') return chosen;
  // The first language we speak in the reader's list, as the browser's navigator.languages gives it.
  const ranked = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const quality = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { base: tag.toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  const first = ranked.find((entry) => entry.base === 'fr' || entry.base === 'en');
  return (first?.base as PageLanguage | undefined) ?? 'fr';
}

export function pageTheme(request: IncomingMessage): PageTheme {
  const chosen = cookieOf(request, THEME_COOKIE);
  return chosen === 'light' || chosen === 'dark' ? chosen : 'auto';
}

const sortOfParam = (param: string | null): CommentSort | undefined =>
  SORTS.find((sort) => SORT_PARAMS[sort] === param);

export function pageSort(request: IncomingMessage, url: URL): CommentSort {
  return sortOfParam(url.searchParams.get(PAGE_PARAMS.sort)) ?? sortOfParam(cookieOf(request, SORT_COOKIE)) ?? 'newest';
}
