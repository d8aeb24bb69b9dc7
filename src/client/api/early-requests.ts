// The article page's two first requests, started by an inline script in index.html before the
// JavaScript bundle has even downloaded, so that the network and the parsing of the bundle
// overlap. Production build only (the mock backend of dev and demo is not up that early).
// The paths must be the ones the query functions ask for: early-requests.test.ts checks it.

declare global {
  interface Window {
    __reagirEarly?: Map<string, Promise<Response>>;
  }
}

/** The inline script, as text; `apiBase` is VITE_API_URL or `/api`. */
export function earlyRequestsScript(apiBase: string): string {
  // Plain ES5 on purpose: it runs before anything else, in any browser, and must never throw.
  // The order as useCommentSort reads it: the URL, else the cookie, else an older choice. The
  // cookie's name and the words are src/shared/sort-params.ts's, written out: importing that
  // module here splits the first bundle in three (docs/decisions/001-languages.md); the test
  // checks that they agree.
  return `(function () {
  try {
    var match = /^\\/articles\\/([^/]+)\\/?$/.exec(location.pathname);
    if (!match) return;
    var sorts = { recents: 'newest', anciens: 'oldest', reponses: 'replies', recommandes: 'recommended' };
    var sort = sorts[new URLSearchParams(location.search).get('tri')] || sorts[(/(?:^|; )reagir_tri=([^;]*)/.exec(document.cookie) || [])[1]];
    if (!sort) { try { sort = sorts[localStorage.getItem('reagir:comment-sort')]; } catch (error) {} }
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
