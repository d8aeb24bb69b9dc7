// The API contract: every request and response body the app exchanges with the server,
// as valibot schemas (checked at the boundary) and the TypeScript types derived from them.
// A publisher's server implements exactly this; the README documents it endpoint by endpoint.
import * as v from 'valibot';

const IsoInstant = v.pipe(v.string(), v.isoTimestamp());

export const PhotoSchema = v.object({
  src: v.string(),
  width: v.number(),
  height: v.number(),
  alt: v.pipe(v.string(), v.nonEmpty()),
  caption: v.string(),
  credit: v.string(),
});

export const ArticleBlockSchema = v.variant('type', [
  v.object({ type: v.literal('paragraph'), text: v.string() }),
  v.object({ type: v.literal('heading'), text: v.string() }),
]);

export const ArticleSchema = v.object({
  slug: v.string(),
  title: v.string(),
  standfirst: v.string(),
  wordCount: v.number(),
  photo: v.nullable(PhotoSchema),
  body: v.array(ArticleBlockSchema),
});

/** A comment as anyone may see it: no email, ever. */
export const PublishedCommentSchema = v.object({
  id: v.string(),
  articleSlug: v.string(),
  parentId: v.nullable(v.string()),
  author: v.string(),
  createdAt: IsoInstant,
  body: v.string(),
});

export const ArticleResponseSchema = v.object({ article: ArticleSchema });

/** How the top-level comments of an article are ordered; replies are always oldest first. */
export const COMMENT_SORTS = ['newest', 'oldest', 'replies', 'recommended'] as const;
export const CommentSortSchema = v.picklist(COMMENT_SORTS);

/**
 * Why a comment with published replies is shown empty: rejected by the moderators, deleted by
 * its author, or edited by its author and awaiting moderation again.
 */
export const COMMENT_PLACEHOLDERS = ['rejected', 'deleted', 'in-review'] as const;
export type CommentPlaceholder = (typeof COMMENT_PLACEHOLDERS)[number];

/**
 * A comment as a thread shows it: published, or removed by moderation but kept (empty) as the
 * parent of replies that are still published.
 */
export const ThreadCommentSchema = v.object({
  ...PublishedCommentSchema.entries,
  /** Published direct replies. */
  replyCount: v.number(),
  /** Published replies at any depth below. */
  descendantCount: v.number(),
  recommendations: v.number(),
  /** True when the comment is not shown, only kept (empty) as the parent of published replies. */
  removed: v.boolean(),
  /** Which placeholder stands in its place when `removed`; null otherwise. */
  placeholder: v.nullable(v.picklist(COMMENT_PLACEHOLDERS)),
  /** When its author last changed its text after it was published; null if never. */
  editedAt: v.nullable(IsoInstant),
});

/**
 * One page of an article's discussion: top-level comments in the order asked for, each followed
 * (flat, parents before children) by a preview of its replies; the rest is fetched on demand.
 */
export const CommentPageSchema = v.object({
  /** Published comments of the article, replies included: the count readers see. */
  total: v.number(),
  topLevelTotal: v.number(),
  comments: v.array(ThreadCommentSchema),
  /** Opaque; null on the last page. */
  nextCursor: v.nullable(v.string()),
  /**
   * The number of the discussion's last event when the page was read: its live stream
   * (GET …/events?after=eventId, live-contract.ts) goes on from there, with no gap.
   */
  eventId: v.number(),
});

/** Direct replies of a comment (after a cursor), each with a preview of its own replies. */
export const RepliesPageSchema = v.object({
  comments: v.array(ThreadCommentSchema),
  nextCursor: v.nullable(v.string()),
});

/** A comment in its context: its ancestors from the top level down, then it and its replies' preview. */
export const CommentContextSchema = v.object({
  ancestors: v.array(ThreadCommentSchema),
  comments: v.array(ThreadCommentSchema),
});

export const CommentStatusSchema = v.picklist(['pending', 'published', 'rejected']);

export const PostCommentResponseSchema = v.object({
  comment: v.object({ ...PublishedCommentSchema.entries, status: CommentStatusSchema }),
  /**
   * The secret that lets this browser edit and delete the comment (sent back as
   * `Authorization: Bearer <token>`); the server keeps only its SHA-256. Null when a form posted
   * without JavaScript is sent again (its key is derived from what it says: see page-address.ts).
   */
  authorToken: v.nullable(v.string()),
});

/** The body of PUT …/comments/:id: the new text, nothing else (the pseudo and email stay). */
export const EditCommentRequestSchema = v.strictObject({ body: v.string() });

/** The answer to PUT …/comments/:id: the comment as it is now. */
export const EditCommentResponseSchema = v.object({
  comment: v.object({ ...PublishedCommentSchema.entries, status: CommentStatusSchema, editedAt: v.nullable(IsoInstant) }),
});

/** What became of comments this browser posted: `unknown` for an id the server does not have. */
export const CommentStatusesResponseSchema = v.object({
  statuses: v.record(v.string(), v.picklist(['pending', 'published', 'rejected', 'unknown'])),
});

/**
 * The codes of the API's errors (`{ error: { code } }`), closed: the server answers no other.
 * The client still reads an unknown code without failing (a newer server may add one) and then
 * shows the server's own message.
 */
export const API_ERROR_CODES = [
  'not_found',
  'parent_not_found',
  'validation',
  'invalid_cursor',
  'invalid_request',
  'invalid_json',
  'unsupported_media_type',
  'too_large',
  'idempotency_mismatch',
  'already_recommended',
  'not_recommended',
  'already_reported',
  'already_decided',
  'comment_changed',
  'method_not_allowed',
  'rate_limited',
  'unauthenticated',
  'invalid_credentials',
  'cross_origin',
  'author_banned',
  'banned_words',
  'not_author',
  'edit_window_closed',
  'server',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ApiErrorBodySchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    fields: v.optional(v.record(v.string(), v.string())),
  }),
});

export type Photo = v.InferOutput<typeof PhotoSchema>;
export type ArticleBlock = v.InferOutput<typeof ArticleBlockSchema>;
export type Article = v.InferOutput<typeof ArticleSchema>;
export type PublishedComment = v.InferOutput<typeof PublishedCommentSchema>;
export type ThreadComment = v.InferOutput<typeof ThreadCommentSchema>;
export type CommentSort = v.InferOutput<typeof CommentSortSchema>;
export type CommentPage = v.InferOutput<typeof CommentPageSchema>;
export type RepliesPage = v.InferOutput<typeof RepliesPageSchema>;
export type CommentContext = v.InferOutput<typeof CommentContextSchema>;
export type CommentStatus = v.InferOutput<typeof CommentStatusSchema>;
export type ApiErrorBody = v.InferOutput<typeof ApiErrorBodySchema>;

/** What the comment form sends; `parentId` is null for a comment on the article itself. */
export interface NewComment {
  author: string;
  email: string;
  body: string;
  parentId: string | null;
}

export const REPORT_REASONS = ['abusive', 'spam', 'off-topic', 'other'] as const;
export const ReportReasonSchema = v.picklist(REPORT_REASONS);
export type ReportReason = v.InferOutput<typeof ReportReasonSchema>;
export const REPORT_DETAILS_MAX_GRAPHEMES = 500;

/** The body of POST …/comments/:id/reports. */
export const NewReportRequestSchema = v.strictObject({
  reason: ReportReasonSchema,
  details: v.optional(v.string()),
  clientToken: v.pipe(v.string(), v.minLength(8), v.maxLength(100)),
});

/** The body of POST and DELETE …/comments/:id/recommendations. */
export const RecommendationRequestSchema = v.strictObject({
  clientToken: v.pipe(v.string(), v.minLength(8), v.maxLength(100)),
});

/** An answer without a body (204 No Content: signing out, lifting a ban), as the client reads it. */
export const NoContentSchema = v.null();

/** The answer to POST …/comments/:id/reports. */
export const ReportResponseSchema = v.object({ reported: v.literal(true) });

export const RecommendationResponseSchema = v.object({
  recommendations: v.number(),
  recommended: v.boolean(),
});

/** The body of POST /articles/:slug/comments; anything else in it is refused. */
export const NewCommentRequestSchema = v.strictObject({
  author: v.string(),
  email: v.string(),
  body: v.string(),
  parentId: v.optional(v.nullable(v.string())),
});

/** Requests larger than this are refused before being parsed (a comment is at most ~8 KB). */
export const MAX_REQUEST_BYTES = 64 * 1024;
