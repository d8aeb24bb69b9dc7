// Authors keep control of their comments without an account: the post's answer gives them a
// secret once, and with it (Authorization: Bearer) they edit the text while it awaits moderation
// and for 10 minutes after its publication, and delete it at any time. Anyone else — no token, a
// wrong one, the token of another comment — is refused 403 and changes nothing. On the mock,
// SQLite and PostgreSQL alike; the clock is the test's.
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { countDiscussion } from '../../src/core/count-discussion';
import { sha256Hex } from '../../src/core/digest';
import { CommentContextSchema, CommentPageSchema, EditCommentResponseSchema, PostCommentResponseSchema, type ThreadComment } from '../../src/shared/contract';
import { ModerationListResponseSchema } from '../../src/shared/moderation-contract';
import { contractTargets, type Backend, type BackendOptions } from './targets';

const SLUG = 'hollande-poutine-daech';
const targets = await contractTargets();
const MINUTE = 60_000;
const START = Date.parse('2024-03-05T13:00:00Z');

describe.each(targets)('authors’ edits and deletions on $name', (target) => {
  let backend: Backend;
  let time = START;
  afterEach(async () => {
    await backend.close();
  });

  async function start(options: BackendOptions = {}) {
    time = START;
    backend = await target.start({ now: () => new Date(time), ...options });
  }

  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function post(body: string, parentId: string | null = null, key?: string) {
    const headers: Record<string, string> = key === undefined ? {} : { 'idempotency-key': key };
    const response = await backend.fetch(`/articles/${SLUG}/comments`, json('POST', { author: 'Autrice', email: 'autrice@example.fr', body, parentId }, headers));
    expect(response.status).toBeLessThan(300);
    const { comment, authorToken } = v.parse(PostCommentResponseSchema, await response.json());
    return { id: comment.id, token: authorToken ?? '', given: authorToken !== null };
  }
  const approve = async (id: string) => expect((await backend.moderatorFetch(`/moderation/comments/${id}/approve`, json('POST', {}))).status).toBe(200);
  const edit = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    backend.fetch(`/articles/${SLUG}/comments/${id}`, json('PUT', body, headers));
  const remove = (id: string, headers: Record<string, string> = {}) =>
    backend.fetch(`/articles/${SLUG}/comments/${id}`, { method: 'DELETE', headers });
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
  async function page() {
    return v.parse(CommentPageSchema, await (await backend.fetch(`/articles/${SLUG}/comments?sort=oldest&limit=100`)).json());
  }
  const shown = async (id: string): Promise<ThreadComment | undefined> => (await page()).comments.find((comment) => comment.id === id);

  /** The counts the store keeps equal the ones the whole discussion, counted again, has. */
  async function expectCountsKept() {
    const dump = await backend.store.dump();
    const article = dump.articles.find((record) => record.article.slug === SLUG);
    const comments = dump.comments.filter((comment) => comment.articleSlug === SLUG);
    const recounted = countDiscussion(article?.article as NonNullable<typeof article>['article'], comments);
    expect({ published: article?.publishedCount, topLevel: article?.topLevelCount }).toEqual({
      published: recounted.article.publishedCount,
      topLevel: recounted.article.topLevelCount,
    });
    const counts = (list: typeof comments) =>
      Object.fromEntries(list.map((comment) => [comment.id, [comment.replyCount, comment.descendantCount, comment.visible]]));
    expect(counts(comments)).toEqual(counts(recounted.comments));
  }

  it('gives the token in the post’s answer only, keeps only its hash, and a replay of the same post gets a new one', async () => {
    await start();
    const first = await post('Mon texte.', null, 'cle-de-test-0001');
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    const stored = await backend.store.comment(first.id);
    expect(stored?.authorTokenHash).toBe(await sha256Hex(first.token));
    expect(JSON.stringify(await backend.store.dump())).not.toContain(first.token);

    // The browser lost the answer and sends the same comment again: a new token, the first revoked.
    const again = await post('Mon texte.', null, 'cle-de-test-0001');
    expect(again.id).toBe(first.id);
    expect(again.token).not.toBe(first.token);
    expect((await edit(first.id, { body: 'Par l’ancien.' }, bearer(first.token))).status).toBe(403);
    expect((await edit(first.id, { body: 'Par le nouveau.' }, bearer(again.token))).status).toBe(200);

    await approve(first.id);
    const hash = (await backend.store.comment(first.id))?.authorTokenHash as string;
    const answers = await Promise.all(
      [`/articles/${SLUG}/comments`, `/articles/${SLUG}/comments/${first.id}/context`, `/comments/statuses?ids=${first.id}`].map(async (path) =>
        (await backend.fetch(path)).text(),
      ),
    );
    answers.push(await (await backend.moderatorFetch('/moderation/comments?status=published')).text());
    for (const text of answers) {
      expect(text).not.toContain(again.token);
      expect(text).not.toContain(hash);
      expect(text).not.toMatch(/authorToken/);
    }
  });

  it('lets the author edit a pending comment, with the rules of posting; anyone else gets 403 and nothing changes', async () => {
    await start();
    const mine = await post('Premier jet.');
    const other = await post('Un autre.');
    for (const headers of [{}, bearer('x'.repeat(43)), bearer(other.token), { authorization: mine.token }]) {
      const refused = await edit(mine.id, { body: 'Détourné.' }, headers);
      expect(refused.status).toBe(403);
      expect(await errorOf(refused)).toMatchObject({
        code: 'not_author',
        message: 'Seul l’auteur de ce commentaire peut le modifier ou le supprimer, depuis le navigateur où il l’a écrit.',
      });
    }
    expect((await backend.store.comment(mine.id))?.body).toBe('Premier jet.');

    const blank = await edit(mine.id, { body: ' \n ' }, bearer(mine.token));
    expect(blank.status).toBe(400);
    expect(await errorOf(blank)).toMatchObject({ code: 'validation', fields: { body: 'Écrivez votre commentaire.' } });
    const tooLong = await edit(mine.id, { body: '👍🏽'.repeat(2001) }, bearer(mine.token));
    expect(await errorOf(tooLong)).toMatchObject({ fields: { body: 'Votre commentaire dépasse la limite de 2000 caractères : retirez-en 1.' } });
    expect((await edit(mine.id, { body: 'Texte.', author: 'Autre' }, bearer(mine.token))).status).toBe(400);
    await backend.moderatorFetch('/moderation/word-lists', json('PUT', { banned: ['interdit'], suspect: [] }));
    const banned = await edit(mine.id, { body: 'Un mot interdit.' }, bearer(mine.token));
    expect(banned.status).toBe(422);
    expect((await errorOf(banned)).code).toBe('banned_words');

    const done = await edit(mine.id, { body: '  Version  finale.  ' }, bearer(mine.token));
    expect(done.status).toBe(200);
    const { comment } = v.parse(EditCommentResponseSchema, await done.json());
    // Nobody but its author had read it: not marked as edited.
    expect(comment).toMatchObject({ id: mine.id, body: 'Version  finale.', status: 'pending', editedAt: null });
    expect(JSON.stringify(comment)).not.toContain('@');
    const queue = v.parse(ModerationListResponseSchema, await (await backend.moderatorFetch('/moderation/comments?status=pending')).json());
    expect(queue.comments.find((queued) => queued.id === mine.id)?.body).toBe('Version  finale.');
    expect((await backend.store.comment(other.id))?.body).toBe('Un autre.');
  });

  it('lets the author edit a published comment for 10 minutes after its publication, shown as edited, then refuses 409', async () => {
    await start();
    const mine = await post('Publié bientôt.');
    time += 30 * MINUTE;
    await approve(mine.id);
    time += 10 * MINUTE;
    const inTime = await edit(mine.id, { body: 'Corrigé à temps.' }, bearer(mine.token));
    expect(inTime.status).toBe(200);
    const editedAt = new Date(time).toISOString();
    expect(await shown(mine.id)).toMatchObject({ body: 'Corrigé à temps.', editedAt, removed: false });

    time += 1000;
    const late = await edit(mine.id, { body: 'Trop tard.' }, bearer(mine.token));
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toMatchObject({ code: 'edit_window_closed', message: expect.stringContaining('10 minutes') as string });
    // Another reader is still told it is not theirs, window or not.
    expect((await edit(mine.id, { body: 'Trop tard.' })).status).toBe(403);
    expect((await shown(mine.id))?.body).toBe('Corrigé à temps.');
    // Deleting stays possible at any time.
    time += 24 * 60 * MINUTE;
    expect((await remove(mine.id, bearer(mine.token))).status).toBe(204);
  });

  it('with re-moderation on, sends an edited published comment back to the queue, its counts moving as a decision’s', async () => {
    await start({ remoderateEdits: true });
    const reply = await post('Une réponse.', 'seed-12');
    await approve(reply.id);
    const before = await page();
    expect(before.total).toBe(20);
    expect(before.comments.find((comment) => comment.id === 'seed-12')).toMatchObject({ replyCount: 4, descendantCount: 5 });

    expect((await edit(reply.id, { body: 'Une réponse revue.' }, bearer(reply.token))).status).toBe(200);
    const after = await page();
    expect(after.total).toBe(19);
    expect(after.comments.find((comment) => comment.id === 'seed-12')).toMatchObject({ replyCount: 3, descendantCount: 4 });
    expect(after.comments.some((comment) => comment.id === reply.id)).toBe(false);
    expect((await backend.store.comment(reply.id))?.status).toBe('pending');
    await expectCountsKept();

    await approve(reply.id);
    // A fourth reply: past the page's preview, read in its context.
    const context = v.parse(CommentContextSchema, await (await backend.fetch(`/articles/${SLUG}/comments/${reply.id}/context`)).json());
    expect(context.comments[0]).toMatchObject({ id: reply.id, body: 'Une réponse revue.', editedAt: new Date(time).toISOString() });
  });

  it('keeps an edited comment published without re-moderation (the default)', async () => {
    await start();
    const reply = await post('Une réponse.', 'seed-12');
    await approve(reply.id);
    expect((await edit(reply.id, { body: 'Revue.' }, bearer(reply.token))).status).toBe(200);
    expect((await page()).total).toBe(20);
    expect((await backend.store.comment(reply.id))?.status).toBe('published');
  });

  it('deletes for its author only: gone without replies, a placeholder while replies are published, counts kept', async () => {
    await start();
    const initial = await page();
    const parent = await post('J’ouvre un fil.');
    await approve(parent.id);
    const reply = await post('Je réponds.', parent.id);
    await approve(reply.id);
    expect((await page()).total).toBe(initial.total + 2);

    for (const headers of [{}, bearer('y'.repeat(43)), bearer(reply.token)]) {
      const refused = await remove(parent.id, headers);
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).code).toBe('not_author');
    }
    expect(await shown(parent.id)).toMatchObject({ body: 'J’ouvre un fil.', removed: false });

    expect((await remove(parent.id, bearer(parent.token))).status).toBe(204);
    const withPlaceholder = await page();
    expect(withPlaceholder.total).toBe(initial.total + 1);
    expect(withPlaceholder.topLevelTotal).toBe(initial.topLevelTotal + 1);
    expect(withPlaceholder.comments.find((comment) => comment.id === parent.id)).toMatchObject({
      removed: true,
      placeholder: 'deleted',
      author: '',
      body: '',
      replyCount: 1,
      descendantCount: 1,
    });
    // Its text is gone from the store too, and no moderator's queue shows it.
    expect((await backend.store.comment(parent.id))?.body).toBe('');
    const published = v.parse(ModerationListResponseSchema, await (await backend.moderatorFetch('/moderation/comments?status=rejected')).json());
    expect(published.comments.some((comment) => comment.id === parent.id)).toBe(false);
    await expectCountsKept();
    // Deleted is deleted: a second time, or an edit, finds nothing.
    expect((await remove(parent.id, bearer(parent.token))).status).toBe(404);
    expect((await edit(parent.id, { body: 'Revenu ?' }, bearer(parent.token))).status).toBe(404);

    expect((await remove(reply.id, bearer(reply.token))).status).toBe(204);
    const empty = await page();
    expect(empty.total).toBe(initial.total);
    expect(empty.topLevelTotal).toBe(initial.topLevelTotal);
    expect(empty.comments.some((comment) => comment.id === parent.id || comment.id === reply.id)).toBe(false);
    await expectCountsKept();
  });

  it('deletes a pending comment: out of the moderators’ queue and counts, unknown to the statuses, not to be approved', async () => {
    await start();
    const mine = await post('Finalement non.');
    const queue = async () => v.parse(ModerationListResponseSchema, await (await backend.moderatorFetch('/moderation/comments?status=pending')).json());
    const before = await queue();
    expect(before.comments.some((comment) => comment.id === mine.id)).toBe(true);
    expect((await remove(mine.id)).status).toBe(403);
    expect((await remove(mine.id, bearer(mine.token))).status).toBe(204);
    const after = await queue();
    expect(after.comments.some((comment) => comment.id === mine.id)).toBe(false);
    expect(after.counts).toMatchObject({ pending: before.counts.pending - 1, rejected: before.counts.rejected });
    expect(await (await backend.fetch(`/comments/statuses?ids=${mine.id}`)).json()).toEqual({ statuses: { [mine.id]: 'unknown' } });
    expect((await backend.moderatorFetch(`/moderation/comments/${mine.id}/approve`, json('POST', {}))).status).toBe(404);
    expect((await page()).comments.some((comment) => comment.id === mine.id)).toBe(false);
  });

  it('throttles edits and deletions per address', async () => {
    const { DEFAULT_RATE_RULES } = await import('../../src/core/throttle');
    await start({ rateRules: { ...DEFAULT_RATE_RULES, 'author-change-address': { limit: 2, windowMs: 10 * MINUTE } } });
    const mine = await post('Texte.');
    expect((await edit(mine.id, { body: 'Un.' }, bearer(mine.token))).status).toBe(200);
    expect((await edit(mine.id, { body: 'Deux.' }, bearer(mine.token))).status).toBe(200);
    const third = await edit(mine.id, { body: 'Trois.' }, bearer(mine.token));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await remove(mine.id, bearer(mine.token))).status).toBe(429);
  });

  it('gives no token to a replay under a form\'s key: whoever can derive it cannot take the comment', async () => {
    await start();
    // A form posted without JavaScript carries a key the server derives from what it says.
    const first = await post('Posté sans JavaScript.', null, 'form-cle-derivee');
    expect(first.given).toBe(true);
    const replay = await post('Posté sans JavaScript.', null, 'form-cle-derivee');
    expect(replay).toMatchObject({ id: first.id, given: false });
    // The first token still works; nobody got another.
    expect((await edit(first.id, { body: 'Corrigé par son autrice.' }, bearer(first.token))).status).toBe(200);
  });
});
