// The moderators' part of the contract: their queues and decisions, sessions, bans and word
// lists. Apart from contract.ts, which the article page loads at once: these schemas travel with
// the moderation tool's own chunk (the core and the server import them too).
import * as v from 'valibot';
import { CommentStatusSchema, PublishedCommentSchema } from './contract';

export const ModerationCommentSchema = v.object({
  ...PublishedCommentSchema.entries,
  status: CommentStatusSchema,
  articleTitle: v.string(),
  parent: v.nullable(v.object({ id: v.string(), author: v.string(), body: v.string() })),
  /** Reports not yet answered by a moderator, by reason, and the readers' words for "autre". */
  openReports: v.object({
    abusive: v.number(),
    spam: v.number(),
    'off-topic': v.number(),
    other: v.number(),
  }),
  reportDetails: v.array(v.string()),
  decisionReason: v.nullable(v.string()),
  /** Shown to moderators only: no public response carries it. */
  email: v.string(),
  /**
   * The text's version as the moderator reads it (a digest of `body`): sent back with a decision,
   * it refuses one on a text its author changed since (409 `comment_changed`).
   */
  version: v.string(),
  /** Words of the suspect list found in the text, as UTF-16 ranges of `body` (for highlighting). */
  suspectWords: v.array(v.object({ start: v.number(), end: v.number() })),
});

export const MODERATION_QUEUES = ['pending', 'reported', 'published', 'rejected'] as const;
export const ModerationQueueSchema = v.picklist(MODERATION_QUEUES);
export type ModerationQueue = v.InferOutput<typeof ModerationQueueSchema>;

export const ModerationListResponseSchema = v.object({
  comments: v.array(ModerationCommentSchema),
  counts: v.object({ pending: v.number(), reported: v.number(), published: v.number(), rejected: v.number() }),
});

/** The body of a moderation decision: an optional reason, kept with the comment. */
export const ModerationDecisionRequestSchema = v.strictObject({
  reason: v.optional(v.pipe(v.string(), v.maxLength(500))),
  /**
   * The queue the moderator saw the comment in. When the comment has left it (another moderator
   * decided first), the decision is refused with 409 `already_decided` and nothing changes.
   */
  from: v.optional(v.picklist(['pending', 'reported', 'published', 'rejected'])),
  /** The comment's `version` the moderator read: when its author has changed the text since, 409 `comment_changed`. */
  version: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

export const ModerationDecisionResponseSchema = v.object({ comment: ModerationCommentSchema });

export type ModerationComment = v.InferOutput<typeof ModerationCommentSchema>;
export type ModerationListResponse = v.InferOutput<typeof ModerationListResponseSchema>;
export type ModerationDecision = 'approve' | 'reject' | 'keep';

/** Identifiant and password of a moderator signing in (POST /api/session). */
export const SignInRequestSchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(100)),
  password: v.pipe(v.string(), v.maxLength(1000)),
});

export const SessionResponseSchema = v.object({ moderator: v.object({ name: v.string() }) });

/** The body of POST /api/moderation/comments/:id/ban. */
export const BanRequestSchema = v.strictObject({
  reason: v.pipe(v.string(), v.maxLength(500)),
});

export const BanSchema = v.object({
  id: v.string(),
  email: v.string(),
  author: v.string(),
  reason: v.string(),
  moderator: v.string(),
  createdAt: v.string(),
});
export type Ban = v.InferOutput<typeof BanSchema>;

export const BanResponseSchema = v.object({ ban: BanSchema });
export const BansResponseSchema = v.object({ bans: v.array(BanSchema) });

export const MAX_LISTED_WORDS = 1000;
export const MAX_WORD_LENGTH = 100;
const WordListSchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_WORD_LENGTH))), v.maxLength(MAX_LISTED_WORDS));

/** GET and PUT /api/moderation/word-lists. */
export const WordListsSchema = v.strictObject({ banned: WordListSchema, suspect: WordListSchema });
export type WordListsBody = v.InferOutput<typeof WordListsSchema>;
