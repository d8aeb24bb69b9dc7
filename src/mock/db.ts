// The mock backend's database: the in-memory store of the core, holding the seed article and
// its comments, plus whatever readers post and moderators decide. In a browser it is saved to
// localStorage after every change so that a reload keeps it; in tests it lives in memory and
// `resetDb()` brings back the seed before each test. The synthetic articles `generated-N` are
// computed on first use and never saved: what readers do to them lasts until the page reloads.
import { countDiscussion, newCommentRecord } from '../core/count-discussion';
import { createMemoryStore, type MemoryStore } from '../core/memory-store';
import type { CommentRecord, ReportRecord, StoredComment } from '../core/records';
import type { BanRecord, WordLists } from '../core/access-store';
import type { StoreDump } from '../core/store';
import type { CommentStatus, ReportReason } from '../shared/contract';
import { generatedArticle, generatedComments, generatedCountOf } from '../fixtures/generated-article';
import { seedArticle, seedComments } from '../fixtures/seed-article';
import { signIn } from '../core/sessions';
import { DEMO_MODERATOR, demoAccount, demoPasswords } from './demo-account';
import { sha256Hex } from '../core/digest';
import { emptySessionJar, keepSessionIn, putInSessionJar } from './session-jar';

// v2: the store's records (with their counts) replaced v1's ad hoc tables.
const STORAGE_KEY = 'reagir:mock-db:v2';
const ACCESS_KEY = 'reagir:mock-access:v1';

interface SavedAccess {
  bans: BanRecord[];
  wordLists: WordLists;
}

function loadGenerated(slug: string) {
  const count = generatedCountOf(slug);
  return count === undefined ? undefined : { article: generatedArticle(count), comments: generatedComments(count) };
}

function seededDump(): StoreDump {
  const seed = countDiscussion(seedArticle, seedComments);
  return { articles: [seed.article], comments: seed.comments, reports: [], recommendations: [] };
}

function isDump(value: unknown): value is StoreDump {
  if (typeof value !== 'object' || value === null) return false;
  const dump = value as Partial<StoreDump>;
  return (
    Array.isArray(dump.articles) &&
    Array.isArray(dump.comments) &&
    Array.isArray(dump.reports) &&
    Array.isArray(dump.recommendations) &&
    dump.comments.every((c: unknown) => typeof c === 'object' && c !== null && 'id' in c && 'createdMs' in c)
  );
}

/** The store the mock's API answers from. */
export const store: MemoryStore = createMemoryStore({ loadMissingArticle: loadGenerated });
store.load(seededDump());
void store.access.putModerator(demoAccount);
/** The part of the browser's `localStorage` the mock uses (the mock also runs in Node tests). */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let storage: KeyValueStorage | null = null;

/** Saves what is not generated: generated discussions are computed again on the next visit. */
export async function saveDb(): Promise<void> {
  if (!storage) return;
  const dump = await store.dump();
  const kept = (slug: string) => generatedCountOf(slug) === undefined;
  const commentSlugs = new Map(dump.comments.map((comment) => [comment.id, comment.articleSlug]));
  const saved: StoreDump = {
    articles: dump.articles.filter((record) => kept(record.article.slug)),
    comments: dump.comments.filter((comment) => kept(comment.articleSlug)),
    reports: dump.reports.filter((report) => kept(commentSlugs.get(report.commentId) ?? '')),
    recommendations: dump.recommendations.filter((entry) => kept(commentSlugs.get(entry.commentId) ?? '')),
  };
  // What moderators decided about authors and words lasts too (sessions and throttle counts do not).
  const access: SavedAccess = { bans: await store.access.bans(), wordLists: await store.access.wordLists() };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(saved));
    storage.setItem(ACCESS_KEY, JSON.stringify(access));
  } catch {
    // Storage full or refused: the mock keeps working from memory for this page's life.
  }
}

/** Loads the saved database from `target` and saves every change back to it. */
export function persistTo(target: KeyValueStorage): void {
  storage = target;
  try {
    const saved: unknown = JSON.parse(target.getItem(STORAGE_KEY) ?? 'null');
    if (isDump(saved)) store.load(saved);
    const access = JSON.parse(target.getItem(ACCESS_KEY) ?? 'null') as Partial<SavedAccess> | null;
    if (Array.isArray(access?.bans)) for (const ban of access.bans) void store.access.putBan(ban);
    if (access?.wordLists && Array.isArray(access.wordLists.banned) && Array.isArray(access.wordLists.suspect)) {
      void store.access.setWordLists(access.wordLists);
    }
  } catch {
    // Corrupt or foreign data: start again from the seed rather than break the page.
  }
}

export function resetDb(): void {
  store.load(seededDump());
  // Sessions, throttle counts, bans and word lists are the page's: never saved, reset here.
  store.resetAccess();
  void store.access.putModerator(demoAccount);
  emptySessionJar();
  void saveDb();
}

/** Generated comments are found once their discussion is loaded: `generated-50-7` is in `generated-50`. */
function loadDiscussionOf(id: string): void {
  const slug = id.slice(0, id.lastIndexOf('-'));
  if (generatedCountOf(slug) !== undefined) store.direct.article(slug);
}

/**
 * For tests: arrange and inspect the database directly, synchronously. Every change recounts
 * the article's discussion with the core's own counting, so the API then answers as it would
 * after the same posts and decisions.
 */
export const db = {
  findArticle: (slug: string) => store.direct.article(slug)?.article,
  findComment: (id: string) => {
    loadDiscussionOf(id);
    return store.direct.comment(id);
  },
  commentsWithStatus: (status: CommentStatus) => store.direct.comments().filter((comment) => comment.status === status),
  commentsOf: (slug: string, status: CommentStatus) => {
    store.direct.article(slug);
    return store.direct.comments().filter((comment) => comment.articleSlug === slug && comment.status === status);
  },
  insertComment(comment: StoredComment, idempotencyKey: string | null = null): void {
    store.direct.recount(comment.articleSlug, (comments) => [...comments, newCommentRecord(comment, idempotencyKey)]);
  },
  /** Undefined for an unknown comment. */
  setStatus(id: string, status: CommentStatus, reason?: string): CommentRecord | undefined {
    loadDiscussionOf(id);
    const comment = store.direct.comment(id);
    if (!comment) return undefined;
    store.direct.recount(comment.articleSlug, (comments) =>
      comments.map((c) => (c.id === id ? { ...c, status, decisionReason: reason ?? null } : c)),
    );
    store.direct.answerReports(id);
    return store.direct.comment(id);
  },
  recommendationCount: (id: string) => store.direct.comment(id)?.recommendations ?? 0,
  setRecommendation: (id: string, clientToken: string, on: boolean) => store.direct.setRecommendation(id, clientToken, on),
  addReport(id: string, report: { reason: ReportReason; details: string; clientToken: string; createdAt: string }): boolean {
    return store.direct.addReport({ commentId: id, answered: false, ...report });
  },
  openReportsOf: (id: string): ReportRecord[] => store.direct.reports().filter((report) => report.commentId === id && !report.answered),
  decisionReasonOf: (id: string) => store.direct.comment(id)?.decisionReason ?? undefined,
  /** Signs the demo moderator in, as the sign-in form would. */
  async signInModerator(): Promise<void> {
    const { token } = await signIn(store.access, demoPasswords, DEMO_MODERATOR, 'test', Date.now());
    putInSessionJar(token);
  },
};

/**
 * After a reload, the demo moderator's session as the tab kept it (session-jar.ts): the page's
 * memory store is new, so the session is stored again under the same token.
 */
export async function restoreModeratorSession(target: Parameters<typeof keepSessionIn>[0]): Promise<void> {
  const token = keepSessionIn(target);
  if (token === null) return;
  const now = Date.now();
  await store.access.insertSession({ tokenHash: await sha256Hex(token), moderator: DEMO_MODERATOR.name, createdMs: now, lastSeenMs: now });
}
