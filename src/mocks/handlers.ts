// The mock backend: one set of MSW handlers for the browser worker (dev, demo build), the node
// server (tests) and the HTTP server of `npm run serve`. It validates every request itself
// with the same rules as the form, and never puts an email in a response.
import { http, HttpResponse } from 'msw';
import * as v from 'valibot';
import {
  CommentSortSchema,
  MAX_REQUEST_BYTES,
  ModerationDecisionRequestSchema,
  ModerationQueueSchema,
  NewReportRequestSchema,
  RecommendationRequestSchema,
  type ModerationQueue,
  type NewComment,
  NewCommentRequestSchema,
  type ApiErrorBody,
  type ModerationComment,
  type PublishedComment,
} from '../api/contract';
import { normaliseComment, reportDetailsError, validateComment } from '../api/comment-rules';
import { db } from './db';
import {
  commentContext,
  indexDiscussion,
  InvalidCursorError,
  repliesPage,
  topLevelPage,
  type DiscussionIndex,
} from './discussion-index';
import { withFault } from './faults';
import type { StoredComment } from './db-types';

// Any origin: the same handlers answer on localhost:5173, in jsdom and behind `npm run serve`.
const API = '*/api';

function errorResponse(status: number, code: string, message: string, fields?: Record<string, string>) {
  const body: ApiErrorBody = { error: fields ? { code, message, fields } : { code, message } };
  return HttpResponse.json(body, { status });
}

/** Field by field, so that an email can never slip through a spread. */
function toPublished(comment: StoredComment): PublishedComment {
  return {
    id: comment.id,
    articleSlug: comment.articleSlug,
    parentId: comment.parentId,
    author: comment.author,
    createdAt: comment.createdAt,
    body: comment.body,
  };
}

function toModeration(comment: StoredComment): ModerationComment {
  const parent = comment.parentId ? db.findComment(comment.parentId) : undefined;
  const reports = db.openReportsOf(comment.id);
  const openReports = { abusive: 0, spam: 0, 'off-topic': 0, other: 0 };
  for (const report of reports) openReports[report.reason] += 1;
  return {
    ...toPublished(comment),
    status: comment.status,
    articleTitle: db.findArticle(comment.articleSlug)?.title ?? comment.articleSlug,
    parent: parent ? { id: parent.id, author: parent.author, body: parent.body } : null,
    openReports,
    reportDetails: reports.map((report) => report.details).filter((details) => details !== ''),
    decisionReason: db.decisionReasonOf(comment.id) ?? null,
  };
}

function moderationQueue(queue: ModerationQueue): StoredComment[] {
  if (queue !== 'reported') return db.commentsWithStatus(queue);
  return db
    .commentsWithOpenReports()
    .map((id) => db.findComment(id))
    .filter((comment): comment is StoredComment => comment !== undefined && comment.status === 'published');
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_REQUEST_BYTES) {
    return { ok: false, response: errorResponse(413, 'too_large', 'La demande est trop volumineuse.') };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: errorResponse(400, 'invalid_json', 'Le corps de la demande n’est pas du JSON valide.') };
  }
}

export const TOP_LEVEL_PAGE_SIZE = 20;
export const REPLIES_PAGE_SIZE = 50;

function pageLimit(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  const limit = Number(raw);
  return Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : null;
}

function paged(page: () => unknown): Response {
  try {
    return HttpResponse.json(page() as Record<string, unknown>);
  } catch (error) {
    if (error instanceof InvalidCursorError) return errorResponse(400, 'invalid_cursor', 'Curseur de pagination invalide.');
    throw error;
  }
}

// One index per article, rebuilt only when that article's comments or recommendations have
// changed: a page of a 20,000-comment discussion is then cut from it in well under a millisecond.
const discussionCache = new Map<string, { revision: string; index: DiscussionIndex }>();
// As many as the generated discussions the database keeps: each index holds its comments.
const DISCUSSION_CACHE_SIZE = 5;

function discussionOf(slug: string): DiscussionIndex {
  const cached = discussionCache.get(slug);
  if (cached?.revision === db.revisionOf(slug)) return cached.index;
  const index = indexDiscussion(
    [...db.commentsOf(slug, 'published'), ...db.commentsOf(slug, 'rejected')],
    (id) => db.recommendationCount(id),
  );
  discussionCache.delete(slug);
  discussionCache.set(slug, { revision: db.revisionOf(slug), index });
  if (discussionCache.size > DISCUSSION_CACHE_SIZE) discussionCache.delete(discussionCache.keys().next().value as string);
  return index;
}

/** The published comment `id` of article `slug`, or the 404 to answer. */
function publishedCommentOf(slug: string, id: string): StoredComment | Response {
  if (!db.findArticle(slug)) return notFoundArticle();
  const comment = db.findComment(id);
  if (!comment || comment.articleSlug !== slug || comment.status !== 'published') {
    return errorResponse(404, 'not_found', 'Ce commentaire est introuvable.');
  }
  return comment;
}

async function parseBody<TSchema extends v.GenericSchema>(request: Request, schema: TSchema, message: string) {
  const json = await readJson(request);
  if (!json.ok) return { ok: false as const, response: json.response };
  const parsed = v.safeParse(schema, json.value);
  if (!parsed.success) return { ok: false as const, response: errorResponse(400, 'invalid_request', message) };
  return { ok: true as const, value: parsed.output as v.InferOutput<TSchema> };
}

function recommendationHandler(recommended: boolean) {
  return async ({ params, request }: { params: Record<string, string | readonly string[] | undefined>; request: Request }) => {
    const comment = publishedCommentOf(String(params.slug), String(params.id));
    if (comment instanceof Response) return comment;
    const body = await parseBody(request, RecommendationRequestSchema, 'La demande doit contenir clientToken, rien d’autre.');
    if (!body.ok) return body.response;
    if (!db.setRecommendation(comment.id, body.value.clientToken, recommended)) {
      return errorResponse(
        409,
        recommended ? 'already_recommended' : 'not_recommended',
        recommended ? 'Vous recommandez déjà ce commentaire.' : 'Vous ne recommandiez pas ce commentaire.',
      );
    }
    return HttpResponse.json({ recommendations: db.recommendationCount(comment.id), recommended });
  };
}

const notFoundArticle = () => errorResponse(404, 'not_found', 'Cet article est introuvable.');

/**
 * The answer to a request whose Idempotency-Key already stored a comment: that comment again
 * (200) when the request says the same thing, 422 when it says something else, so that an
 * edited text is never taken for the one already stored.
 */
function replayOf(key: string | null, request: NewComment): Response | undefined {
  const earlier = key ? db.commentForIdempotencyKey(key) : undefined;
  if (!earlier) return undefined;
  const same =
    earlier.author === request.author &&
    earlier.email === request.email &&
    earlier.body === request.body &&
    earlier.parentId === request.parentId;
  if (!same) {
    return errorResponse(422, 'idempotency_mismatch', 'Cette clé d’envoi a déjà servi pour un autre commentaire.');
  }
  return HttpResponse.json({ comment: { ...toPublished(earlier), status: earlier.status } }, { status: 200 });
}

/** Validates and stores a new comment as pending; a repeated Idempotency-Key stores nothing. */
async function createComment(slug: string, request: Request): Promise<Response> {
  if (!db.findArticle(slug)) return notFoundArticle();

  const idempotencyKey = request.headers.get('Idempotency-Key');
  const json = await readJson(request);
  if (!json.ok) return json.response;
  const parsed = v.safeParse(NewCommentRequestSchema, json.value);
  if (!parsed.success) {
    return errorResponse(400, 'invalid_request', 'La demande doit contenir author, email, body (textes) et parentId, rien d’autre.');
  }
  const replay = replayOf(idempotencyKey, { ...normaliseComment(parsed.output), parentId: parsed.output.parentId ?? null });
  if (replay) return replay;

  const fields = validateComment(parsed.output);
  if (Object.keys(fields).length > 0) {
    return errorResponse(400, 'validation', 'Certains champs sont à corriger.', fields as Record<string, string>);
  }

  const parentId = parsed.output.parentId ?? null;
  if (parentId !== null) {
    const parent = db.findComment(parentId);
    if (!parent || parent.articleSlug !== slug || parent.status !== 'published') {
      return errorResponse(404, 'parent_not_found', 'Le commentaire auquel vous répondez n’est plus disponible.');
    }
  }

  const { author, email, body } = normaliseComment(parsed.output);
  // Checked again: another request with the same key may have been stored while this one waited.
  const lateReplay = replayOf(idempotencyKey, { author, email, body, parentId });
  if (lateReplay) return lateReplay;
  const comment = db.insertComment(
    { id: crypto.randomUUID(), articleSlug: slug, parentId, author, email, body, createdAt: new Date().toISOString(), status: 'pending' },
    idempotencyKey,
  );
  return HttpResponse.json({ comment: { ...toPublished(comment), status: comment.status } }, { status: 201 });
}

export const handlers = [
  http.get(`${API}/articles/:slug`, ({ params }) =>
    withFault('read', () => {
      const article = db.findArticle(String(params.slug));
      return article ? HttpResponse.json({ article }) : notFoundArticle();
    }),
  ),

  http.get(`${API}/articles/:slug/comments`, ({ params, request }) =>
    withFault('read', () => {
      const slug = String(params.slug);
      if (!db.findArticle(slug)) return notFoundArticle();
      const query = new URL(request.url).searchParams;
      const sort = v.safeParse(CommentSortSchema, query.get('sort') ?? 'newest');
      const limit = pageLimit(query.get('limit'), TOP_LEVEL_PAGE_SIZE);
      if (!sort.success || limit === null) {
        return errorResponse(400, 'invalid_request', 'Paramètres : sort (newest, oldest, replies, recommended), limit (1 à 100), cursor.');
      }
      return paged(() => topLevelPage(discussionOf(slug), sort.output, query.get('cursor'), limit));
    }),
  ),

  http.get(`${API}/articles/:slug/comments/:id/replies`, ({ params, request }) =>
    withFault('read', () => {
      const slug = String(params.slug);
      const id = String(params.id);
      if (!db.findArticle(slug)) return notFoundArticle();
      const index = discussionOf(slug);
      if (!index.byId.has(id)) return errorResponse(404, 'not_found', 'Ce commentaire est introuvable.');
      const query = new URL(request.url).searchParams;
      const limit = pageLimit(query.get('limit'), REPLIES_PAGE_SIZE);
      if (limit === null) return errorResponse(400, 'invalid_request', 'Paramètres : limit (1 à 100), after.');
      return paged(() => repliesPage(index, id, query.get('after'), limit));
    }),
  ),

  http.get(`${API}/articles/:slug/comments/:id/context`, ({ params }) =>
    withFault('read', () => {
      const slug = String(params.slug);
      if (!db.findArticle(slug)) return notFoundArticle();
      const context = commentContext(discussionOf(slug), String(params.id));
      return context ? HttpResponse.json(context) : errorResponse(404, 'not_found', 'Ce commentaire est introuvable.');
    }),
  ),

  http.post(`${API}/articles/:slug/comments`, ({ params, request }) =>
    withFault('post-comment', () => createComment(String(params.slug), request)),
  ),

  http.post(`${API}/articles/:slug/comments/:id/recommendations`, recommendationHandler(true)),
  http.delete(`${API}/articles/:slug/comments/:id/recommendations`, recommendationHandler(false)),

  http.post(`${API}/articles/:slug/comments/:id/reports`, async ({ params, request }) => {
    const comment = publishedCommentOf(String(params.slug), String(params.id));
    if (comment instanceof Response) return comment;
    const body = await parseBody(
      request,
      NewReportRequestSchema,
      'La demande doit contenir reason (abusive, spam, off-topic, other), clientToken et, pour other, details.',
    );
    if (!body.ok) return body.response;
    const details = (body.value.details ?? '').normalize('NFC').trim();
    const detailsProblem = reportDetailsError(body.value.reason, details);
    if (detailsProblem) return errorResponse(400, 'validation', 'Le signalement est à compléter.', { details: detailsProblem });
    const added = db.addReport(comment.id, {
      reason: body.value.reason,
      details,
      clientToken: body.value.clientToken,
      createdAt: new Date().toISOString(),
    });
    if (!added) return errorResponse(409, 'already_reported', 'Vous avez déjà signalé ce commentaire.');
    return HttpResponse.json({ reported: true }, { status: 201 });
  }),

  http.get(`${API}/comments/statuses`, ({ request }) => {
    const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length > 100) return errorResponse(400, 'invalid_request', 'Au plus 100 identifiants.');
    const statuses = Object.fromEntries(ids.map((id) => [id, db.findComment(id)?.status ?? 'unknown']));
    return HttpResponse.json({ statuses });
  }),

  http.get(`${API}/moderation/comments`, ({ request }) => {
    const queue = v.safeParse(ModerationQueueSchema, new URL(request.url).searchParams.get('status') ?? 'pending');
    if (!queue.success) {
      return errorResponse(400, 'invalid_request', 'Statut inconnu : pending, reported, published ou rejected.');
    }
    // Oldest first: a moderation queue is worked through in arrival order.
    const comments = moderationQueue(queue.output)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
      .map(toModeration);
    const counts = {
      pending: moderationQueue('pending').length,
      reported: moderationQueue('reported').length,
      published: moderationQueue('published').length,
      rejected: moderationQueue('rejected').length,
    };
    return HttpResponse.json({ comments, counts });
  }),

  http.post(`${API}/moderation/comments/:id/:decision`, async ({ params, request }) => {
    const decision = String(params.decision);
    if (decision !== 'approve' && decision !== 'reject' && decision !== 'keep') {
      return errorResponse(404, 'not_found', 'Action de modération inconnue.');
    }
    const existing = db.findComment(String(params.id));
    if (!existing) return errorResponse(404, 'not_found', 'Ce commentaire est introuvable.');
    // An empty body is allowed: the reason is optional.
    const text = await request.clone().text();
    const body = text.trim() === '' ? { ok: true as const, value: {} } : await parseBody(request, ModerationDecisionRequestSchema, 'La demande peut contenir reason (500 caractères au plus), rien d’autre.');
    if (!body.ok) return body.response;
    const reason = (body.value as { reason?: string }).reason?.trim() || undefined;
    if (decision === 'keep') {
      db.keepDespiteReports(existing.id, reason);
      return HttpResponse.json({ comment: toModeration(existing) });
    }
    const comment = db.setStatus(existing.id, decision === 'approve' ? 'published' : 'rejected', reason);
    return comment ? HttpResponse.json({ comment: toModeration(comment) }) : errorResponse(404, 'not_found', 'Ce commentaire est introuvable.');
  }),
];
