import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../mock/node';
import { SORT_COOKIE } from '../../shared/reader-cookies';
import { SORT_PARAMS } from '../../shared/sort-params';
import { renderApp } from '../../../tests/render-app';
import { earlyRequestsScript } from './early-requests';

function runInlineScript(path: string) {
  window.history.replaceState(null, '', path);
  // The same text the production index.html carries, run as the browser would run it.
  new Function(earlyRequestsScript('/api'))();
}

function countRequests() {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  });
  return seen;
}

afterEach(() => {
  delete window.__reagirEarly;
  server.events.removeAllListeners();
});

describe('early requests (production index.html)', () => {
  it.each([
    ['/articles/hollande-poutine-daech', 'newest'],
    ['/articles/hollande-poutine-daech?tri=anciens', 'oldest'],
  ])('starts exactly the requests the article page makes for %s, which uses them instead of asking again', async (path, sort) => {
    const seen = countRequests();
    runInlineScript(path);
    expect([...(window.__reagirEarly?.keys() ?? [])]).toEqual([
      '/articles/hollande-poutine-daech',
      `/articles/hollande-poutine-daech/comments?sort=${sort}`,
    ]);
    renderApp(path);
    await screen.findByRole('heading', { name: 'Commentaires (19)' });
    await screen.findByRole('form', { name: 'Réagir' });
    expect(window.__reagirEarly?.size).toBe(0);
    // Reads only: the live stream the page then follows is no read of what the script fetched.
    expect(seen.filter((request) => request.startsWith('GET /api/articles/') && !request.includes('/events'))).toEqual([
      'GET /api/articles/hollande-poutine-daech',
      `GET /api/articles/hollande-poutine-daech/comments?sort=${sort}`,
    ]);
  });

  it('follows the sort remembered in the browser: the cookie first, as the server does, else an older choice', () => {
    window.localStorage.setItem('reagir:comment-sort', 'reponses');
    runInlineScript('/articles/generated-50');
    expect([...(window.__reagirEarly?.keys() ?? [])]).toContain('/articles/generated-50/comments?sort=replies');
    document.cookie = 'reagir_tri=recommandes; Path=/';
    runInlineScript('/articles/generated-50');
    expect([...(window.__reagirEarly?.keys() ?? [])]).toContain('/articles/generated-50/comments?sort=recommended');
    runInlineScript('/articles/generated-50?tri=anciens');
    expect([...(window.__reagirEarly?.keys() ?? [])]).toContain('/articles/generated-50/comments?sort=oldest');
  });

  it.each(Object.entries(SORT_PARAMS))('knows the cookie and the words of src/shared/sort-params.ts: %s', (sort, param) => {
    document.cookie = `${SORT_COOKIE}=${param}; Path=/`;
    runInlineScript('/articles/generated-50');
    expect([...(window.__reagirEarly?.keys() ?? [])]).toContain(`/articles/generated-50/comments?sort=${sort}`);
  });

  it('does nothing on other pages', () => {
    runInlineScript('/moderation');
    expect(window.__reagirEarly).toBeUndefined();
  });
});
