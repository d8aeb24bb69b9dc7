// The article page's two first requests, started by an inline script in index.html before the
// JavaScript bundle has even downloaded, so that the network and the parsing of the bundle
// overlap. Production build only (the mock backend of dev and demo is not up that early).
// The paths must be the ones the query functions ask for: early-requests.test.ts checks it.
// With their extensions: vite.config.ts loads this module too, and Vite's config loader wants them.
import { PAGE_PARAMS } from '../../shared/page-address.ts';
import { SORT_COOKIE, SORT_STORAGE_KEY } from '../../shared/reader-cookies.ts';
import { SORT_PARAMS, SORTS } from '../../shared/sort-params.ts';

declare global {
  interface Window {
    __reagirEarly?: Map<string, Promise<Response>>;
  }
}

/** The inline script, as text; `apiBase` is VITE_API_URL or `/api`. */
export function earlyRequestsScript(apiBase: string): string {
  // Plain ES5 on purpose: it runs before anything else, in any browser, and must never throw.
  // The order as useCommentSort reads it: the URL, else the cookie, else an older choice.
  const sorts = Object.fromEntries(SORTS.map((sort) => [SORT_PARAMS[sort], sort]));
  const cookie = new RegExp(`(?:^|; )${SORT_COOKIE}=([^;]*)`).source;
  return `(function () {
  try {
    var match = /^\\/articles\\/([^/]+)\\/?$/.exec(location.pathname);
    if (!match) return;
    var sorts = ${JSON.stringify(sorts)};
    var sort = sorts[new URLSearchParams(location.search).get(${JSON.stringify(PAGE_PARAMS.sort)})] || sorts[(new RegExp(${JSON.stringify(cookie)}).exec(document.cookie) || [])[1]];
    if (!sort) { try { sort = sorts[localStorage.getItem(${JSON.stringify(SORT_STORAGE_KEY)})]; } catch (error) {} }
    sort = sort || 'newest';
    var slug = encodeURIComponent(decodeURIComponent(match[1]));
    var early = new Map();
    var get = function (path) {
      early.set(path, fetch(new URL(${JSON.stringify(apiBase)} + path, location.href).toString(), { headers: { Accept: 'application/json' } }));
    };
    get('/articles/' + slug);
    get('/articles/' + slug + '/comments?sort=' + sort);
    window.__reagirEarly = early;
  } catch (error) {}
})();`;
}

/** The response of a request the inline script already started for this path, once. */
export function takeEarlyResponse(path: string): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__reagirEarly;
  const response = early?.get(path);
  early?.delete(path);
  return response;
}
