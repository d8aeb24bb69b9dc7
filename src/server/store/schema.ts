// The tables as Kysely sees them: one row type per table, in the columns' own names and types.
// SQLite has no boolean type, so flags are the integers 0 and 1 in both dialects; rows.ts turns
// them (and the JSON columns) back into the core's records.
import type { Generated } from 'kysely';
import type { CommentStatus, ReportReason } from '../../shared/contract';
import type { DiscussionEventType } from '../../shared/live-contract';

export type StoreKind = 'sqlite' | 'postgres';

export type Flag = 0 | 1;

export interface ArticlesTable {
  slug: string;
  title: string;
  standfirst: string;
  word_count: number;
  /** The photo as JSON text, or null: text keeps the object as written (jsonb would reorder keys). */
  photo_json: string | null;
  body_json: string;
  published_count: number;
  top_level_count: number;
}

export interface CommentsTable {
  id: string;
  article_slug: string;
  parent_id: string | null;
  author: string;
  email: string;
  body: string;
  /** The ISO string as given, offset included; created_ms is what sorts. */
  created_at: string;
  created_ms: number;
  status: CommentStatus;
  reply_count: number;
  descendant_count: number;
  recommendations: number;
  visible: Flag;
  decision_reason: string | null;
  idempotency_key: string | null;
  /** SHA-256 of the secret its author was given: the author's right to edit or delete it. */
  author_token_hash: string | null;
  published_at: string | null;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface RecommendationsTable {
  comment_id: string;
  client_token: string;
}

export interface ReportsTable {
  /** Insertion order: open reports are listed oldest first, as the in-memory store keeps them. */
  seq: Generated<number>;
  comment_id: string;
  client_token: string;
  reason: ReportReason;
  details: string;
  created_at: string;
  answered: Flag;
}

export interface ModeratorsTable {
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the database holds no usable session. */
  token_hash: string;
  moderator_name: string;
  created_ms: number;
  last_seen_ms: number;
}

export interface ThrottleCountsTable {
  /** `rule:subject`, the subject a keyed hash of an address or an email (core/throttle.ts). */
  key: string;
  window_start_ms: number;
  count: number;
}

export interface BansTable {
  id: string;
  email: string;
  author: string;
  reason: string;
  moderator: string;
  created_at: string;
}

/** Settings as JSON by name: the word lists today. */
export interface SettingsTable {
  name: string;
  value_json: string;
}

/** An article's events (core/discussion-events.ts), numbered per article. */
export interface DiscussionEventsTable {
  article_slug: string;
  id: number;
  type: DiscussionEventType;
  data: string;
}

export interface Database {
  articles: ArticlesTable;
  comments: CommentsTable;
  recommendations: RecommendationsTable;
  reports: ReportsTable;
  moderators: ModeratorsTable;
  sessions: SessionsTable;
  throttle_counts: ThrottleCountsTable;
  bans: BansTable;
  settings: SettingsTable;
  discussion_events: DiscussionEventsTable;
}
