// No response carries a commenter's email, whatever the endpoint: the examples below are driven
// by the API's own route table, so a new endpoint without an example here fails this test
// rather than escaping it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/http/api';
import { createMemoryStore } from '../../src/core/memory-store';
import { contractTargets, type Backend } from './targets';

const targets = await contractTargets();
const SLUG = 'hollande-poutine-daech';
const EMAIL = 'confidentielle@example.fr';
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** One request per route, by "METHOD pattern", built once the state below exists. */
function examples(ids: { published: string; pending: string }): Record<string, { path: string; init?: RequestInit }> {
  const token = { clientToken: 'lecteur-confidentiel' };
  return {
    'GET /articles/:slug': { path: `/articles/${SLUG}` },
    'GET /articles/:slug/comments': { path: `/articles/${SLUG}/comments?sort=oldest` },
    'GET /articles/:slug/comments/:id/replies': { path: `/articles/${SLUG}/comments/seed-12/replies` },
    'GET /articles/:slug/comments/:id/context': { path: `/articles/${SLUG}/comments/${ids.published}/context` },
    'POST /articles/:slug/comments': {
      path: `/articles/${SLUG}/comments`,
      init: json({ author: 'Autre', email: EMAIL, body: 'Encore un.', parentId: ids.published }),
    },
    'POST /articles/:slug/comments/:id/recommendations': { path: `/articles/${SLUG}/comments/${ids.published}/recommendations`, init: json(token) },
    'DELETE /articles/:slug/comments/:id/recommendations': {
      path: `/articles/${SLUG}/comments/${ids.published}/recommendations`,
      init: { ...json(token), method: 'DELETE' },
    },
    'POST /articles/:slug/comments/:id/reports': {
      path: `/articles/${SLUG}/comments/${ids.published}/reports`,
      init: json({ ...token, reason: 'spam' }),
    },
    'GET /comments/statuses': { path: `/comments/statuses?ids=${ids.published},${ids.pending}` },
    'GET /moderation/comments': { path: '/moderation/comments?status=pending' },
    'POST /moderation/comments/:id/:decision': { path: `/moderation/comments/${ids.pending}/keep`, init: json({ reason: 'Vu' }) },
  };
}

describe.each(targets)('privacy on $name', (target) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await target.start();
  });
  afterEach(async () => {
    await backend.close();
  });

  it('answers no request of any endpoint with an email, before and after moderation', async () => {
    const post = async (parentId: string | null) => {
      const response = await backend.fetch(`/articles/${SLUG}/comments`, json({ author: 'Discrète', email: EMAIL, body: 'Privé ?', parentId }));
      return ((await response.json()) as { comment: { id: string } }).comment.id;
    };
    const published = await post('seed-12');
    await backend.fetch(`/moderation/comments/${published}/approve`, json({}));
    const pending = await post(published);
    expect((await backend.store.comment(pending))?.email).toBe(EMAIL);

    const routes = createApi({ store: createMemoryStore() }).routes.map((route) => `${route.method} ${route.pattern}`);
    const byRoute = examples({ published, pending });
    expect(Object.keys(byRoute).sort(), 'an example for every route of the API').toEqual([...routes].sort());
    for (const route of routes) {
      const { path, init } = byRoute[route] as { path: string; init?: RequestInit };
      const response = await backend.fetch(path, init);
      const text = await response.text();
      expect(response.status, `${route}: ${text}`).toBeLessThan(300);
      expect(text, route).not.toContain(EMAIL);
      expect(text, route).not.toMatch(/@example\.fr|"email"/);
    }
  });
});
