// @vitest-environment node
// The SQL store against the in-memory store, the reference: the same scenarios run on a fresh
// memory store and on a fresh store of each kind (memory again, SQLite in a temporary directory,
// PostgreSQL in a schema of its own), and every answer must be strictly equal. PostgreSQL is
// TEST_DATABASE_URL, or the local `test` database; unreachable, it fails the run on CI and is
// left out, saying so, elsewhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countDiscussion, NO_AUTHOR_CHANGES } from '../../core/count-discussion';
import { createMemoryStore } from '../../core/memory-store';
import type { ArticleRecord, CommentRecord, ReportRecord, StoredComment } from '../../core/records';
import type { ReplyKey, Store, StoreDump, ThreadKey } from '../../core/store';
import { threadKeyOf } from '../../core/thread-order';
import { generatedArticle, generatedComments } from '../../fixtures/generated-article';
import { seedArticle, seedComments } from '../../fixtures/seed-article';
import { COMMENT_SORTS } from '../../shared/contract';
import { MODERATION_QUEUES } from '../../shared/moderation-contract';
import { freshPostgresSchema, postgresAvailable } from '../../../tests/server/postgres';
import { openStore } from './open-store';

// --- The stores under test ------------------------------------------------------------------

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Target {
  name: string;
  open(): Promise<Store>;
}

const memoryTarget: Target = { name: 'memory', open: async () => createMemoryStore() };

const sqliteTarget: Target = {
  name: 'sqlite',
  async open() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reagir-store-'));
    const store = await openStore({ databaseUrl: null, dataDir });
    cleanups.push(async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    await store.migrate();
    return store;
  },
};

const postgresTarget: Target = {
  name: 'postgres',
  async open() {
    const schema = await freshPostgresSchema();
    const store = await openStore({ databaseUrl: schema.url, dataDir: os.tmpdir() });
    cleanups.push(async () => {
      await store.close();
      await schema.drop();
    });
    await store.migrate();
    return store;
  },
};

const targets = [memoryTarget, sqliteTarget, ...((await postgresAvailable()) ? [postgresTarget] : [])];

// --- The data -------------------------------------------------------------------------------

type Discussion = { article: ArticleRecord; comments: CommentRecord[] };

const seed = (): Discussion => countDiscussion(seedArticle, seedComments);

/**
 * A discussion with everything ordering and counting can trip on: the generator's popular
 * comment and deep chain, pending and rejected comments (some kept as placeholders), equal
 * times, equal counts, and ids that sort differently by bytes than by a locale (case,
 * accents) — ties fall to the id.
 */
function varied(): Discussion {
  const generated = generatedComments(1200);
  const rename = (id: string, index: number) => (index % 4 === 0 ? id.toUpperCase() : index % 4 === 2 ? `é${id}` : id);
  const newIds = new Map(generated.map((comment, index) => [comment.id, rename(comment.id, index)]));
  const comments = generated.map((comment, index): StoredComment => {
    const previous = generated[index - 1];
    return {
      ...comment,
      id: newIds.get(comment.id) as string,
      parentId: comment.parentId === null ? null : (newIds.get(comment.parentId) as string),
      createdAt: index % 10 === 1 && previous ? previous.createdAt : comment.createdAt,
      status: index % 13 === 5 ? 'pending' : index % 17 === 3 ? 'rejected' : 'published',
    };
  });
  return countDiscussion(generatedArticle(1200), comments, (comment) => ({
    recommendations: comment.id.length % 3,
    decisionReason: comment.status === 'rejected' ? 'Hors charte.' : null,
  }));
}

async function load(store: Store, ...discussions: Discussion[]): Promise<void> {
  await store.write(null, async (tx) => {
    for (const { article, comments } of discussions) {
      await tx.insertArticle(article);
      await tx.insertComments(comments);
    }
  });
}

function newComment(id: string, overrides: Partial<CommentRecord> = {}): CommentRecord {
  return {
    id,
    articleSlug: seedArticle.slug,
    parentId: null,
    author: 'Lectrice',
    email: 'lectrice@example.fr',
    body: 'Un commentaire.',
    createdAt: '2016-01-02T10:00:00.000Z',
    createdMs: Date.parse('2016-01-02T10:00:00.000Z'),
    status: 'pending',
    replyCount: 0,
    descendantCount: 0,
    recommendations: 0,
    visible: false,
    decisionReason: null,
    idempotencyKey: null,
    ...NO_AUTHOR_CHANGES,
    ...overrides,
  };
}

function report(commentId: string, clientToken: string, minute: number, answered = false): ReportRecord {
  return { commentId, clientToken, reason: 'spam', details: minute % 2 ? 'Publicité' : '', createdAt: new Date(Date.UTC(2016, 0, 3, 0, minute)).toISOString(), answered };
}

/** A dump in one order whatever the store's: stores list their contents in orders of their own. */
function sorted(dump: StoreDump): StoreDump {
  const by = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    articles: [...dump.articles].sort(by((record) => record.article.slug)),
    comments: [...dump.comments].sort(by((comment) => comment.id)),
    reports: [...dump.reports].sort(by((r) => `${r.commentId}\u0000${r.clientToken}`)),
    recommendations: [...dump.recommendations].sort(by((r) => `${r.commentId}\u0000${r.clientToken}`)),
  };
}

// --- Scenarios: each returns what it observed, to compare with the memory store's --------------

async function everyPage(store: Store, slug: string, limit: number) {
  const out: Record<string, CommentRecord[][]> = {};
  for (const sort of COMMENT_SORTS) {
    const pages: CommentRecord[][] = [];
    let after: ThreadKey | null = null;
    for (;;) {
      const page = await store.topLevel(slug, sort, after, limit);
      if (page.length === 0) break;
      pages.push(page);
      after = threadKeyOf(page.at(-1) as CommentRecord, sort);
    }
    out[sort] = pages;
  }
  return out;
}

async function everyReplyPage(store: Store, parentIds: readonly string[], limit: number) {
  const out: Record<string, CommentRecord[][]> = {};
  for (const parentId of parentIds) {
    const pages: CommentRecord[][] = [];
    let after: ReplyKey | null = null;
    for (let page = await store.replies(parentId, after, limit); page.length > 0; page = await store.replies(parentId, after, limit)) {
      pages.push(page);
      const last = page.at(-1) as CommentRecord;
      after = { time: last.createdMs, id: last.id };
    }
    out[parentId] = pages;
  }
  return out;
}

/** Runs `scenario` on a memory store, then on the target's; `fresh` opens another store of the same kind. */
async function scenarioOn(target: Target, scenario: (store: Store, fresh: () => Promise<Store>) => Promise<unknown>) {
  const expected = await scenario(createMemoryStore(), memoryTarget.open);
  const actual = await scenario(await target.open(), target.open);
  expect(actual).toStrictEqual(expected);
  return actual;
}

describe.each(targets)('the $name store', (target) => {
  it('pages the top-level comments in every order, strictly after each key', async () => {
    const pages = await scenarioOn(target, async (store) => {
      await load(store, seed(), varied());
      return { seed: await everyPage(store, seedArticle.slug, 5), varied: await everyPage(store, 'generated-1200', 37) };
    });
    expect((pages as { seed: Record<string, CommentRecord[][]> }).seed.newest?.flat()).toHaveLength(13);
  });

  it('starts a page after a key that is not a visible comment’s', async () => {
    await scenarioOn(target, async (store) => {
      const { article, comments } = varied();
      await load(store, { article, comments });
      const hidden = comments.filter((comment) => comment.parentId === null && !comment.visible).slice(0, 5);
      return Promise.all(
        COMMENT_SORTS.flatMap((sort) => [
          ...hidden.map((comment) => store.topLevel(article.article.slug, sort, threadKeyOf(comment, sort), 4)),
          store.topLevel(article.article.slug, sort, { count: 2, time: comments[600]?.createdMs ?? 0, id: 'generated-1200-5' }, 4),
          store.topLevel('no-such-article', sort, null, 4),
        ]),
      );
    });
  });

  it('reads the first replies of many parents at once, in the order of the parents', async () => {
    const firsts = await scenarioOn(target, async (store) => {
      const { article, comments } = varied();
      await load(store, seed(), { article, comments });
      const parents = [...new Set(comments.flatMap((comment) => (comment.parentId === null ? [] : [comment.parentId])))];
      const some = [parents[3], 'no-such-comment', parents[0], parents[3], 'seed-12'] as string[];
      return {
        all: await store.firstReplies(parents, 3),
        some: await store.firstReplies(some, 2),
        none: await store.firstReplies([], 3),
        zero: await store.firstReplies(parents, 0),
      };
    });
    expect((firsts as { all: CommentRecord[] }).all.length).toBeGreaterThan(300);
  });

  it('pages the replies of every parent oldest first, after a ReplyKey', async () => {
    await scenarioOn(target, async (store) => {
      const { article, comments } = varied();
      await load(store, seed(), { article, comments });
      const parents = [...new Set(comments.flatMap((comment) => (comment.parentId === null ? [] : [comment.parentId])))];
      const pending = comments.find((comment) => comment.parentId !== null && comment.status === 'pending') as CommentRecord;
      return {
        pages: await everyReplyPage(store, [...parents, 'seed-12', 'no-such-comment'], 4),
        afterHidden: await store.replies(pending.parentId as string, { time: pending.createdMs, id: pending.id }, 10),
      };
    });
  });

  it('lists ancestors parent first, up to the top level', async () => {
    const chains = await scenarioOn(target, async (store) => {
      const { article, comments } = varied();
      await load(store, seed(), { article, comments });
      const ids = [...comments, ...seed().comments].map((comment) => comment.id);
      return Object.fromEntries(await Promise.all([...ids, 'no-such-comment'].map(async (id) => [id, await store.ancestors(id)])));
    });
    const deepest = Math.max(...Object.values(chains as Record<string, CommentRecord[]>).map((chain) => chain.length));
    expect(deepest).toBeGreaterThanOrEqual(12);
  });

  it('finds articles and comments by key, and nothing for an unknown one', async () => {
    await scenarioOn(target, async (store) => {
      const empty = await store.isEmpty();
      await load(store, seed());
      await store.ping();
      return {
        empty,
        emptyAfter: await store.isEmpty(),
        article: await store.article(seedArticle.slug),
        noArticle: await store.article('nope'),
        comment: await store.comment('seed-05'),
        noComment: await store.comment('nope'),
        comments: await store.comments(['seed-03', 'nope', 'seed-01', 'seed-03']),
        noKey: await store.commentByIdempotencyKey('nope'),
        // Nothing asked, nothing read: SQLite would read everything under LIMIT -1.
        noneAsked: [
          await store.topLevel(seedArticle.slug, 'newest', null, 0),
          await store.replies('seed-12', null, -1),
          await store.moderationQueue('published', 0),
        ],
      };
    });
  });

  it('keeps an article without a photo as it is', async () => {
    await scenarioOn(target, async (store) => {
      const { article } = seed();
      await store.write(null, (tx) => tx.insertArticle({ ...article, article: { ...article.article, photo: null } }));
      // Stored again under the same slug, it replaces the first.
      await store.write(null, (tx) => tx.insertArticle({ ...article, publishedCount: 99 }));
      return store.article(seedArticle.slug);
    });
  });

  it('lists moderation queues oldest first and counts them, reports included', async () => {
    const observed = await scenarioOn(target, async (store) => {
      const { article, comments } = varied();
      await load(store, seed(), { article, comments });
      const published = comments.filter((comment) => comment.status === 'published');
      const rejected = comments.find((comment) => comment.status === 'rejected') as CommentRecord;
      await store.write(null, (tx) =>
        tx.insertReports([
          report((published[40] as CommentRecord).id, 'a', 1),
          report((published[3] as CommentRecord).id, 'a', 2),
          report((published[3] as CommentRecord).id, 'b', 3),
          report((published[7] as CommentRecord).id, 'a', 4, true),
          report(rejected.id, 'a', 5),
          report('seed-09', 'c', 6),
        ]),
      );
      const queues = async () => Object.fromEntries(await Promise.all(MODERATION_QUEUES.map(async (queue) => [queue, await store.moderationQueue(queue, 1000)])));
      const before = { queues: await queues(), firstTwo: await store.moderationQueue('pending', 2), counts: await store.moderationCounts() };
      const open = await store.openReports([(published[3] as CommentRecord).id, rejected.id, 'seed-09', (published[7] as CommentRecord).id, 'nope']);
      await store.write(null, (tx) => tx.answerReports((published[3] as CommentRecord).id));
      return { before, open, after: { reported: await store.moderationQueue('reported', 10), counts: await store.moderationCounts() } };
    });
    expect((observed as { before: { counts: { reported: number } } }).before.counts.reported).toBe(3);
  });

  it('stores a comment once per idempotency key, even when two writes race', async () => {
    await scenarioOn(target, async (store) => {
      await load(store, seed());
      const record = newComment('posted-1', { idempotencyKey: 'key-1' });
      const same = await Promise.all([store.write(null, (tx) => tx.insertComment(record)), store.write(null, (tx) => tx.insertComment(record))]);
      expect(same.filter(Boolean)).toHaveLength(1);
      // Two different comments under one key: one of them, whichever came first, is stored.
      const rivals = await Promise.all(
        ['posted-2', 'posted-3'].map((id) => store.write(null, (tx) => tx.insertComment(newComment(id, { idempotencyKey: 'key-2' })))),
      );
      expect(rivals.filter(Boolean)).toHaveLength(1);
      const winner = await store.commentByIdempotencyKey('key-2');
      expect(['posted-2', 'posted-3']).toContain(winner?.id);
      const stored = await store.commentByIdempotencyKey('key-1');
      const again = await store.write(null, (tx) => tx.insertComment(newComment('posted-4', { idempotencyKey: 'key-1' })));
      const keyless = await store.write(null, async (tx) => [await tx.insertComment(newComment('posted-5')), await tx.insertComment(newComment('posted-6'))]);
      const comments = (await store.dump()).comments.filter((comment) => comment.id.startsWith('posted-') && comment.id !== winner?.id);
      return { stored, again, keyless, comments: comments.sort((a, b) => (a.id < b.id ? -1 : 1)) };
    });
  });

  it('counts recommendations once per reader token, taken back at will', async () => {
    await scenarioOn(target, async (store) => {
      await load(store, seed());
      const steps = await store.write(null, async (tx) => [
        await tx.addRecommendation('seed-05', 'reader-a'),
        await tx.addRecommendation('seed-05', 'reader-a'),
        await tx.addRecommendation('seed-05', 'reader-b'),
        await tx.addRecommendation('seed-07', 'reader-a'),
        await tx.removeRecommendation('seed-05', 'reader-a'),
        await tx.removeRecommendation('seed-05', 'reader-a'),
        await tx.removeRecommendation('seed-08', 'reader-a'),
        (await tx.comment('seed-05'))?.recommendations,
      ]);
      await store.write(null, (tx) => tx.insertRecommendations([{ commentId: 'seed-01', clientToken: 'imported' }, { commentId: 'seed-07', clientToken: 'reader-a' }]));
      const { recommendations } = sorted(await store.dump());
      return { steps, counts: (await store.comments(['seed-05', 'seed-07', 'seed-01'])).map((c) => c.recommendations), recommended: await store.topLevel(seedArticle.slug, 'recommended', null, 3), recommendations };
    });
  });

  it('takes one report per reader token and comment, open until answered', async () => {
    await scenarioOn(target, async (store) => {
      await load(store, seed());
      const added = await store.write(null, async (tx) => [
        await tx.addReport(report('seed-04', 'reader-a', 1)),
        await tx.addReport(report('seed-04', 'reader-a', 2)),
        await tx.addReport(report('seed-04', 'reader-b', 3)),
        await tx.addReport(report('seed-02', 'reader-a', 4)),
      ]);
      const open = await store.openReports(['seed-02', 'seed-04']);
      const counts = await store.moderationCounts();
      await store.write(null, (tx) => tx.answerReports('seed-04'));
      return { added, open, counts, after: await store.openReports(['seed-02', 'seed-04']), countsAfter: await store.moderationCounts(), all: (await store.dump()).reports };
    });
  });

  it('updates a comment’s counts and status, and an article’s counts', async () => {
    await scenarioOn(target, async (store) => {
      await load(store, seed());
      await store.write('hollande-poutine-daech', async (tx) => {
        await tx.updateComment('seed-12', { status: 'rejected', decisionReason: 'Insultant', visible: false });
        await tx.updateComment('seed-05', { replyCount: 7, descendantCount: 9 });
        await tx.updateComment('seed-06', {});
        await tx.updateComment('nope', { visible: true });
        await tx.updateArticleCounts(seedArticle.slug, { publishedCount: 18, topLevelCount: 12 });
        await tx.updateArticleCounts('nope', { publishedCount: 1, topLevelCount: 1 });
      });
      return {
        comments: await store.comments(['seed-12', 'seed-05', 'seed-06']),
        article: await store.article(seedArticle.slug),
        byReplies: await store.topLevel(seedArticle.slug, 'replies', null, 20),
        replies: await store.firstReplies(['seed-12'], 5),
        queue: await store.moderationQueue('rejected', 10),
      };
    });
  });

  it('reads its own writes inside a write', async () => {
    await scenarioOn(target, async (store) => {
      await load(store, seed());
      return store.write(seedArticle.slug, async (tx) => {
        await tx.insertComment(newComment('posted-1', { parentId: 'seed-05', status: 'published', visible: true, idempotencyKey: 'k' }));
        await tx.updateComment('seed-05', { replyCount: 1, descendantCount: 1 });
        return { comment: await tx.comment('posted-1'), replies: await tx.replies('seed-05', null, 5), byKey: await tx.commentByIdempotencyKey('k'), ancestors: await tx.ancestors('posted-1') };
      });
    });
  });

  it('takes back every change of a write that throws', async () => {
    await scenarioOn(target, async (store) => {
      await load(store, seed());
      await store.write(null, (tx) => tx.addReport(report('seed-03', 'reader-a', 1)));
      const before = await store.dump();
      const failure = new Error('Something failed halfway.');
      const written = store.write(seedArticle.slug, async (tx) => {
        await tx.insertArticle({ ...seed().article, article: { ...seedArticle, slug: 'another' } });
        await tx.insertComments([newComment('bulk-1', { articleSlug: 'another' })]);
        await tx.insertComment(newComment('posted-1', { idempotencyKey: 'k' }));
        await tx.addRecommendation('seed-03', 'reader-a');
        await tx.addReport(report('seed-03', 'reader-b', 2));
        await tx.answerReports('seed-03');
        await tx.updateComment('seed-03', { status: 'rejected', visible: false });
        await tx.updateArticleCounts(seedArticle.slug, { publishedCount: 0, topLevelCount: 0 });
        throw failure;
      });
      await expect(written).rejects.toBe(failure);
      expect(sorted(await store.dump())).toStrictEqual(sorted(before));
      // And the store still writes afterwards.
      return store.write(null, (tx) => tx.insertComment(newComment('posted-1', { idempotencyKey: 'k' })));
    });
  });

  it('takes back the bulk inserts of a write that throws, too', async () => {
    const store = await target.open();
    await load(store, seed());
    await store.write(null, (tx) => tx.addReport(report('seed-03', 'reader-a', 1)));
    const before = await store.dump();
    const written = store.write(null, async (tx) => {
      await tx.insertComments([newComment('bulk-1'), newComment('bulk-2', { parentId: 'bulk-1' })]);
      await tx.addReport(report('seed-03', 'reader-b', 2));
      await tx.insertReports([report('seed-04', 'reader-c', 3), report('bulk-1', 'reader-c', 4)]);
      await tx.insertRecommendations([{ commentId: 'seed-04', clientToken: 'reader-c' }]);
      await tx.addRecommendation('seed-04', 'reader-d');
      throw new Error('Something failed at the end.');
    });
    await expect(written).rejects.toThrow('Something failed at the end.');
    expect(await store.dump()).toStrictEqual(before);
  });

  it('dumps everything, and a dump loaded into an empty store dumps the same', async () => {
    await scenarioOn(target, async (store, fresh) => {
      const { article, comments } = varied();
      await load(store, seed(), { article, comments });
      await store.write(null, async (tx) => {
        await tx.addReport(report('seed-04', 'reader-a', 1));
        await tx.addReport(report('seed-05', 'reader-a', 2, true));
        await tx.addRecommendation('seed-05', 'reader-a');
        await tx.insertComment(newComment('posted-1', { idempotencyKey: 'k', decisionReason: null }));
      });
      const dump = await store.dump();
      const copy = await fresh();
      await copy.write(null, async (tx) => {
        for (const record of dump.articles) await tx.insertArticle(record);
        await tx.insertComments(dump.comments);
        await tx.insertReports(dump.reports);
        await tx.insertRecommendations(dump.recommendations);
      });
      const again = await copy.dump();
      expect(again).toStrictEqual(dump);
      expect(await copy.openReports(['seed-04', 'seed-05'])).toStrictEqual(await store.openReports(['seed-04', 'seed-05']));
      return sorted(dump);
    });
  });

  it('lets no write on an article start before the one holding its lock ends', async () => {
    const store = await target.open();
    await load(store, seed());
    const events: string[] = [];
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const first = store.write(seedArticle.slug, async (tx) => {
      events.push('first starts');
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.updateArticleCounts(seedArticle.slug, { publishedCount: 1, topLevelCount: 1 });
      events.push('first ends');
    });
    await firstStarted;
    const second = store.write(seedArticle.slug, async (tx) => {
      events.push('second starts');
      return tx.article(seedArticle.slug);
    });
    const [, seen] = await Promise.all([first, second]);
    expect(events).toStrictEqual(['first starts', 'first ends', 'second starts']);
    expect(seen?.publishedCount).toBe(1);
  });
});
