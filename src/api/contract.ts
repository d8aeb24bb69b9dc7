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

export const CommentListResponseSchema = v.object({
  comments: v.array(PublishedCommentSchema),
  total: v.number(),
});

export const CommentStatusSchema = v.picklist(['pending', 'published', 'rejected']);

export const PostCommentResponseSchema = v.object({
  comment: v.object({ ...PublishedCommentSchema.entries, status: CommentStatusSchema }),
});

export const ModerationCommentSchema = v.object({
  ...PublishedCommentSchema.entries,
  status: CommentStatusSchema,
  articleTitle: v.string(),
  parent: v.nullable(v.object({ id: v.string(), author: v.string(), body: v.string() })),
});

export const ModerationListResponseSchema = v.object({
  comments: v.array(ModerationCommentSchema),
});

export const ModerationDecisionResponseSchema = v.object({ comment: ModerationCommentSchema });

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
export type CommentStatus = v.InferOutput<typeof CommentStatusSchema>;
export type ModerationComment = v.InferOutput<typeof ModerationCommentSchema>;
export type ApiErrorBody = v.InferOutput<typeof ApiErrorBodySchema>;
export type ModerationDecision = 'approve' | 'reject';

/** What the comment form sends; `parentId` is null for a comment on the article itself. */
export interface NewComment {
  author: string;
  email: string;
  body: string;
  parentId: string | null;
}

/** The body of POST /articles/:slug/comments; anything else in it is refused. */
export const NewCommentRequestSchema = v.strictObject({
  author: v.string(),
  email: v.string(),
  body: v.string(),
  parentId: v.optional(v.nullable(v.string())),
});

/** Requests larger than this are refused before being parsed (a comment is at most ~8 KB). */
export const MAX_REQUEST_BYTES = 64 * 1024;
