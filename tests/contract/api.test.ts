// The API contract, run against every backend that speaks it: the mock's MSW handlers
// in-process, and the real server over HTTP on SQLite and on PostgreSQL (tests/contract/targets.ts).
// The tests speak HTTP as any client would and check the responses against the contract's own
// schemas; what was stored is read from the backend's store, never from an answer.
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleResponseSchema, CommentPageSchema, PostCommentResponseSchema } from '../../src/shared/contract';
import { ModerationListResponseSchema } from '../../src/shared/moderation-contract';
import { seedComments } from '../../src/fixtures/seed-article';
import { contractTargets, type Backend } from './targets';

const SLUG = 'hollande-poutine-daech';
const targets = await contractTargets();

describe.each(targets)('the API on $name', (target) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await target.start();
  });
  afterEach(async () => {
    await backend.close();
  });

  const api = (path: string, init?: RequestInit) => backend.fetch(path, init);

  function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return api(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** A moderator's POST: signed in, from this site. */
  function moderatorPost(path: string, body: unknown) {
    return backend.moderatorFetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  const valid = { author: 'Lectrice', email: 'lectrice@example.fr', body: 'Un commentaire.', parentId: null };

  async function errorOf(response: Response) {
    const { error } = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
    return error;
  }

  /** The pending comments as stored, emails included. */
  const pendingComments = () => backend.store.moderationQueue('pending', 1000);
  const storedComment = (id: string) => backend.store.comment(id);
  const reject = (id: string) => moderatorPost(`/moderation/comments/${id}/reject`, {});

  describe('GET /api/articles/:slug and its comments', () => {
    it('returns the article and its 19 published comments, as the contract says', async () => {
      const article = await api(`/articles/${SLUG}`);
      expect(article.status).toBe(200);
      expect(v.parse(ArticleResponseSchema, await article.json()).article.wordCount).toBe(509);

      const list = v.parse(CommentPageSchema, await (await api(`/articles/${SLUG}/comments`)).json());
      expect(list.total).toBe(19);
      expect(list.comments.map((comment) => comment.id).sort()).toEqual(seedComments.map((comment) => comment.id).sort());
    });

    it('answers 404 with a message for an unknown article', async () => {
      for (const path of ['/articles/inconnu', '/articles/inconnu/comments']) {
        const response = await api(path);
        expect(response.status).toBe(404);
        expect(await errorOf(response)).toMatchObject({ code: 'not_found', message: 'Cet article est introuvable.' });
      }
    });

    it('never puts an email in any GET response, even after posting and approving', async () => {
      const created = v.parse(PostCommentResponseSchema, await (await post(`/articles/${SLUG}/comments`, valid)).json());
      await moderatorPost(`/moderation/comments/${created.comment.id}/approve`, {});
      await post(`/articles/${SLUG}/comments`, { ...valid, body: 'En attente' });
      const texts = await Promise.all(
        [`/articles/${SLUG}`, `/articles/${SLUG}/comments`, '/moderation/comments?status=pending', '/moderation/comments?status=published'].map(
          async (path) => (await api(path)).text(),
        ),
      );
      for (const text of texts) {
        expect(text).not.toMatch(/email/i);
        expect(text).not.toContain('@example.fr');
      }
      expect(texts[1]).toContain('Un commentaire.');
    });
  });

  describe('POST /api/articles/:slug/comments', () => {
    it('stores a valid comment as pending, normalised, and answers 201 without the email', async () => {
      const response = await post(`/articles/${SLUG}/comments`, { ...valid, author: '  Le\u200B  Lecteur ', body: '  cafe\u0301  ' });
      expect(response.status).toBe(201);
      const json: unknown = await response.json();
      expect(JSON.stringify(json)).not.toContain('@');
      const { comment } = v.parse(PostCommentResponseSchema, json);
      expect(comment).toMatchObject({ status: 'pending', author: 'Le Lecteur', body: 'café', parentId: null });
      expect((await storedComment(comment.id))?.email).toBe('lectrice@example.fr');
    });

    it.each([
      ['an empty pseudo', { author: ' ' }, 'author', 'Indiquez un pseudo.'],
      ['a one-letter pseudo', { author: 'A' }, 'author', 'Votre pseudo doit compter au moins 2 caractères.'],
      ['a 51-character pseudo', { author: 'x'.repeat(51) }, 'author', 'Votre pseudo ne peut pas dépasser 50 caractères.'],
      ['a missing email', { email: '' }, 'email', 'Indiquez votre adresse email.'],
      ['an invalid email', { email: 'nom@domaine' }, 'email', 'Cette adresse email n’est pas valide (exemple : nom@domaine.fr).'],
      ['a blank body', { body: ' \n\t ' }, 'body', 'Écrivez votre commentaire.'],
      ['a body of 2001 graphemes', { body: '👍🏽'.repeat(2001) }, 'body', 'Votre commentaire dépasse la limite de 2000 caractères : retirez-en 1.'],
      ['a NUL in the body', { body: 'a\u0000b' }, 'body', 'Votre commentaire contient des caractères non autorisés.'],
      ['a bidi override in the body', { body: 'abc\u202Edef' }, 'body', 'Votre commentaire contient des caractères non autorisés.'],
    ])('refuses %s with 400 and the field’s message', async (_, change, field, message) => {
      const response = await post(`/articles/${SLUG}/comments`, { ...valid, ...change });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('validation');
      expect(error.fields).toEqual({ [field]: message });
      expect(await pendingComments()).toEqual([]);
    });

    it('accepts a body of exactly 2000 graphemes', async () => {
      const response = await post(`/articles/${SLUG}/comments`, { ...valid, body: 'e\u0301'.repeat(2000) });
      expect(response.status).toBe(201);
    });

    it.each([
      ['invalid JSON', '{"author": '],
      ['a missing field', { author: 'Lectrice', email: 'lectrice@example.fr' }],
      ['an extra field', { ...valid, status: 'published' }],
      ['a wrong type', { ...valid, body: 42 }],
      ['an array', [valid]],
    ])('refuses %s with 400', async (_, body) => {
      const response = await post(`/articles/${SLUG}/comments`, body);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toMatch(/JSON|demande/);
    });

    it('refuses a 1 MB body with 413 without storing anything', async () => {
      const response = await post(`/articles/${SLUG}/comments`, { ...valid, body: 'x'.repeat(1_000_000) });
      expect(response.status).toBe(413);
      expect(await pendingComments()).toEqual([]);
    });

    it('refuses an unknown article, an unknown parent, a parent of another article and one not yet published', async () => {
      expect((await post('/articles/inconnu/comments', valid)).status).toBe(404);
      const unknownParent = await post(`/articles/${SLUG}/comments`, { ...valid, parentId: 'nope' });
      expect(unknownParent.status).toBe(404);
      expect((await errorOf(unknownParent)).code).toBe('parent_not_found');
      // A parent that exists, published, but on another article.
      await backend.loadGenerated(50);
      const elsewhere = await post(`/articles/${SLUG}/comments`, { ...valid, parentId: 'generated-50-0' });
      expect((await api('/articles/generated-50/comments/generated-50-0/context')).status).toBe(200);
      expect(elsewhere.status).toBe(404);
      expect((await errorOf(elsewhere)).code).toBe('parent_not_found');
      const pending = v.parse(PostCommentResponseSchema, await (await post(`/articles/${SLUG}/comments`, valid)).json());
      expect((await post(`/articles/${SLUG}/comments`, { ...valid, parentId: pending.comment.id })).status).toBe(404);
    });

    it('stores a comment once per Idempotency-Key', async () => {
      const headers = { 'Idempotency-Key': 'cle-unique' };
      const first = await post(`/articles/${SLUG}/comments`, valid, headers);
      const second = await post(`/articles/${SLUG}/comments`, valid, headers);
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(((await second.json()) as { comment: { id: string } }).comment.id).toBe(
        ((await first.json()) as { comment: { id: string } }).comment.id,
      );
      expect(await pendingComments()).toHaveLength(1);
    });

    it('refuses a key already used for another text (422), and stores one comment for racing duplicates', async () => {
      const headers = { 'Idempotency-Key': 'cle-partagee' };
      expect((await post(`/articles/${SLUG}/comments`, valid, headers)).status).toBe(201);
      const edited = await post(`/articles/${SLUG}/comments`, { ...valid, body: 'Un autre texte.' }, headers);
      expect(edited.status).toBe(422);
      expect((await errorOf(edited)).code).toBe('idempotency_mismatch');

      const racing = { 'Idempotency-Key': 'cle-course' };
      const responses = await Promise.all([1, 2, 3].map(() => post(`/articles/${SLUG}/comments`, { ...valid, body: 'Course' }, racing)));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 201]);
      expect((await pendingComments()).filter((comment) => comment.body === 'Course')).toHaveLength(1);
    });
  });

  describe('validators', () => {
    it('answers a public read with an ETag, then 304 while unchanged, and 200 once a decision changed it', async () => {
      const path = `/articles/${SLUG}/comments?sort=oldest`;
      const first = await api(path);
      const tag = first.headers.get('etag');
      expect(tag).toMatch(/^W\/".+"$/);
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const again = await api(path, { headers: { 'if-none-match': tag as string } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');

      const created = v.parse(PostCommentResponseSchema, await (await post(`/articles/${SLUG}/comments`, valid)).json());
      await moderatorPost(`/moderation/comments/${created.comment.id}/approve`, {});
      const changed = await api(path, { headers: { 'if-none-match': tag as string } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(tag);
      // Moderators' reads are private: never stored, no validator.
      const queue = await backend.moderatorFetch('/moderation/comments?status=pending');
      expect(queue.headers.get('cache-control')).toBe('no-store');
      expect(queue.headers.get('etag')).toBeNull();
    });
  });

  describe('moderation endpoints', () => {
    it('lists pending comments with their context, then approves and rejects them', async () => {
      const reply = v.parse(
        PostCommentResponseSchema,
        await (await post(`/articles/${SLUG}/comments`, { ...valid, parentId: 'seed-14' })).json(),
      );
      const queue = v.parse(ModerationListResponseSchema, await (await backend.moderatorFetch(`/moderation/comments?status=pending`)).json());
      expect(queue.comments).toMatchObject([{ id: reply.comment.id, parent: { id: 'seed-14', author: 'délires' } }]);

      expect((await moderatorPost(`/moderation/comments/${reply.comment.id}/approve`, {})).status).toBe(200);
      const list = v.parse(CommentPageSchema, await (await api(`/articles/${SLUG}/comments`)).json());
      expect(list.total).toBe(20);

      expect((await moderatorPost(`/moderation/comments/${reply.comment.id}/reject`, {})).status).toBe(200);
      expect((await storedComment(reply.comment.id))?.status).toBe('rejected');
      expect((await moderatorPost('/moderation/comments/nope/approve', {})).status).toBe(404);
      expect((await moderatorPost(`/moderation/comments/${reply.comment.id}/publish`, {})).status).toBe(404);
      expect((await backend.moderatorFetch(`/moderation/comments?status=tout`)).status).toBe(400);
    });
  });

  describe('paging the discussion', () => {
    async function page(query: string) {
      const response = await api(`/articles/${SLUG}/comments?${query}`);
      expect(response.status).toBe(200);
      return v.parse(CommentPageSchema, await response.json());
    }

    // Without recommendations, 'recommended' falls back to the newest first.
    const FIRST_BY_SORT: Record<string, string> = { newest: 'seed-01', oldest: 'seed-19', replies: 'seed-12', recommended: 'seed-01' };

    it('walks every top-level comment once with the cursor, in each order', async () => {
      for (const sort of ['newest', 'oldest', 'replies', 'recommended']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const result: Awaited<ReturnType<typeof page>> = await page(`sort=${sort}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          seen.push(...result.comments.filter((comment) => comment.parentId === null).map((comment) => comment.id));
          cursor = result.nextCursor;
        } while (cursor);
        expect(seen).toHaveLength(13);
        expect(new Set(seen).size).toBe(13);
        expect(seen[0]).toBe(FIRST_BY_SORT[sort]);
      }
    });

    it('counts replies below each comment and previews them', async () => {
      const result = await page('sort=newest');
      const booboo = result.comments.find((comment) => comment.id === 'seed-12');
      expect(booboo).toMatchObject({ replyCount: 3, descendantCount: 4, removed: false });
      expect(result.comments).toHaveLength(19);
      expect(result.total).toBe(19);
    });

    it('keeps a removed comment with published replies as an empty placeholder', async () => {
      await reject('seed-14');
      const result = await page('sort=newest');
      expect(result.total).toBe(18);
      expect(result.comments.find((comment) => comment.id === 'seed-14')).toMatchObject({ removed: true, author: '', body: '' });
      await reject('seed-13');
      const without = await page('sort=newest');
      expect(without.comments.find((comment) => comment.id === 'seed-13')).toBeUndefined();
    });

    it('refuses a bad sort, limit or cursor with 400', async () => {
      for (const query of ['sort=best', 'limit=0', 'limit=101', 'limit=abc', 'cursor=!!!']) {
        const response = await api(`/articles/${SLUG}/comments?${query}`);
        expect(response.status).toBe(400);
      }
      expect((await api(`/articles/${SLUG}/comments/seed-12/replies?after=seed-01`)).status).toBe(400);
      expect((await api(`/articles/${SLUG}/comments/nope/replies`)).status).toBe(404);
      expect((await api(`/articles/${SLUG}/comments/nope/context`)).status).toBe(404);
    });

    it('gives a comment’s context: its ancestors, then it with its replies', async () => {
      const response = await api(`/articles/${SLUG}/comments/seed-16/context`);
      const context = (await response.json()) as { ancestors: { id: string }[]; comments: { id: string }[] };
      expect(context.ancestors.map((comment) => comment.id)).toEqual(['seed-12', 'seed-14']);
      expect(context.comments.map((comment) => comment.id)).toEqual(['seed-16']);
    });
  });

  describe('recommendations, reports and statuses', () => {
    const comment = (id: string) => `/articles/${SLUG}/comments/${id}`;
    const send = (url: string, method: string, body: unknown) =>
      api(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    it('counts one recommendation per client token, and takes it back', async () => {
      const first = await send(`${comment('seed-12')}/recommendations`, 'POST', { clientToken: 'lecteur-1' });
      expect(await first.json()).toEqual({ recommendations: 1, recommended: true });
      expect((await send(`${comment('seed-12')}/recommendations`, 'POST', { clientToken: 'lecteur-1' })).status).toBe(409);
      await send(`${comment('seed-12')}/recommendations`, 'POST', { clientToken: 'lecteur-2' });
      const page = v.parse(CommentPageSchema, await (await api(`/articles/${SLUG}/comments?sort=recommended`)).json());
      expect(page.comments[0]).toMatchObject({ id: 'seed-12', recommendations: 2 });
      const back = await send(`${comment('seed-12')}/recommendations`, 'DELETE', { clientToken: 'lecteur-1' });
      expect(await back.json()).toEqual({ recommendations: 1, recommended: false });
      expect((await send(`${comment('seed-12')}/recommendations`, 'DELETE', { clientToken: 'lecteur-1' })).status).toBe(409);
      expect((await send(`${comment('seed-12')}/recommendations`, 'POST', { clientToken: 'court' })).status).toBe(400);
      expect((await send(`${comment('nope')}/recommendations`, 'POST', { clientToken: 'lecteur-1' })).status).toBe(404);
    });

    it('takes one report per reader, checks the reason and the details', async () => {
      const url = `${comment('seed-06')}/reports`;
      expect((await send(url, 'POST', { reason: 'spam', clientToken: 'lecteur-1' })).status).toBe(201);
      expect((await send(url, 'POST', { reason: 'abusive', clientToken: 'lecteur-1' })).status).toBe(409);
      expect((await send(url, 'POST', { reason: 'boring', clientToken: 'lecteur-2' })).status).toBe(400);
      const missing = await send(url, 'POST', { reason: 'other', details: '  ', clientToken: 'lecteur-2' });
      expect((await errorOf(missing)).fields).toEqual({ details: 'Précisez la raison de votre signalement.' });
      const tooLong = await send(url, 'POST', { reason: 'other', details: 'x'.repeat(501), clientToken: 'lecteur-2' });
      expect(tooLong.status).toBe(400);
      expect((await send(url, 'POST', { reason: 'other', details: 'x'.repeat(500), clientToken: 'lecteur-2' })).status).toBe(201);
      expect(await backend.store.openReports(['seed-06'])).toHaveLength(2);
    });

    it('tells what became of comments by id, nothing more', async () => {
      const created = v.parse(PostCommentResponseSchema, await (await post(`/articles/${SLUG}/comments`, valid)).json());
      const response = await api(`/comments/statuses?ids=${created.comment.id},seed-01,inconnu`);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ statuses: { [created.comment.id]: 'pending', 'seed-01': 'published', inconnu: 'unknown' } });
      expect(text).not.toContain('@');
    });

    it('lists the reported queue with counts by reason, and keeps or rejects', async () => {
      await send(`${comment('seed-06')}/reports`, 'POST', { reason: 'spam', clientToken: 'lecteur-1' });
      const queue = v.parse(ModerationListResponseSchema, await (await backend.moderatorFetch(`/moderation/comments?status=reported`)).json());
      expect(queue.counts).toEqual({ pending: 0, reported: 1, published: 19, rejected: 0 });
      expect(queue.comments[0]).toMatchObject({ id: 'seed-06', openReports: { spam: 1, abusive: 0 } });
      const kept = await moderatorPost('/moderation/comments/seed-06/keep', { reason: 'Critique, pas insulte' });
      expect(await kept.json()).toMatchObject({ comment: { status: 'published', decisionReason: 'Critique, pas insulte' } });
      const after = v.parse(ModerationListResponseSchema, await (await backend.moderatorFetch(`/moderation/comments?status=reported`)).json());
      expect(after.comments).toEqual([]);
      const rejected = await moderatorPost('/moderation/comments/seed-06/reject', { reason: 'Hors sujet' });
      expect(await rejected.json()).toMatchObject({ comment: { status: 'rejected', decisionReason: 'Hors sujet' } });
      expect((await moderatorPost('/moderation/comments/seed-06/reject', { reason: 'x'.repeat(501) })).status).toBe(400);
    });
  });
});
