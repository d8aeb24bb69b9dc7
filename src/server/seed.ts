// What a new database starts with: the seed article and its comments, so that a fresh install
// shows a discussion; and, on request, the generated discussions (`generated-N`) used to try the
// reader on long threads. Both are counted by the core (count-discussion.ts), as every store's
// records are.
import { countDiscussion } from '../core/count-discussion';
import type { StoredArticle, StoredComment } from '../core/records';
import type { Store } from '../core/store';
import { GENERATED_MAX_COMMENTS, generatedArticle, generatedComments } from '../fixtures/generated-article';
import { seedArticle, seedComments } from '../fixtures/seed-article';

/** A seeding the operator asked for and that cannot be done; its message says why, in one line. */
export class SeedError extends Error {
  override name = 'SeedError';
}

/**
 * Stores the discussion in one transaction, unless its article is already there (then false).
 * The check is made again inside the write, under the article's lock: two servers starting on
 * one new database at once must not both seed it.
 */
async function insertDiscussion(store: Store, article: StoredArticle, comments: readonly StoredComment[]): Promise<boolean> {
  const records = countDiscussion(article, comments);
  return store.write(article.slug, async (tx) => {
    if (await tx.article(article.slug)) return false;
    await tx.insertArticle(records.article);
    await tx.insertComments(records.comments);
    return true;
  });
}

/** Seeds a database that holds no article yet; true when it did. */
export async function seedIfEmpty(store: Store): Promise<boolean> {
  if (!(await store.isEmpty())) return false;
  return insertDiscussion(store, seedArticle, seedComments);
}

/** Stores the generated discussion of `count` comments; refuses one that is already stored. */
export async function seedGenerated(store: Store, count: number): Promise<void> {
  if (!Number.isInteger(count) || count < 0 || count > GENERATED_MAX_COMMENTS) {
    throw new SeedError(`A generated discussion has 0 to ${GENERATED_MAX_COMMENTS} comments, not ${count}.`);
  }
  const article = generatedArticle(count);
  const comments = generatedComments(count);
  if (!(await insertDiscussion(store, article, comments))) {
    throw new SeedError(`The article ${article.slug} is already in the database: it is loaded once, and keeps what readers did to it since.`);
  }
}
