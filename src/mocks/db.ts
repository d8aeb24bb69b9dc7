// The mock backend's database: the seed article and its comments, plus whatever readers post
// and moderators decide. In the browser it is saved to localStorage so that a reload keeps it;
// in tests it lives in memory and `resetDb()` brings back the seed before each test.
import type { CommentStatus } from '../api/contract';
import type { StoredArticle, StoredComment } from './db-types';
import { seedArticle, seedComments } from './fixtures/seed-article';

interface DbState {
  comments: StoredComment[];
  /** Idempotency-Key → id of the comment it created, so a repeated send stores nothing new. */
  idempotency: Record<string, string>;
}

const STORAGE_KEY = 'reagir:mock-db:v1';
const articles: ReadonlyMap<string, StoredArticle> = new Map([[seedArticle.slug, seedArticle]]);

function seededState(): DbState {
  return { comments: seedComments.map((comment) => ({ ...comment })), idempotency: {} };
}

let state: DbState = seededState();
let storage: Storage | null = null;

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
    if (isDbState(saved)) state = saved;
  } catch {
    // Corrupt or foreign data: start again from the seed rather than break the page.
  }
}

export function resetDb(): void {
  state = seededState();
  save();
}

export const db = {
  findArticle(slug: string): StoredArticle | undefined {
    return articles.get(slug);
  },

  findComment(id: string): StoredComment | undefined {
    return state.comments.find((comment) => comment.id === id);
  },

  commentsOf(slug: string, status: CommentStatus): StoredComment[] {
    return state.comments.filter((comment) => comment.articleSlug === slug && comment.status === status);
  },

  commentsWithStatus(status: CommentStatus): StoredComment[] {
    return state.comments.filter((comment) => comment.status === status);
  },

  commentForIdempotencyKey(key: string): StoredComment | undefined {
    const id = state.idempotency[key];
    return id === undefined ? undefined : this.findComment(id);
  },

  insertComment(comment: StoredComment, idempotencyKey: string | null): StoredComment {
    state.comments.push(comment);
    if (idempotencyKey) state.idempotency[idempotencyKey] = comment.id;
    save();
    return comment;
  },

  setStatus(id: string, status: CommentStatus): StoredComment | undefined {
    const comment = this.findComment(id);
    if (!comment) return undefined;
    comment.status = status;
    save();
    return comment;
  },
};
