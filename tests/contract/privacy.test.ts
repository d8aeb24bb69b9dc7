// No public response carries a commenter's email or a hashed client address, whatever the
// endpoint, signed in or not: only a signed-in moderator's answers on moderators' routes may show
// an email. The examples below are driven by the API's own route table, so a new endpoint
// without an example here fails this test rather than escaping it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/http/api';
import { createMemoryStore } from '../../src/core/memory-store';
import { openStream } from './event-streams';
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
/** A comment of an author's own, with the token its post was answered with. */
interface Own {
  id: string;
  authorToken: string;
}

function examples(ids: { published: string; pending: string; ban: string; edited: Own; deleted: Own }): Record<string, { path: string; init?: RequestInit }> {
  const token = { clientToken: 'lecteur-confidentiel' };
  const byAuthor = ({ authorToken }: Own) => ({ authorization: `Bearer ${authorToken}`, 'content-type': 'application/json' });
  return {
    'PUT /articles/:slug/comments/:id': {
      path: `/articles/${SLUG}/comments/${ids.edited.id}`,
      init: { method: 'PUT', headers: byAuthor(ids.edited), body: JSON.stringify({ body: 'Corrigé.' }) },
    },
    'DELETE /articles/:slug/comments/:id': {
      path: `/articles/${SLUG}/comments/${ids.deleted.id}`,
      init: { method: 'DELETE', headers: byAuthor(ids.deleted) },
    },
    'GET /articles/:slug': { path: `/articles/${SLUG}` },
    'GET /articles/:slug/comments': { path: `/articles/${SLUG}/comments?sort=oldest` },
    // The stream replays the discussion's events from the first: the approval below among them.
    'GET /articles/:slug/events': { path: `/articles/${SLUG}/events?after=0` },
    'GET /moderation/events': { path: '/moderation/events' },
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
    'POST /moderation/comments/:id/ban': { path: `/moderation/comments/${ids.pending}/ban`, init: json({ reason: 'Spam' }) },
    'GET /moderation/bans': { path: '/moderation/bans' },
    'DELETE /moderation/bans/:id': { path: `/moderation/bans/${ids.ban}`, init: { method: 'DELETE' } },
    'GET /moderation/word-lists': { path: '/moderation/word-lists' },
    'PUT /moderation/word-lists': { path: '/moderation/word-lists', init: { ...json({ banned: [], suspect: ['privé'] }), method: 'PUT' } },
    'POST /session': { path: '/session', init: json({ name: 'equipe', password: 'faux mot de passe' }) },
    'GET /session': { path: '/session' },
    'DELETE /session': { path: '/session', init: { method: 'DELETE' } },
  };
}

/** A body's text; a stream's first moments, which hold its replayed events. */
async function textOf(response: Response): Promise<string> {
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) return response.text();
  const stream = openStream(response);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await stream.close();
  return stream.text();
}

describe.each(targets)('privacy on $name', (target) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await target.start();
  });
  afterEach(async () => {
    await backend.close();
  });

  it('answers no public request of any endpoint with an email or an address hash, before and after moderation', async () => {
    const post = async (parentId: string | null) => {
      const response = await backend.fetch(`/articles/${SLUG}/comments`, json({ author: 'Discrète', email: EMAIL, body: 'Privé ?', parentId }));
      return ((await response.json()) as { comment: { id: string } }).comment.id;
    };
    const published = await post('seed-12');
    await backend.moderatorFetch(`/moderation/comments/${published}/approve`, json({}));
    const pending = await post(published);
    expect((await backend.store.comment(pending))?.email).toBe(EMAIL);
    const banned = await backend.moderatorFetch(`/moderation/comments/${published}/ban`, json({ reason: 'Essai' }));
    const ban = ((await banned.json()) as { ban: { id: string } }).ban.id;
    // Authors' own comments, by an email not banned (and as private as the other).
    const own = async () => {
      const body = { author: 'Autrice', email: 'autrice@example.fr', body: 'À moi.', parentId: null };
      return (await (await backend.fetch(`/articles/${SLUG}/comments`, json(body))).json()) as Own & { comment: { id: string } };
    };
    const [edited, deleted] = await Promise.all([own(), own()]).then((posted) => posted.map(({ comment, authorToken }) => ({ id: comment.id, authorToken })));

    const api = createApi({ store: createMemoryStore() });
    const routes = api.routes.map((route) => `${route.method} ${route.pattern}`);
    const moderatorsOnly = new Set(api.routes.filter((route) => route.moderatorsOnly).map((route) => `${route.method} ${route.pattern}`));
    const byRoute = examples({ published, pending, ban, edited: edited as Own, deleted: deleted as Own });
    expect(Object.keys(byRoute).sort(), 'an example for every route of the API').toEqual([...routes].sort());
    // Signing out last: the moderator's session serves every other route first.
    const signOutLast = (route: string) => Number(route === 'DELETE /session');
    for (const route of [...routes].sort((a, b) => signOutLast(a) - signOutLast(b))) {
      const { path, init } = byRoute[route] as { path: string; init?: RequestInit };
      for (const signedIn of [false, true]) {
        const response = await (signedIn ? backend.moderatorFetch(path, init) : backend.fetch(path, init));
        const text = await textOf(response);
        const name = `${route}${signedIn ? ' (moderator)' : ''}`;
        // A hashed address would be 64 hexadecimal digits (address-key.ts), a session token's hash too.
        expect(text, name).not.toMatch(/[0-9a-f]{64}/i);
        if (signedIn && moderatorsOnly.has(route)) {
          expect(response.status, `${name}: ${text}`).toBeLessThan(300);
          continue;
        }
        if (!signedIn && moderatorsOnly.has(route)) expect(response.status, name).toBe(401);
        expect(text, name).not.toContain(EMAIL);
        expect(text, name).not.toMatch(/@example\.fr|"email"/);
      }
    }
  });

  it('shows the email to a signed-in moderator, who needs it to ban', async () => {
    await backend.fetch(`/articles/${SLUG}/comments`, json({ author: 'Discrète', email: EMAIL, body: 'Privé ?', parentId: null }));
    const queue = await (await backend.moderatorFetch('/moderation/comments?status=pending')).text();
    expect(queue).toContain(EMAIL);
  });
});
