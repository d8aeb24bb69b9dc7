// The store in memory: the mock backend's database (in a browser it is saved to localStorage by
// the mock), and a store for tests. Indexed like the SQL tables: comments by id, by idempotency
// key, replies under their parent oldest first, and each article's top-level comments sorted
// once per order until something in that article changes.
import type { CommentSort } from '../shared/contract';
import type { ModerationQueue } from '../shared/moderation-contract';
import type { ArticleRecord, CommentRecord, RecommendationRecord, ReportRecord, StoredArticle, StoredComment } from './records';
import type { CommentPatch, ModerationCounts, ReplyKey, Store, StoreDump, StoreWrites, ThreadKey } from './store';
import { compareReplies, compareThreadKeys, threadKeyOf } from './thread-order';
import { countDiscussion, NO_AUTHOR_CHANGES } from './count-discussion';
import { createMemoryAccessStore } from './memory-access-store';
import { KEPT_EVENTS, type StoredEvent } from './discussion-events';
import { localSignal } from './live-signal';

export interface MemoryStoreOptions {
  /**
   * Called for an article the store does not hold: a discussion to load on first use (the mock's
   * generated discussions, which are computed rather than kept).
   */
  loadMissingArticle?: (slug: string) => { article: StoredArticle; comments: readonly StoredComment[] } | undefined;
}

const replyKeyOf = (comment: CommentRecord): ReplyKey => ({ time: comment.createdMs, id: comment.id });

/** The index of the first entry of the sorted `list` that comes after `key`. */
function firstAfter<T, K>(list: readonly T[], key: K, compare: (entry: T, key: K) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle] as T, key) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Synchronous access to what the memory store holds, for the mock's tests to arrange a state
 * and look at it without going through the API.
 */
export interface DirectAccess {
  article(slug: string): ArticleRecord | undefined;
  comment(id: string): CommentRecord | undefined;
  comments(): CommentRecord[];
  reports(): ReportRecord[];
  addReport(report: ReportRecord): boolean;
  setRecommendation(commentId: string, clientToken: string, on: boolean): boolean;
  answerReports(commentId: string): void;
  /**
   * Rewrites an article's comments with `edit`, then counts the discussion again from scratch
   * (count-discussion.ts): whatever a test arranges, the counts are the ones the core would keep.
   */
  recount(slug: string, edit: (comments: CommentRecord[]) => CommentRecord[]): void;
}

export type MemoryStore = Store & {
  load(dump: StoreDump): void;
  /** Forgets moderators, sessions, throttle counts, bans and word lists (load keeps them). */
  resetAccess(): void;
  direct: DirectAccess;
};

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const articles = new Map<string, ArticleRecord>();
  const comments = new Map<string, CommentRecord>();
  const byIdempotencyKey = new Map<string, string>();
  /** Replies of each comment, any status, oldest first. */
  const children = new Map<string, CommentRecord[]>();
  /** Top-level comments of each article, any status. */
  const topLevelOf = new Map<string, CommentRecord[]>();
  const sortedTopLevel = new Map<string, Map<CommentSort, CommentRecord[]>>();
  const recommendations = new Map<string, Set<string>>();
  const reports: ReportRecord[] = [];
  /** Each article's kept events, oldest first. */
  const events = new Map<string, StoredEvent[]>();
  /** Set during a write: how to take back each change if the write fails. */
  let undo: Array<() => void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const copy = (comment: CommentRecord): CommentRecord => ({ ...comment });
  const changed = (slug: string) => sortedTopLevel.delete(slug);
  const journal = (takeBack: () => void) => undo?.push(takeBack);

  function index(comment: CommentRecord): void {
    comments.set(comment.id, comment);
    if (comment.idempotencyKey !== null) byIdempotencyKey.set(comment.idempotencyKey, comment.id);
    const list = comment.parentId === null ? topLevelOf : children;
    const key = comment.parentId ?? comment.articleSlug;
    const siblings = list.get(key) ?? [];
    siblings.splice(firstAfter(siblings, replyKeyOf(comment), (entry, k) => compareReplies(replyKeyOf(entry), k)), 0, comment);
    list.set(key, siblings);
    changed(comment.articleSlug);
  }

  function unindex(comment: CommentRecord): void {
    comments.delete(comment.id);
    if (comment.idempotencyKey !== null) byIdempotencyKey.delete(comment.idempotencyKey);
    const list = comment.parentId === null ? topLevelOf : children;
    const siblings = list.get(comment.parentId ?? comment.articleSlug);
    siblings?.splice(siblings.indexOf(comment), 1);
    changed(comment.articleSlug);
  }

  function insert(record: CommentRecord): void {
    const stored = copy(record);
    index(stored);
    journal(() => unindex(stored));
  }

  function articleOf(slug: string): ArticleRecord | undefined {
    const held = articles.get(slug);
    if (held) return held;
    const missing = options.loadMissingArticle?.(slug);
    if (!missing) return undefined;
    const counted = countDiscussion(missing.article, missing.comments);
    articles.set(slug, counted.article);
    for (const comment of counted.comments) index(comment);
    return counted.article;
  }

  function sorted(slug: string, sort: CommentSort): CommentRecord[] {
    let orders = sortedTopLevel.get(slug);
    if (!orders) sortedTopLevel.set(slug, (orders = new Map()));
    let list = orders.get(sort);
    if (!list) {
      list = (topLevelOf.get(slug) ?? []).filter((comment) => comment.visible);
      list.sort((a, b) => compareThreadKeys(threadKeyOf(a, sort), threadKeyOf(b, sort), sort));
      orders.set(sort, list);
    }
    return list;
  }

  function inQueue(comment: CommentRecord, queue: ModerationQueue): boolean {
    // Comments their authors deleted are in no queue.
    if (comment.deletedAt !== null) return false;
    if (queue !== 'reported') return comment.status === queue;
    return comment.status === 'published' && reports.some((report) => report.commentId === comment.id && !report.answered);
  }

  const oldestFirst = (a: CommentRecord, b: CommentRecord) => compareReplies(replyKeyOf(a), replyKeyOf(b));

  const reads = {
    async article(slug: string) {
      const record = articleOf(slug);
      return record && { ...record };
    },
    async comment(id: string) {
      const comment = comments.get(id);
      return comment && copy(comment);
    },
    async comments(ids: readonly string[]) {
      return ids.flatMap((id) => {
        const comment = comments.get(id);
        return comment ? [copy(comment)] : [];
      });
    },
    async commentByIdempotencyKey(key: string) {
      const id = byIdempotencyKey.get(key);
      const comment = id === undefined ? undefined : comments.get(id);
      return comment && copy(comment);
    },
    async topLevel(slug: string, sort: CommentSort, after: ThreadKey | null, limit: number) {
      articleOf(slug);
      const list = sorted(slug, sort);
      const start = after === null ? 0 : firstAfter(list, after, (entry, key) => compareThreadKeys(threadKeyOf(entry, sort), key, sort));
      return list.slice(start, start + limit).map(copy);
    },
    async firstReplies(parentIds: readonly string[], perParent: number) {
      return parentIds.flatMap((id) =>
        (children.get(id) ?? []).filter((reply) => reply.visible).slice(0, perParent).map(copy),
      );
    },
    async replies(parentId: string, after: ReplyKey | null, limit: number) {
      const siblings = children.get(parentId) ?? [];
      const start = after === null ? 0 : firstAfter(siblings, after, (entry, key) => compareReplies(replyKeyOf(entry), key));
      const out: CommentRecord[] = [];
      for (let i = start; i < siblings.length && out.length < limit; i++) {
        const reply = siblings[i] as CommentRecord;
        if (reply.visible) out.push(copy(reply));
      }
      return out;
    },
    async ancestors(id: string) {
      const out: CommentRecord[] = [];
      for (let parentId = comments.get(id)?.parentId ?? null; parentId !== null; ) {
        const parent = comments.get(parentId);
        if (!parent) break;
        out.push(copy(parent));
        parentId = parent.parentId;
      }
      return out;
    },
    async moderationQueue(queue: ModerationQueue, limit: number) {
      return [...comments.values()].filter((comment) => inQueue(comment, queue)).sort(oldestFirst).slice(0, limit).map(copy);
    },
    async moderationCounts(): Promise<ModerationCounts> {
      const counts = { pending: 0, reported: 0, published: 0, rejected: 0 };
      for (const comment of comments.values()) if (comment.deletedAt === null) counts[comment.status] += 1;
      counts.reported = new Set(
        reports.filter((report) => !report.answered && comments.get(report.commentId)?.status === 'published').map((report) => report.commentId),
      ).size;
      return counts;
    },
    async openReports(commentIds: readonly string[]) {
      const wanted = new Set(commentIds);
      return reports.filter((report) => !report.answered && wanted.has(report.commentId)).map((report) => ({ ...report }));
    },
    async lastEventId(slug: string) {
      return events.get(slug)?.at(-1)?.id ?? 0;
    },
    async discussionEvents(slug: string, after: number, limit: number) {
      const kept = events.get(slug) ?? [];
      const first = kept.findIndex((event) => event.id > after);
      return first === -1 ? [] : kept.slice(first, first + limit).map((event) => ({ ...event }));
    },
  };

  function addReportRecord(report: ReportRecord): void {
    const stored = { ...report };
    reports.push(stored);
    journal(() => reports.splice(reports.indexOf(stored), 1));
  }

  function update(id: string, patch: CommentPatch): void {
    const comment = comments.get(id);
    if (!comment) return;
    const before = { ...comment };
    Object.assign(comment, patch);
    changed(comment.articleSlug);
    journal(() => {
      Object.assign(comment, before);
      changed(comment.articleSlug);
    });
  }

  function setRecommendation(commentId: string, clientToken: string, on: boolean): boolean {
    const tokens = recommendations.get(commentId) ?? new Set<string>();
    if (tokens.has(clientToken) === on) return false;
    if (on) tokens.add(clientToken);
    else tokens.delete(clientToken);
    recommendations.set(commentId, tokens);
    journal(() => (on ? tokens.delete(clientToken) : tokens.add(clientToken)));
    const comment = comments.get(commentId);
    if (comment) update(commentId, { recommendations: comment.recommendations + (on ? 1 : -1) } as CommentPatch);
    return true;
  }

  const writes: StoreWrites = {
    ...reads,
    async insertArticle(record) {
      articles.set(record.article.slug, { ...record });
      journal(() => articles.delete(record.article.slug));
    },
    async insertComments(records) {
      for (const record of records) insert(record);
    },
    async insertComment(record) {
      if (record.idempotencyKey !== null && byIdempotencyKey.has(record.idempotencyKey)) return false;
      insert(record);
      return true;
    },
    async updateComment(id, patch) {
      update(id, patch);
    },
    async updateArticleCounts(slug, counts) {
      const article = articles.get(slug);
      if (!article) return;
      const before = { ...article };
      Object.assign(article, counts);
      journal(() => Object.assign(article, before));
    },
    async addRecommendation(commentId, clientToken) {
      return setRecommendation(commentId, clientToken, true);
    },
    async removeRecommendation(commentId, clientToken) {
      return setRecommendation(commentId, clientToken, false);
    },
    async addReport(report) {
      if (reports.some((r) => r.commentId === report.commentId && r.clientToken === report.clientToken)) return false;
      addReportRecord(report);
      return true;
    },
    async answerReports(commentId) {
      for (const report of reports) {
        if (report.commentId !== commentId || report.answered) continue;
        report.answered = true;
        journal(() => (report.answered = false));
      }
    },
    async insertReports(records) {
      for (const record of records) addReportRecord(record);
    },
    async appendEvent(slug, type, data) {
      const kept = events.get(slug) ?? [];
      const id = (kept.at(-1)?.id ?? 0) + 1;
      const before = [...kept];
      kept.push({ id, type, data });
      if (kept.length > KEPT_EVENTS) kept.splice(0, kept.length - KEPT_EVENTS);
      events.set(slug, kept);
      journal(() => events.set(slug, before));
      return id;
    },
    async insertRecommendations(records: readonly RecommendationRecord[]) {
      for (const { commentId, clientToken } of records) {
        const tokens = recommendations.get(commentId) ?? new Set<string>();
        if (tokens.has(clientToken)) continue;
        tokens.add(clientToken);
        recommendations.set(commentId, tokens);
        journal(() => tokens.delete(clientToken));
      }
    },
  };

  /** Replaces everything the store holds by `dump`. */
  function load(dump: StoreDump): void {
    for (const map of [articles, comments, byIdempotencyKey, children, topLevelOf, sortedTopLevel, recommendations]) map.clear();
    reports.length = 0;
    // Events are news, not state: a store loaded afresh starts a history of its own.
    events.clear();
    for (const record of dump.articles) articles.set(record.article.slug, { ...record });
    // A dump saved before authors could change their comments (a browser's, an old export) lacks their fields.
    for (const comment of dump.comments) index({ ...NO_AUTHOR_CHANGES, ...comment });
    for (const report of dump.reports) addReportRecord(report);
    void writes.insertRecommendations(dump.recommendations);
  }

  const direct: DirectAccess = {
    article: (slug) => articleOf(slug),
    comment: (id) => comments.get(id),
    comments: () => [...comments.values()],
    reports: () => reports,
    addReport(report) {
      if (reports.some((r) => r.commentId === report.commentId && r.clientToken === report.clientToken)) return false;
      reports.push({ ...report });
      return true;
    },
    setRecommendation,
    answerReports(commentId) {
      for (const report of reports) if (report.commentId === commentId) report.answered = true;
    },
    recount(slug, edit) {
      const record = articleOf(slug);
      if (!record) throw new Error(`No article ${slug} to arrange.`);
      const before = [...comments.values()].filter((comment) => comment.articleSlug === slug);
      for (const comment of before) unindex(comment);
      const edited = edit(before.map(copy));
      const kept = new Map(edited.map((comment) => [comment.id, comment]));
      const counted = countDiscussion(record.article, edited, (comment) => {
        const { recommendations, decisionReason, idempotencyKey, authorTokenHash, publishedAt, editedAt, deletedAt } = kept.get(
          comment.id,
        ) as CommentRecord;
        return { recommendations, decisionReason, idempotencyKey, authorTokenHash, publishedAt, editedAt, deletedAt };
      });
      articles.set(slug, counted.article);
      for (const comment of counted.comments) index(comment);
    },
  };

  const store: MemoryStore = {
    ...reads,
    access: createMemoryAccessStore(),
    signal: localSignal(),
    resetAccess() {
      store.access = createMemoryAccessStore();
    },
    load,
    direct,
    write<T>(_lock: string | null, work: (tx: StoreWrites) => Promise<T>): Promise<T> {
      // One write at a time, all or nothing: a failed write takes back what it did.
      const run = queue.then(async () => {
        undo = [];
        try {
          return await work(writes);
        } catch (error) {
          for (const takeBack of undo.reverse()) takeBack();
          throw error;
        } finally {
          undo = null;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async ping() {},
    async isEmpty() {
      return articles.size === 0;
    },
    async dump() {
      return {
        articles: [...articles.values()].map((record) => ({ ...record })),
        comments: [...comments.values()].map(copy),
        reports: reports.map((report) => ({ ...report })),
        recommendations: [...recommendations].flatMap(([commentId, tokens]) => [...tokens].map((clientToken) => ({ commentId, clientToken }))),
      };
    },
    async close() {},
  };
  return store;
}
