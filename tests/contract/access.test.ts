// The moderators' door and the throttles, attacked over the API of every backend (the mock
// in-process, the real server over HTTP on SQLite and PostgreSQL): every moderators' route
// without a session, with a forged, an expired, a signed-out or a removed moderator's one, and
// from another site; bursts of wrong passwords, of posts, reports and recommendations; a banned
// author; banned and suspect words behind the usual tricks.
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/digest';
import { DEFAULT_RATE_RULES, type RateRules } from '../../src/core/throttle';
import { createMemoryStore } from '../../src/core/memory-store';
import { createApi } from '../../src/http/api';
import { BansResponseSchema, ModerationListResponseSchema } from '../../src/shared/moderation-contract';
import { contractTargets, TEST_MODERATOR, type Backend, type BackendOptions, type Target } from './targets';

const targets = await contractTargets();
const SLUG = 'hollande-poutine-daech';
const HOUR = 60 * 60_000;

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** One request per moderators' route, driven by the route table: a new route cannot escape. */
function moderatorRequests(): Array<{ name: string; path: string; init: RequestInit }> {
  const examples: Record<string, { path: string; init: RequestInit }> = {
    'GET /moderation/comments': { path: '/moderation/comments?status=pending', init: {} },
    'GET /moderation/events': { path: '/moderation/events', init: {} },
    'POST /moderation/comments/:id/:decision': { path: '/moderation/comments/seed-12/reject', init: json({}) },
    'POST /moderation/comments/:id/ban': { path: '/moderation/comments/seed-12/ban', init: json({ reason: 'Essai' }) },
    'GET /moderation/bans': { path: '/moderation/bans', init: {} },
    'DELETE /moderation/bans/:id': { path: '/moderation/bans/inconnu', init: { method: 'DELETE' } },
    'GET /moderation/word-lists': { path: '/moderation/word-lists', init: {} },
    'PUT /moderation/word-lists': { path: '/moderation/word-lists', init: json({ banned: ['x'], suspect: [] }, 'PUT') },
  };
  const routes = createApi({ store: createMemoryStore() }).routes.filter((route) => route.moderatorsOnly);
  return routes.map((route) => {
    const name = `${route.method} ${route.pattern}`;
    const example = examples[name];
    if (!example) throw new Error(`No example for the moderators' route ${name}.`);
    return { name, ...example };
  });
}

const withCookie = (init: RequestInit, cookie: string, more: Record<string, string> = {}): RequestInit => {
  const headers = new Headers(init.headers);
  headers.set('cookie', cookie);
  for (const [name, value] of Object.entries(more)) headers.set(name, value);
  return { ...init, headers };
};

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe.each(targets)('the moderators’ door and the throttles on $name', (target: Target) => {
  let backend: Backend;
  const start = async (options?: BackendOptions) => {
    backend = await target.start(options);
    return backend;
  };
  afterEach(async () => {
    await backend.close();
  });

  async function signIn(name: string, password: string): Promise<Response> {
    return backend.fetch('/session', json({ name, password }));
  }

  /** A session made directly in the store, for a state the clock would take hours to reach. */
  async function plantedSession(moderator: string, ageMs: { created: number; lastSeen: number }): Promise<string> {
    const token = `planted-${Math.random().toString(36).slice(2)}-${Date.now()}`;
    const now = Date.now();
    await backend.store.access.insertSession({
      tokenHash: await sha256Hex(token),
      moderator,
      createdMs: now - ageMs.created,
      lastSeenMs: now - ageMs.lastSeen,
    });
    return `reagir_session=${token}`;
  }

  it('answers every moderators’ route 401 without a session, with a forged, expired or removed one', async () => {
    await start();
    await backend.addModerator('partant', 'mot-de-passe-du-partant');
    const idle = await plantedSession(TEST_MODERATOR.name, { created: 13 * HOUR, lastSeen: 12 * HOUR + 60_000 });
    const tooOld = await plantedSession(TEST_MODERATOR.name, { created: 7 * 24 * HOUR + 60_000, lastSeen: 0 });
    const fresh = await plantedSession(TEST_MODERATOR.name, { created: 0, lastSeen: 0 });
    const leaving = await plantedSession('partant', { created: 0, lastSeen: 0 });
    await backend.store.access.removeModerator('partant');

    const cookies = {
      none: null,
      forged: 'reagir_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      empty: 'reagir_session=',
      idle,
      tooOld,
      removed: leaving,
    };
    for (const request of moderatorRequests()) {
      for (const [kind, cookie] of Object.entries(cookies)) {
        const response = await backend.fetch(request.path, cookie === null ? request.init : withCookie(request.init, cookie));
        expect(response.status, `${request.name} with ${kind}`).toBe(401);
        expect(await codeOf(response)).toBe('unauthenticated');
      }
    }
    // The same requests with a live session go through: the 401s above were the door's.
    const queue = await backend.fetch('/moderation/comments', withCookie({}, fresh));
    expect(queue.status).toBe(200);
  });

  it('refuses a moderator’s change coming from another site, cookie or not', async () => {
    await start();
    const cookie = await plantedSession(TEST_MODERATOR.name, { created: 0, lastSeen: 0 });
    const attacks: Array<Record<string, string>> = [
      { origin: 'https://attaquant.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const request of moderatorRequests().filter((entry) => entry.init.method !== undefined)) {
      for (const headers of attacks) {
        const response = await backend.fetch(request.path, withCookie(request.init, cookie, headers));
        expect(response.status, `${request.name} with ${JSON.stringify(headers)}`).toBe(403);
        expect(await codeOf(response)).toBe('cross_origin');
      }
    }
    const signInFromElsewhere = await backend.fetch('/session', {
      ...json(TEST_MODERATOR),
      headers: { 'content-type': 'application/json', origin: 'https://attaquant.example' },
    });
    expect(signInFromElsewhere.status).toBe(403);
    // The same change from this site is decided.
    const sameSite = await backend.fetch('/moderation/comments/seed-12/keep', withCookie(json({}), cookie, { 'sec-fetch-site': 'same-origin' }));
    expect(sameSite.status).toBe(200);
  });

  it('signs in with a cookie no script or other site gets, and signing out ends the session on the server', async () => {
    await start();
    const response = await signIn('EQUIPE', TEST_MODERATOR.password);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ moderator: { name: TEST_MODERATOR.name } });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^reagir_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    // Plain HTTP here: a Secure cookie would never come back.
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = setCookie.split(';')[0] as string;

    expect((await backend.fetch('/session', withCookie({}, cookie))).status).toBe(200);
    const signedOut = await backend.fetch('/session', withCookie({ method: 'DELETE' }, cookie));
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toMatch(/^reagir_session=; .*Max-Age=0/);
    // Replaying the old cookie after signing out: the server forgot it.
    expect((await backend.fetch('/moderation/comments', withCookie({}, cookie))).status).toBe(401);
    expect((await backend.fetch('/session', withCookie({}, cookie))).status).toBe(401);
  });

  it('says the same thing for a wrong password and an unknown identifiant', async () => {
    await start();
    const wrongPassword = await signIn(TEST_MODERATOR.name, 'pas le bon mot de passe');
    const unknownName = await signIn('personne', TEST_MODERATOR.password);
    expect(wrongPassword.status).toBe(401);
    expect(unknownName.status).toBe(401);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    expect(await wrongPassword.json()).toEqual(await unknownName.json());
  });

  it('stops a burst of wrong passwords for one identifiant, and for one address, with Retry-After', async () => {
    await start();
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await signIn(TEST_MODERATOR.name, `essai-${attempt}`)).status).toBe(401);
    // Even the right password waits now: the guesser cannot tell it was right.
    const throttled = await signIn(TEST_MODERATOR.name, TEST_MODERATOR.password);
    expect(throttled.status).toBe(429);
    expect(await codeOf(throttled)).toBe('rate_limited');
    const wait = Number(throttled.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(15 * 60 - 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);

    // One address trying many identifiants: the address is stopped too.
    await backend.addModerator('autre', 'mot-de-passe-de-l-autre');
    const other = await signIn('autre', 'mot-de-passe-de-l-autre');
    expect(other.status).toBe(429);
  });

  it('throttles posting per address and per email, answers a retry of a stored comment, and says when to come back', async () => {
    const rules: RateRules = {
      ...DEFAULT_RATE_RULES,
      'comment-address': { limit: 4, windowMs: 10 * 60_000 },
      'comment-email': { limit: 2, windowMs: 10 * 60_000 },
    };
    await start({ rateRules: rules });
    const post = (email: string, body: string, key?: string) =>
      backend.fetch(`/articles/${SLUG}/comments`, {
        ...json({ author: 'Rafale', email, body, parentId: null }),
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      });
    expect((await post('un@example.fr', 'Premier.', 'cle-1')).status).toBe(201);
    expect((await post('UN@example.fr', 'Deuxième.')).status).toBe(201);
    const byEmail = await post(' un@example.fr', 'Troisième.');
    expect(byEmail.status).toBe(429);
    expect(Number(byEmail.headers.get('retry-after'))).toBeGreaterThan(500);
    // The retry of the first (same key, same text) is answered, not throttled, and stores nothing.
    expect((await post('un@example.fr', 'Premier.', 'cle-1')).status).toBe(200);

    expect((await post('deux@example.fr', 'Autre email.')).status).toBe(201);
    const byAddress = await post('trois@example.fr', 'Encore un autre.');
    expect(byAddress.status).toBe(429);
    expect(await codeOf(byAddress)).toBe('rate_limited');
    const stored = (await backend.store.moderationQueue('pending', 100)).map((comment) => comment.body);
    expect(stored.sort()).toEqual(['Autre email.', 'Deuxième.', 'Premier.']);
  });

  it('throttles reports and recommendations per address', async () => {
    await start({
      rateRules: {
        ...DEFAULT_RATE_RULES,
        'report-address': { limit: 2, windowMs: 60 * 60_000 },
        'recommendation-address': { limit: 3, windowMs: 60 * 60_000 },
      },
    });
    const report = (id: string, token: string) => backend.fetch(`/articles/${SLUG}/comments/${id}/reports`, json({ reason: 'spam', clientToken: token }));
    expect((await report('seed-12', 'lecteur-a1')).status).toBe(201);
    expect((await report('seed-14', 'lecteur-a2')).status).toBe(201);
    expect((await report('seed-06', 'lecteur-a3')).status).toBe(429);
    const recommend = (id: string, token: string) =>
      backend.fetch(`/articles/${SLUG}/comments/${id}/recommendations`, json({ clientToken: token }));
    for (const token of ['lecteur-b1', 'lecteur-b2', 'lecteur-b3']) expect((await recommend('seed-12', token)).status).toBe(200);
    const fourth = await recommend('seed-12', 'lecteur-b4');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('refuses a banned author’s next comments, lists the ban, and lets the moderator lift it', async () => {
    await start();
    const post = (email: string) => backend.fetch(`/articles/${SLUG}/comments`, json({ author: 'Troll', email, body: 'Encore moi.', parentId: null }));
    const first = (await (await post('troll@example.fr')).json()) as { comment: { id: string } };
    const banned = await backend.moderatorFetch(`/moderation/comments/${first.comment.id}/ban`, json({ reason: 'Insultes répétées' }));
    expect(banned.status).toBe(201);

    const refused = await post('  TROLL@example.fr ');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: 'author_banned', message: 'Vous ne pouvez plus publier de commentaires sur ce site.' },
    });
    const { bans } = v.parse(BansResponseSchema, await (await backend.moderatorFetch('/moderation/bans')).json());
    expect(bans).toEqual([expect.objectContaining({ email: 'troll@example.fr', author: 'Troll', reason: 'Insultes répétées', moderator: TEST_MODERATOR.name })]);

    const lifted = await backend.moderatorFetch(`/moderation/bans/${bans[0]?.id}`, { method: 'DELETE' });
    expect(lifted.status).toBe(204);
    expect((await post('troll@example.fr')).status).toBe(201);
    expect((await backend.moderatorFetch(`/moderation/bans/${bans[0]?.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses banned words behind the usual tricks, without naming the list, and keeps suspect words for the moderator', async () => {
    await start();
    const lists = await backend.moderatorFetch('/moderation/word-lists', json({ banned: ['Connard', ' ', 'connard'], suspect: ['arnaque'] }, 'PUT'));
    expect(await lists.json()).toEqual({ banned: ['Connard'], suspect: ['arnaque'] });

    const post = (body: string) => backend.fetch(`/articles/${SLUG}/comments`, json({ author: 'Lecteur', email: 'l@example.fr', body, parentId: null }));
    const tricks = ['Quel CONNARD.', 'Quel cônnârd.', 'Quel c0nn4rd.', 'Quel с\u043ennard.', 'Quel con\u200bnard.', 'Quel c o n n a r d.', 'Quel c.o.n.n.a.r.d !', 'Quel connnnnard.'];
    for (const body of tricks) {
      const response = await post(body);
      expect(response.status, body).toBe(422);
      const { error } = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(error.code).toBe('banned_words');
      expect(error.fields.body).toMatch(/charte/);
      expect(error.fields.body).not.toMatch(/connard/i);
    }
    // A word that merely contains it, and a text about something else, go through.
    expect((await post('Un conseil avisé.')).status).toBe(201);

    const suspect = await post('Cette offre est une ARNAQUE, évidemment.');
    expect(suspect.status).toBe(201);
    const queue = v.parse(ModerationListResponseSchema, await (await backend.moderatorFetch('/moderation/comments?status=pending')).json());
    const marked = queue.comments.find((comment) => comment.body.startsWith('Cette offre'));
    const at = 'Cette offre est une '.length;
    expect(marked?.suspectWords).toEqual([{ start: at, end: at + 'ARNAQUE'.length }]);
    expect(queue.comments.find((comment) => comment.body === 'Un conseil avisé.')?.suspectWords).toEqual([]);
  });
});
