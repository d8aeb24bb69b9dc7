// The live streams of the contract, on every backend: a reader's stream gets each change of the
// discussion once, in order, numbered; a reconnection resumes with no gap and nothing twice; too
// much missed is a reset; moderators hear the queues move; two moderators deciding one comment at
// once get one decision, and the other is told (409).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { createLiveHub } from '../../src/core/live-hub';
import { createMemoryStore } from '../../src/core/memory-store';
import { setRecommendation } from '../../src/core/react-to-comment';
import { createApi } from '../../src/http/api';
import { startHttpServer } from '../../src/server/http-server';
import { seedIfEmpty } from '../../src/server/seed';
import type { DiscussionEvent, QueueEvent } from '../../src/shared/live-contract';
import { openStream, type OpenStream, type ReceivedEvent } from './event-streams';
import { contractTargets, TEST_MODERATOR, type Backend } from './targets';

const targets = await contractTargets();
const SLUG = 'hollande-poutine-daech';
const EMAIL = 'direct@example.fr';
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const of = (events: ReceivedEvent[], type: string) => events.filter((event) => event.type === type);
const data = (event: ReceivedEvent | undefined) => JSON.parse(event?.data ?? 'null') as DiscussionEvent;

describe.each(targets)('live streams on $name', (target) => {
  let backend: Backend;
  const streams: OpenStream[] = [];
  beforeEach(async () => {
    backend = await target.start();
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) await stream.close();
    await backend.close();
  });

  async function follow(path: string, init: RequestInit = {}, asModerator = false): Promise<OpenStream> {
    const response = await (asModerator ? backend.moderatorFetch(path, init) : backend.fetch(path, init));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = openStream(response);
    streams.push(stream);
    return stream;
  }

  async function post(body: string, parentId: string | null = null): Promise<string> {
    const response = await backend.fetch(`/articles/${SLUG}/comments`, json({ author: 'Direct', email: EMAIL, body, parentId }));
    expect(response.status).toBe(201);
    return ((await response.json()) as { comment: { id: string } }).comment.id;
  }

  const decide = (id: string, decision: string, body: unknown = {}) => backend.moderatorFetch(`/moderation/comments/${id}/${decision}`, json(body));

  it('pushes an approved comment to a reader, numbered after the page it read, with the counts and no email', async () => {
    const page = (await (await backend.fetch(`/articles/${SLUG}/comments`)).json()) as { total: number; eventId: number };
    const stream = await follow(`/articles/${SLUG}/events?after=${page.eventId}`);
    const id = await post('Un commentaire en direct.', 'seed-12');
    // Pending: readers hear nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(of(stream.events(), 'published')).toEqual([]);
    expect((await decide(id, 'approve')).status).toBe(200);
    const events = await stream.until((received) => of(received, 'published').length === 1);
    const [published] = of(events, 'published');
    expect(published?.id).toBe(String(page.eventId + 1));
    const event = data(published);
    expect(event.subject).toBe(id);
    expect(event.comments[0]).toMatchObject({ id, body: 'Un commentaire en direct.', parentId: 'seed-12', removed: false });
    // Its parent's counts moved with it.
    expect(event.comments.find((comment) => comment.id === 'seed-12')?.replyCount).toBeGreaterThan(0);
    expect(event.total).toBe(page.total + 1);
    expect(stream.text()).not.toContain(EMAIL);
  });

  it('resumes after Last-Event-ID with every missed event once, in order, then the live ones', async () => {
    const first = await follow(`/articles/${SLUG}/events`);
    const [ready] = await first.until((received) => of(received, 'ready').length === 1);
    const start = Number(ready?.id);
    await first.close();
    const missed = [await post('Manqué un.'), await post('Manqué deux.')];
    for (const id of missed) await decide(id, 'approve');
    await backend.fetch(`/articles/${SLUG}/comments/${missed[0]}/recommendations`, json({ clientToken: 'lecteur-direct-1' }));

    const resumed = await follow(`/articles/${SLUG}/events`, { headers: { 'last-event-id': String(start) } });
    const live = await post('En direct.');
    await resumed.until((received) => received.length >= 3);
    await decide(live, 'approve');
    const events = await resumed.until((received) => received.length >= 4);
    expect(events.map((event) => event.id)).toEqual([start + 1, start + 2, start + 3, start + 4].map(String));
    expect(events.map((event) => [event.type, data(event).subject])).toEqual([
      ['published', missed[0]],
      ['published', missed[1]],
      ['recommended', missed[0]],
      ['published', live],
    ]);
    expect(data(events[2]).comments[0]?.recommendations).toBe(1);
  });

  it('answers a reset when the reader missed more than is replayed, or comes from another history', async () => {
    const ahead = await follow(`/articles/${SLUG}/events`, { headers: { 'last-event-id': '999999' } });
    const [reset] = await ahead.until((received) => received.length > 0);
    expect(reset).toMatchObject({ type: 'reset', id: '0' });
    expect((await backend.fetch(`/articles/${SLUG}/events?after=abc`)).status).toBe(400);
    expect((await backend.fetch('/articles/inconnu/events')).status).toBe(404);
  });

  it('tells moderators what enters and leaves the queues, and who decided', async () => {
    const queue = await follow('/moderation/events', {}, true);
    const id = await post('Pour la file.');
    await queue.until((received) => received.length === 1);
    await decide(id, 'reject');
    const events = await queue.until((received) => received.length === 2);
    expect(events.map((event) => JSON.parse(event.data) as QueueEvent)).toEqual([
      { id, status: 'pending', moderator: null },
      { id, status: 'rejected', moderator: TEST_MODERATOR.name },
    ]);
    expect((await backend.fetch('/moderation/events')).status).toBe(401);
  });

  it('refuses a decision on a text its author changed after the moderator read it (409), and takes the new one read', async () => {
    const posted = await backend.fetch(`/articles/${SLUG}/comments`, json({ author: 'Direct', email: EMAIL, body: 'Texte lu par la modération.', parentId: null }));
    const { comment, authorToken } = (await posted.json()) as { comment: { id: string }; authorToken: string };
    const queue = (await (await backend.moderatorFetch('/moderation/comments?status=pending')).json()) as { comments: { id: string; version: string }[] };
    const read = queue.comments.find((item) => item.id === comment.id)?.version as string;
    expect(read).toMatch(/^[0-9a-f]{32}$/);
    // The author changes it while the moderator reads.
    const edited = await backend.fetch(`/articles/${SLUG}/comments/${comment.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${authorToken}` },
      body: JSON.stringify({ body: 'Texte changé en douce.' }),
    });
    expect(edited.status).toBe(200);
    const refused = await decide(comment.id, 'approve', { from: 'pending', version: read });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: { code: 'comment_changed', message: 'Son auteur vient de modifier ce commentaire : relisez-le avant de décider.' } });
    expect((await backend.store.comment(comment.id))?.status).toBe('pending');
    // Read again, it is decided.
    const again = (await (await backend.moderatorFetch('/moderation/comments?status=pending')).json()) as { comments: { id: string; version: string }[] };
    const now = again.comments.find((item) => item.id === comment.id)?.version;
    expect(now).not.toBe(read);
    expect((await decide(comment.id, 'approve', { from: 'pending', version: now })).status).toBe(200);
  });

  it('decides a comment once when two moderators decide it at once: the other is told 409', async () => {
    const reader = await follow(`/articles/${SLUG}/events`);
    await reader.until((received) => received.length === 1);
    const id = await post('Deux décisions.');
    const answers = await Promise.all([decide(id, 'approve', { from: 'pending' }), decide(id, 'reject', { from: 'pending' })]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409) as Response;
    expect(await refused.json()).toEqual({ error: { code: 'already_decided', message: 'Traité par un autre modérateur.' } });
    const winner = answers.findIndex((answer) => answer.status === 200) === 0 ? 'published' : 'rejected';
    expect((await backend.store.comment(id))?.status).toBe(winner);
    // Readers heard of it once, if it was published.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(of(reader.events(), 'published').length).toBe(winner === 'published' ? 1 : 0);
  });
});

describe('open streams per client', () => {
  it('refuses a client holding its share of streams (429), not another, and counts a closed one out', async () => {
    const store = createMemoryStore();
    await seedIfEmpty(store);
    const api = createApi({ store, maxStreamsPerClient: 2 });
    const open = async (addressKey: string) => api.handle(new Request(`http://localhost/api/articles/${SLUG}/events`), { addressKey });
    const held = [openStream(await open('attaquant')), openStream(await open('attaquant'))];
    const refused = await open('attaquant');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'Trop de connexions au direct ouvertes depuis votre adresse.' } });
    const other = await open('voisin');
    expect(other.status).toBe(200);
    await openStream(other).close();
    await held[0]?.close();
    const again = await open('attaquant');
    expect(again.status).toBe(200);
    await openStream(again).close();
    await held[1]?.close();
    api.hub.close();
  });
});

describe('the hub, as readers come and go at once', () => {
  const recorder = () => {
    const events: string[] = [];
    let closed = false;
    return {
      events,
      closed: () => closed,
      sink: { event: (_id: number | null, type: string) => void events.push(type), keepAlive: () => undefined, close: () => void (closed = true) },
    };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('keeps a reader who joins while the last one leaves, and it hears what follows', async () => {
    const store = createMemoryStore();
    await seedIfEmpty(store);
    const hub = createLiveHub(store);
    const leaving = recorder();
    const joining = recorder();
    const stopLeaving = hub.followArticle(SLUG, null, leaving.sink);
    await settle();
    // B's catch-up is queued; A leaves before it runs.
    hub.followArticle(SLUG, null, joining.sink);
    stopLeaving();
    await settle();
    expect(hub.size()).toBe(1);
    await setRecommendation(store, SLUG, 'seed-12', 'un-lecteur-du-hub', true);
    await settle();
    expect(joining.events).toEqual(['ready', 'recommended']);
    hub.close();
    expect(joining.closed()).toBe(true);
  });

  it('ends only the stream whose catch-up failed', async () => {
    const store = createMemoryStore();
    await seedIfEmpty(store);
    const failing = { ...store, lastEventId: store.lastEventId, discussionEvents: store.discussionEvents, signal: store.signal };
    let fail = false;
    const hub = createLiveHub({
      ...failing,
      lastEventId: (slug: string) => (fail ? Promise.reject(new Error('base indisponible')) : store.lastEventId(slug)),
    });
    const healthy = recorder();
    hub.followArticle(SLUG, null, healthy.sink);
    await settle();
    fail = true;
    const unlucky = recorder();
    hub.followArticle(SLUG, null, unlucky.sink);
    await settle();
    expect(unlucky.closed()).toBe(true);
    expect(healthy.closed()).toBe(false);
    fail = false;
    await setRecommendation(store, SLUG, 'seed-12', 'un-autre-lecteur-du-hub', true);
    await settle();
    expect(healthy.events).toEqual(['ready', 'recommended']);
    hub.close();
  });
});

describe('streams on the node server', () => {
  it('frees a stream whose reader left before it began, and one that ends: no follower, no place held', async () => {
    const memory = createMemoryStore();
    await seedIfEmpty(memory);
    // A database that takes its time: readers leave while the route still reads the article.
    const store = { ...memory, article: async (slug: string) => (await new Promise((resolve) => setTimeout(resolve, 100)), memory.article(slug)) };
    const api = createApi({ store, maxStreamsPerClient: 2 });
    const server = await startHttpServer({ api, store, distDir: '/nonexistent', host: '127.0.0.1', port: 0, log: () => {} });
    try {
      const { port } = new URL(server.origin);
      // Readers who ask and leave at once, before the route has answered.
      for (let i = 0; i < 5; i++) {
        const socket = connect(Number(port), '127.0.0.1');
        socket.write(`GET /api/articles/${SLUG}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        setTimeout(() => socket.destroy(), 30);
      }
      // And readers who read a moment, then go.
      for (let i = 0; i < 3; i++) {
        const controller = new AbortController();
        const response = await fetch(`${server.origin}/api/articles/${SLUG}/events`, { signal: controller.signal });
        expect(response.status).toBe(200);
        controller.abort();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(api.hub.size()).toBe(0);
      // Their places are free: two readers may still follow.
      const held = [await fetch(`${server.origin}/api/articles/${SLUG}/events`), await fetch(`${server.origin}/api/articles/${SLUG}/events`)];
      expect(held.map((response) => response.status)).toEqual([200, 200]);
      for (const response of held) await response.body?.cancel();
    } finally {
      api.hub.close();
      await server.close();
    }
  });
});
