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
  return `(function () {
  try {
    var match = /^\\/articles\\/([^/]+)\\/?$/.exec(location.pathname);
    if (!match) return;
    var choice = new URLSearchParams(location.search).get('tri');
    if (!choice) { try { choice = localStorage.getItem('reagir:comment-sort'); } catch (error) {} }
    var sort = { recents: 'newest', anciens: 'oldest', reponses: 'replies', recommandes: 'recommended' }[choice] || 'newest';
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
