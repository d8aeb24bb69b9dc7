// What the core asks of a store. Three stores implement it: in memory (the mock, and tests),
// SQLite and PostgreSQL (the real server). The interface is made of storage primitives only —
// find, insert, update, read in an order the core defines — so that every decision about what the
// API answers stays in the core, once.
import type { CommentSort } from '../shared/contract';
import type { ModerationQueue } from '../shared/moderation-contract';
import type { AccessStore } from './access-store';
import type { DiscussionEventType } from '../shared/live-contract';
import type { StoredEvent } from './discussion-events';
import type { LiveSignal } from './live-signal';
import type { ArticleRecord, CommentRecord, RecommendationRecord, ReportRecord, StoredArticle } from './records';

/** A top-level comment's place in one order (see thread-order.ts): where a page resumes. */
export interface ThreadKey {
  /** descendantCount for 'replies', recommendations for 'recommended', 0 otherwise. */
  count: number;
  /** createdMs. */
  time: number;
  id: string;
}

/** A reply's place among its siblings, which are always oldest first. */
export interface ReplyKey {
  time: number;
  id: string;
}

export type ModerationCounts = Record<ModerationQueue, number>;

/** The facts a moderator decision, an author's edit or deletion, or a count changes. */
export type CommentPatch = Partial<
  Pick<
    CommentRecord,
    'status' | 'decisionReason' | 'replyCount' | 'descendantCount' | 'visible' | 'body' | 'authorTokenHash' | 'publishedAt' | 'editedAt' | 'deletedAt'
  >
>;

export interface StoreReads {
  article(slug: string): Promise<ArticleRecord | undefined>;
  comment(id: string): Promise<CommentRecord | undefined>;
  /** The comments of these ids that exist, in no particular order. */
  comments(ids: readonly string[]): Promise<CommentRecord[]>;
  commentByIdempotencyKey(key: string): Promise<CommentRecord | undefined>;
  /** Visible top-level comments of an article in `sort` order, strictly after `after`. */
  topLevel(slug: string, sort: CommentSort, after: ThreadKey | null, limit: number): Promise<CommentRecord[]>;
  /** For each parent, its first `perParent` visible direct replies, oldest first. */
  firstReplies(parentIds: readonly string[], perParent: number): Promise<CommentRecord[]>;
  /** Visible direct replies of a parent, oldest first, strictly after `after`. */
  replies(parentId: string, after: ReplyKey | null, limit: number): Promise<CommentRecord[]>;
  /** The comment's ancestors, its parent first, the top-level comment last. */
  ancestors(id: string): Promise<CommentRecord[]>;
  /** A moderation queue, oldest first ('reported': published comments with open reports). */
  moderationQueue(queue: ModerationQueue, limit: number): Promise<CommentRecord[]>;
  moderationCounts(): Promise<ModerationCounts>;
  /** Reports no moderator has answered yet, of these comments, oldest first. */
  openReports(commentIds: readonly string[]): Promise<ReportRecord[]>;
  /** The number of the article's last event (discussion-events.ts); 0 before any. */
  lastEventId(slug: string): Promise<number>;
  /** The article's kept events numbered after `after`, in order, at most `limit`. */
  discussionEvents(slug: string, after: number, limit: number): Promise<StoredEvent[]>;
}

export interface StoreWrites extends StoreReads {
  insertArticle(record: ArticleRecord): Promise<void>;
  /** Many comments at once (seeding, importing); no idempotency check. */
  insertComments(records: readonly CommentRecord[]): Promise<void>;
  /** False, and nothing stored, when its idempotency key already stored a comment. */
  insertComment(record: CommentRecord): Promise<boolean>;
  updateComment(id: string, patch: CommentPatch): Promise<void>;
  updateArticleCounts(slug: string, counts: Pick<ArticleRecord, 'publishedCount' | 'topLevelCount'>): Promise<void>;
  /** False when this token already recommends the comment; else stored and counted. */
  addRecommendation(commentId: string, clientToken: string): Promise<boolean>;
  /** False when this token did not recommend it; else removed and counted. */
  removeRecommendation(commentId: string, clientToken: string): Promise<boolean>;
  /** False when this token already reported the comment. */
  addReport(report: ReportRecord): Promise<boolean>;
  /** Marks every open report of the comment answered. */
  answerReports(commentId: string): Promise<void>;
  insertReports(records: readonly ReportRecord[]): Promise<void>;
  insertRecommendations(records: readonly RecommendationRecord[]): Promise<void>;
  /**
   * Numbers and keeps an event of the article (one more than its last), forgetting those older
   * than the last KEPT_EVENTS. Only under the article's lock: numbers then follow commits.
   */
  appendEvent(slug: string, type: DiscussionEventType, data: string): Promise<number>;
}

/** Everything a store holds, as `npm run db:export` writes it. */
export interface StoreDump {
  articles: ArticleRecord[];
  comments: CommentRecord[];
  reports: ReportRecord[];
  recommendations: RecommendationRecord[];
}

export interface Store extends StoreReads {
  /** Moderators, sessions, throttle counts, bans, word lists (access-store.ts). */
  access: AccessStore;
  /** Tells every process serving this store what changed, once a write has committed (live-signal.ts). */
  signal: LiveSignal;
  /**
   * Runs `work` in one transaction: all of it is stored, or none. Writes that concern the same
   * article (`lock`) never interleave, in this process or another (moderation counts depend on it).
   * Inside `work`, read and write through `tx` only: on SQLite the store itself waits for the
   * transaction to end.
   */
  write<T>(lock: string | null, work: (tx: StoreWrites) => Promise<T>): Promise<T>;
  /** Resolves when the store answers; rejects otherwise (GET /healthz). */
  ping(): Promise<void>;
  dump(): Promise<StoreDump>;
  /** True when no article is stored yet (the server then seeds it). */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}

export type { StoredArticle };
