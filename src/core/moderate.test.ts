// Moderation keeps a discussion's counts one decision at a time; count-discussion.ts computes
// them for a whole discussion at once. Whatever readers post and moderators decide, in any
// order, both must agree — or a page would show counts, placeholders or totals that are wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedArticle, seedComments } from '../fixtures/seed-article';
import { countDiscussion } from './count-discussion';
import { createMemoryStore } from './memory-store';
import { decide } from './moderate';
import { postComment } from './post-comment';

const SLUG = seedArticle.slug;

type Step = { kind: 'post'; parent: number } | { kind: 'decide'; target: number; decision: 'approve' | 'reject' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('post' as const), parent: fc.nat() }),
  fc.record({ kind: fc.constant('decide' as const), target: fc.nat(), decision: fc.constantFrom('approve' as const, 'reject' as const) }),
);

describe('counts kept by moderation', () => {
  it('always equal the counts of the whole discussion computed again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const store = createMemoryStore();
        const seed = countDiscussion(seedArticle, seedComments);
        await store.write(null, async (tx) => {
          await tx.insertArticle(seed.article);
          await tx.insertComments(seed.comments);
        });
        let clock = Date.parse('2026-01-01T00:00:00Z');
        let serial = 0;
        for (const next of steps) {
          const all = (await store.dump()).comments;
          if (next.kind === 'post') {
            const published = all.filter((comment) => comment.status === 'published');
            const parent = published.length === 0 || next.parent % 4 === 0 ? null : (published[next.parent % published.length] as (typeof published)[number]).id;
            await postComment(store, SLUG, { author: 'Lectrice', email: 'l@example.fr', body: `Texte ${serial}`, parentId: parent }, null, {
              now: () => new Date((clock += 60_000)),
              newId: () => `c${serial++}`,
            });
          } else {
            await decide(store, (all[next.target % all.length] as (typeof all)[number]).id, next.decision, null);
          }
        }
        const { articles, comments } = await store.dump();
        const recounted = countDiscussion(seedArticle, comments);
        const counts = (list: typeof comments) =>
          list.map(({ id, replyCount, descendantCount, visible }) => ({ id, replyCount, descendantCount, visible })).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(counts(comments)).toEqual(counts(recounted.comments));
        expect(articles[0]).toMatchObject({ publishedCount: recounted.article.publishedCount, topLevelCount: recounted.article.topLevelCount });
      }),
      { numRuns: 150 },
    );
  });
});
