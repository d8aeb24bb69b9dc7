// The mock backend's database: the seed article and its comments, plus whatever readers post
// and moderators decide. In the browser it is saved to localStorage so that a reload keeps it;
// in tests it lives in memory and `resetDb()` brings back the seed before each test.
// The synthetic articles `generated-N` are computed on demand and never saved: only what
// readers post to them, and the comments of theirs a moderator decided on, join the state.
import type { CommentStatus, ReportReason } from '../api/contract';
import type { StoredArticle, StoredComment } from './db-types';
import { generatedArticle, generatedComments, generatedCountOf } from './fixtures/generated-article';
import { seedArticle, seedComments } from './fixtures/seed-article';

export interface StoredReport {
  reason: ReportReason;
  details: string;
  clientToken: string;
  createdAt: string;
}

interface DbState {
  comments: StoredComment[];
  /** Idempotency-Key → id of the comment it created, so a repeated send stores nothing new. */
  idempotency: Record<string, string>;
  /** Comment id → the client tokens of the readers who recommend it (one each). */
  recommendations: Record<string, string[]>;
  /** Comment id → its reports, one per reader. */
  reports: Record<string, StoredReport[]>;
  /** Comment id → how many of its reports a moderator has seen and kept it despite. */
  reportsKept: Record<string, number>;
  /** Comment id → the reason a moderator gave for a decision. */
  decisionReasons: Record<string, string>;
}

const STORAGE_KEY = 'reagir:mock-db:v1';
const articles: ReadonlyMap<string, StoredArticle> = new Map([[seedArticle.slug, seedArticle]]);

function seededState(): DbState {
  return {
    comments: seedComments.map((comment) => ({ ...comment })),
    idempotency: {},
    recommendations: {},
    reports: {},
    reportsKept: {},
    decisionReasons: {},
  };
}

let state: DbState = seededState();
let storage: Storage | null = null;
// Per article, bumped when its comments or their recommendations change, so that what is
// computed from them can be cached until then; the epoch changes when everything is replaced.
const articleRevisions = new Map<string, number>();
let epoch = 0;
// Stored comments by id, built on first need and kept in step with the state.
let storedById: Map<string, StoredComment> | null = null;

function touch(articleSlug: string): void {
  articleRevisions.set(articleSlug, (articleRevisions.get(articleSlug) ?? 0) + 1);
}

function replaceState(next: DbState): void {
  state = next;
  storedById = null;
  epoch += 1;
}

function isDbState(value: unknown): value is DbState {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<DbState>;
  return (
    Array.isArray(candidate.comments) &&
    candidate.comments.every((c: unknown) => typeof c === 'object' && c !== null && 'id' in c && 'status' in c) &&
    typeof candidate.idempotency === 'object' &&
    candidate.idempotency !== null
  );
}

function save(): void {
  if (!storage) return;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or refused: the mock keeps working from memory for this page's life.
  }
}

/** Loads the saved database from `target` and saves every change back to it. */
export function persistTo(target: Storage): void {
  storage = target;
  try {
    const saved: unknown = JSON.parse(target.getItem(STORAGE_KEY) ?? 'null');
    // Tables added since the data was saved start empty.
    if (isDbState(saved)) replaceState({ ...seededState(), ...saved, comments: saved.comments });
  } catch {
    // Corrupt or foreign data: start again from the seed rather than break the page.
  }
}

interface GeneratedDiscussion {
  article: StoredArticle;
  /** Comment `generated-N-i` at index i; computed on first need, as the article alone is cheap. */
  comments: readonly StoredComment[] | null;
}

// A few discussions at most: 20,000 comments weigh about 10 MB, and any N may be asked for.
const GENERATED_CACHE_SIZE = 4;
const generatedCache = new Map<number, GeneratedDiscussion>();

function generatedDiscussion(count: number): GeneratedDiscussion {
  const cached = generatedCache.get(count);
  if (cached) return cached;
  const discussion: GeneratedDiscussion = { article: generatedArticle(count), comments: null };
  generatedCache.set(count, discussion);
  if (generatedCache.size > GENERATED_CACHE_SIZE) {
    const oldest = generatedCache.keys().next().value as number;
    generatedCache.delete(oldest);
  }
  return discussion;
}

function generatedCommentsOf(count: number): readonly StoredComment[] {
  const discussion = generatedDiscussion(count);
  discussion.comments ??= generatedComments(count);
  return discussion.comments;
}

function generatedCommentOf(id: string): StoredComment | undefined {
  const indexStart = id.lastIndexOf('-') + 1;
  const count = generatedCountOf(id.slice(0, indexStart - 1));
  if (count === undefined) return undefined;
  const comment = generatedCommentsOf(count)[Number(id.slice(indexStart))];
  // The id names the index; comparing whole ids refuses "generated-5-01", "generated-5-1.0"…
  return comment?.id === id ? comment : undefined;
}

function storedComment(id: string): StoredComment | undefined {
  storedById ??= new Map(state.comments.map((comment) => [comment.id, comment]));
  return storedById.get(id);
}

export function resetDb(): void {
  replaceState(seededState());
  save();
}

export const db = {
  /** Changes whenever the article's comments or their recommendations do. */
  revisionOf(articleSlug: string): string {
    return `${epoch}:${articleRevisions.get(articleSlug) ?? 0}`;
  },

  findArticle(slug: string): StoredArticle | undefined {
    const count = generatedCountOf(slug);
    return count === undefined ? articles.get(slug) : generatedDiscussion(count).article;
  },

  /** A stored comment wins over the generated one it was copied from by a moderation. */
  findComment(id: string): StoredComment | undefined {
    return storedComment(id) ?? generatedCommentOf(id);
  },

  commentsOf(slug: string, status: CommentStatus): StoredComment[] {
    const stored = state.comments.filter((comment) => comment.articleSlug === slug);
    const count = generatedCountOf(slug);
    const generated = count === undefined ? [] : generatedCommentsOf(count);
    const moderated = new Set(stored.map((comment) => comment.id));
    return [
      ...generated.filter((comment) => comment.status === status && !moderated.has(comment.id)),
      ...stored.filter((comment) => comment.status === status),
    ];
  },

  /**
   * Stored comments only: the untouched comments of generated discussions are not in the
   * moderation lists (they would bury the seed's under thousands of published ones).
   */
  commentsWithStatus(status: CommentStatus): StoredComment[] {
    return state.comments.filter((comment) => comment.status === status);
  },

  commentForIdempotencyKey(key: string): StoredComment | undefined {
    const id = state.idempotency[key];
    return id === undefined ? undefined : this.findComment(id);
  },

  insertComment(comment: StoredComment, idempotencyKey: string | null): StoredComment {
    state.comments.push(comment);
    storedById?.set(comment.id, comment);
    touch(comment.articleSlug);
    if (idempotencyKey) state.idempotency[idempotencyKey] = comment.id;
    save();
    return comment;
  },

  recommendationCount(id: string): number {
    return state.recommendations[id]?.length ?? 0;
  },

  /** False when this reader already recommends it (adding) or does not (removing). */
  setRecommendation(id: string, clientToken: string, recommended: boolean): boolean {
    const tokens = state.recommendations[id] ?? [];
    if (tokens.includes(clientToken) === recommended) return false;
    state.recommendations[id] = recommended ? [...tokens, clientToken] : tokens.filter((token) => token !== clientToken);
    const comment = this.findComment(id);
    if (comment) touch(comment.articleSlug);
    save();
    return true;
  },

  /** Reports a moderator has not yet answered. */
  openReportsOf(id: string): readonly StoredReport[] {
    return (state.reports[id] ?? []).slice(state.reportsKept[id] ?? 0);
  },

  /** False when this reader already reported this comment. */
  addReport(id: string, report: StoredReport): boolean {
    const reports = state.reports[id] ?? [];
    if (reports.some((existing) => existing.clientToken === report.clientToken)) return false;
    state.reports[id] = [...reports, report];
    save();
    return true;
  },

  /** Ids of the comments with reports no moderator has answered, in the order first reported. */
  commentsWithOpenReports(): string[] {
    return Object.keys(state.reports).filter((id) => this.openReportsOf(id).length > 0);
  },

  keepDespiteReports(id: string, reason?: string): void {
    state.reportsKept[id] = state.reports[id]?.length ?? 0;
    if (reason) state.decisionReasons = { ...state.decisionReasons, [id]: reason };
    save();
  },

  decisionReasonOf(id: string): string | undefined {
    return state.decisionReasons[id];
  },

  setStatus(id: string, status: CommentStatus, reason?: string): StoredComment | undefined {
    const stored = storedComment(id);
    const generated = stored ? undefined : generatedCommentOf(id);
    if (!stored && !generated) return undefined;
    const { [id]: _previousReason, ...otherReasons } = state.decisionReasons;
    state.decisionReasons = reason ? { ...otherReasons, [id]: reason } : otherReasons;
    // Deciding answers the open reports too.
    if (state.reports[id]) state.reportsKept[id] = state.reports[id].length;
    if (stored) {
      stored.status = status;
      touch(stored.articleSlug);
      save();
      return stored;
    }
    // A generated comment stays as generated; its moderated copy joins the state and wins.
    return this.insertComment({ ...(generated as StoredComment), status }, null);
  },
};
