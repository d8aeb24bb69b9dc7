// The readers' routes: reading an article and its discussion, posting, recommending, reporting.
// What may be posted is throttled per client address and per email (core/throttle.ts).
import * as v from 'valibot';
import { commentStatuses } from '../core/moderate';
import { normaliseEmail } from '../core/bans';
import { postComment } from '../core/post-comment';
import { reportComment, setRecommendation } from '../core/react-to-comment';
import { readArticle, readCommentPage, readContext, readReplies, REPLIES_PAGE_SIZE, TOP_LEVEL_PAGE_SIZE } from '../core/read-discussion';
import { consume } from '../core/throttle';
import { CommentSortSchema, NewCommentRequestSchema, NewReportRequestSchema, RecommendationRequestSchema } from '../shared/contract';
import { REQUEST_ERRORS } from './messages-fr';
import type { Route, RouteDeps } from './route';
import { eventStreamResponse, resumeFrom } from './event-stream';
import { errorResponse, json, pageLimit, parseBody } from './wire';

export function discussionRoutes({ store, hub, streams, now, newId, rateRules }: RouteDeps): Route[] {
  const throttle = (subjects: Parameters<typeof consume>[2]) => consume(store.access, rateRules, subjects, now().getTime());
  return [
    {
      method: 'GET',
      pattern: '/articles/:slug',
      handler: async ({ params }) => json({ article: await readArticle(store, params.slug as string) }),
    },
    {
      method: 'GET',
      pattern: '/articles/:slug/comments',
      handler: async ({ params, url }) => {
        const query = url.searchParams;
        const sort = v.safeParse(CommentSortSchema, query.get('sort') ?? 'newest');
        const limit = pageLimit(query.get('limit'), TOP_LEVEL_PAGE_SIZE);
        if (!sort.success || limit === null) return errorResponse(REQUEST_ERRORS.pageQuery);
        return json(await readCommentPage(store, params.slug as string, sort.output, query.get('cursor'), limit));
      },
    },
    {
      method: 'GET',
      pattern: '/articles/:slug/events',
      stream: true,
      handler: async ({ request, params, url, client }) => {
        const slug = params.slug as string;
        await readArticle(store, slug);
        const after = resumeFrom(request, url);
        if (after === 'invalid') return errorResponse(REQUEST_ERRORS.eventId);
        const release = streams.open(client.addressKey);
        if (!release) return errorResponse(REQUEST_ERRORS.tooManyStreams);
        return eventStreamResponse((sink) => hub.followArticle(slug, after, sink), request.signal, release);
      },
    },
    {
      method: 'GET',
      pattern: '/articles/:slug/comments/:id/replies',
      handler: async ({ params, url }) => {
        const limit = pageLimit(url.searchParams.get('limit'), REPLIES_PAGE_SIZE);
        if (limit === null) return errorResponse(REQUEST_ERRORS.repliesQuery);
        return json(await readReplies(store, params.slug as string, params.id as string, url.searchParams.get('after'), limit));
      },
    },
    {
      method: 'GET',
      pattern: '/articles/:slug/comments/:id/context',
      handler: async ({ params }) => json(await readContext(store, params.slug as string, params.id as string)),
    },
    {
      method: 'POST',
      pattern: '/articles/:slug/comments',
      handler: async ({ request, params, client }) => {
        const slug = params.slug as string;
        // The article is checked first: posting to an unknown one is a 404 whatever the body.
        await readArticle(store, slug);
        const body = await parseBody(request, NewCommentRequestSchema, REQUEST_ERRORS.newComment);
        const key = request.headers.get('idempotency-key');
        const posted = await postComment(
          store,
          slug,
          { ...body, parentId: body.parentId ?? null },
          key === null || key.trim() === '' ? null : key.slice(0, 200),
          {
            now,
            newId,
            throttle: (comment) =>
              throttle([
                ['comment-address', client.addressKey],
                ['comment-email', normaliseEmail(comment.email)],
              ]),
          },
        );
        // The token goes to this answer only: no other response ever carries it.
        return json({ comment: posted.comment, authorToken: posted.authorToken }, posted.created ? 201 : 200);
      },
    },
    ...(['POST', 'DELETE'] as const).map(
      (method): Route => ({
        method,
        pattern: '/articles/:slug/comments/:id/recommendations',
        handler: async ({ request, params, client }) => {
          const { clientToken } = await parseBody(request, RecommendationRequestSchema, REQUEST_ERRORS.recommendation);
          await throttle([['recommendation-address', client.addressKey]]);
          return json(await setRecommendation(store, params.slug as string, params.id as string, clientToken, method === 'POST'));
        },
      }),
    ),
    {
      method: 'POST',
      pattern: '/articles/:slug/comments/:id/reports',
      handler: async ({ request, params, client }) => {
        const body = await parseBody(request, NewReportRequestSchema, REQUEST_ERRORS.report);
        await throttle([['report-address', client.addressKey]]);
        await reportComment(store, params.slug as string, params.id as string, { ...body, details: body.details ?? '' }, now);
        return json({ reported: true }, 201);
      },
    },
    {
      method: 'GET',
      pattern: '/comments/statuses',
      handler: async ({ url }) => {
        const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        if (ids.length > 100 || ids.some((id) => id.length > 200)) return errorResponse(REQUEST_ERRORS.statuses);
        return json({ statuses: await commentStatuses(store, ids) });
      },
    },
  ];
}
