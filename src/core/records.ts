// What the store keeps. These records carry what no public response may: the email, the
// moderation status, the idempotency key. The core turns them into the contract's shapes field
// by field (src/core/views.ts), so that nothing private can slip through a spread.
import type { Article, CommentStatus, PublishedComment, ReportReason } from '../shared/contract';

export type StoredArticle = Article;

/** A comment as a fixture or a reader gives it: the facts, before any counting. */
export interface StoredComment extends PublishedComment {
  email: string;
  status: CommentStatus;
}

/**
 * A comment as the store keeps it: the facts, plus what the core counts when moderators decide,
 * so that a page of a 20,000-comment discussion is read without walking the discussion.
 */
export interface CommentRecord extends StoredComment {
  /** `createdAt` as milliseconds since 1970: instants, not strings, are what sort. */
  createdMs: number;
  /** Published direct replies. */
  replyCount: number;
  /** Published replies at any depth below. */
  descendantCount: number;
  recommendations: number;
  /** Shown in threads: published, or removed with published replies below it (a placeholder). */
  visible: boolean;
  decisionReason: string | null;
  idempotencyKey: string | null;
  /** SHA-256 (hex) of the secret its author was given when posting it; null for seeded comments. */
  authorTokenHash: string | null;
  /** When a moderator last published it: its author may edit it for AUTHOR_EDIT_WINDOW_MS after. */
  publishedAt: string | null;
  /** When its author last changed its text after it was published (readers may have read the earlier one). */
  editedAt: string | null;
  /** When its author deleted it: its text is gone, its status 'rejected', and no moderator sees it. */
  deletedAt: string | null;
}

/** An article as the store keeps it, with the counts a discussion page's heading shows. */
export interface ArticleRecord {
  article: StoredArticle;
  /** Published comments, replies included. */
  publishedCount: number;
  /** Visible top-level comments: what paging goes through. */
  topLevelCount: number;
}

export interface ReportRecord {
  commentId: string;
  reason: ReportReason;
  details: string;
  clientToken: string;
  createdAt: string;
  /** True once a moderator has decided on the comment or kept it despite the report. */
  answered: boolean;
}

export interface RecommendationRecord {
  commentId: string;
  clientToken: string;
}
