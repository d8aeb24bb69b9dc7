// The HTTP API: the contract's routes over web-standard Request and Response, each turning a
// request into a call of the core and the core's answer or refusal into a response. The real
// server (src/server) and the mock (src/mock) both serve this very function, over a SQL store
// and over the in-memory one: what the API answers is decided here and in the core, once.
import * as v from 'valibot';
import { decide, commentStatuses, listModerationQueue } from '../core/moderate';
import { postComment } from '../core/post-comment';
import { Problem } from '../core/problem';
import { reportComment, setRecommendation } from '../core/react-to-comment';
import { readArticle, readCommentPage, readContext, readReplies, REPLIES_PAGE_SIZE, TOP_LEVEL_PAGE_SIZE } from '../core/read-discussion';
import type { Store } from '../core/store';
import {
  CommentSortSchema,
  MAX_REQUEST_BYTES,
  ModerationDecisionRequestSchema,
  ModerationQueueSchema,
  NewCommentRequestSchema,
  NewReportRequestSchema,
  RecommendationRequestSchema,
  type ApiErrorBody,
} from '../shared/contract';
import { PROBLEMS, REQUEST_ERRORS, type WireError } from './messages-fr';

export interface ApiOptions {
  store: Store;
  now?: () => Date;
  newId?: () => string;
  /** Told of every failure that is not the client's (a 500), with its error. */
  onError?: (error: unknown) => void;
}

type Params = Record<string, string>;
type Handler = (request: Request, params: Params, url: URL) => Promise<Response>;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Under /api, with :name segments; also the route's name in logs. */
  pattern: string;
  handler: Handler;
}

export interface Api {
  routes: readonly Route[];
  /** Answers any request under /api; never throws. */
  handle(request: Request): Promise<Response>;
  /** The pattern of the route a request goes to, or null. */
  routeOf(request: Request): string | null;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

export function errorResponse(error: WireError, fields?: Record<string, string>): Response {
  const body: ApiErrorBody = { error: fields ? { code: error.code, message: error.message, fields } : { code: error.code, message: error.message } };
  return json(body, error.status);
}

/** A refusal that ends the request early, thrown from the reading helpers below. */
class Refusal extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

async function readJsonBody(request: Request, { emptyAs }: { emptyAs?: unknown } = {}): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_REQUEST_BYTES) throw new Refusal(errorResponse(REQUEST_ERRORS.tooLarge));
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_REQUEST_BYTES) throw new Refusal(errorResponse(REQUEST_ERRORS.tooLarge));
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '' && emptyAs !== undefined) return emptyAs;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new Refusal(errorResponse(REQUEST_ERRORS.notJson));
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(errorResponse(REQUEST_ERRORS.invalidJson));
  }
}

async function parseBody<TSchema extends v.GenericSchema>(
  request: Request,
  schema: TSchema,
  refusal: WireError,
  options?: { emptyAs?: unknown },
): Promise<v.InferOutput<TSchema>> {
  const parsed = v.safeParse(schema, await readJsonBody(request, options));
  if (!parsed.success) throw new Refusal(errorResponse(refusal));
  return parsed.output;
}

function pageLimit(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  if (!/^\d{1,3}$/.test(raw)) return null;
  const limit = Number(raw);
  return limit >= 1 && limit <= 100 ? limit : null;
}

function compile(pattern: string): RegExp {
  const source = pattern.replace(/:(\w+)/g, (_match, name: string) => `(?<${name}>[^/]+)`);
  return new RegExp(`^/api${source}/?$`);
}

export function createApi({ store, now = () => new Date(), newId = () => crypto.randomUUID(), onError }: ApiOptions): Api {
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/articles/:slug',
      handler: async (_request, { slug }) => json({ article: await readArticle(store, slug as string) }),
    },
    {
      method: 'GET',
      pattern: '/articles/:slug/comments',
      handler: async (_request, { slug }, url) => {
        const query = url.searchParams;
        const sort = v.safeParse(CommentSortSchema, query.get('sort') ?? 'newest');
        const limit = pageLimit(query.get('limit'), TOP_LEVEL_PAGE_SIZE);
        if (!sort.success || limit === null) return errorResponse(REQUEST_ERRORS.pageQuery);
        return json(await readCommentPage(store, slug as string, sort.output, query.get('cursor'), limit));
      },
    },
    {
      method: 'GET',
      pattern: '/articles/:slug/comments/:id/replies',
      handler: async (_request, { slug, id }, url) => {
        const limit = pageLimit(url.searchParams.get('limit'), REPLIES_PAGE_SIZE);
        if (limit === null) return errorResponse(REQUEST_ERRORS.repliesQuery);
        return json(await readReplies(store, slug as string, id as string, url.searchParams.get('after'), limit));
      },
    },
    {
      method: 'GET',
      pattern: '/articles/:slug/comments/:id/context',
      handler: async (_request, { slug, id }) => json(await readContext(store, slug as string, id as string)),
    },
    {
      method: 'POST',
      pattern: '/articles/:slug/comments',
      handler: async (request, { slug }) => {
        // The article is checked first: posting to an unknown one is a 404 whatever the body.
        await readArticle(store, slug as string);
        const body = await parseBody(request, NewCommentRequestSchema, REQUEST_ERRORS.newComment);
        const key = request.headers.get('idempotency-key');
        const posted = await postComment(
          store,
          slug as string,
          { ...body, parentId: body.parentId ?? null },
          key === null || key.trim() === '' ? null : key.slice(0, 200),
          { now, newId },
        );
        return json({ comment: posted.comment }, posted.created ? 201 : 200);
      },
    },
    ...(['POST', 'DELETE'] as const).map(
      (method): Route => ({
        method,
        pattern: '/articles/:slug/comments/:id/recommendations',
        handler: async (request, { slug, id }) => {
          const { clientToken } = await parseBody(request, RecommendationRequestSchema, REQUEST_ERRORS.recommendation);
          return json(await setRecommendation(store, slug as string, id as string, clientToken, method === 'POST'));
        },
      }),
    ),
    {
      method: 'POST',
      pattern: '/articles/:slug/comments/:id/reports',
      handler: async (request, { slug, id }) => {
        const body = await parseBody(request, NewReportRequestSchema, REQUEST_ERRORS.report);
        await reportComment(store, slug as string, id as string, { ...body, details: body.details ?? '' }, now);
        return json({ reported: true }, 201);
      },
    },
    {
      method: 'GET',
      pattern: '/comments/statuses',
      handler: async (_request, _params, url) => {
        const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        if (ids.length > 100 || ids.some((id) => id.length > 200)) return errorResponse(REQUEST_ERRORS.statuses);
        return json({ statuses: await commentStatuses(store, ids) });
      },
    },
    {
      method: 'GET',
      pattern: '/moderation/comments',
      handler: async (_request, _params, url) => {
        const queue = v.safeParse(ModerationQueueSchema, url.searchParams.get('status') ?? 'pending');
        if (!queue.success) return errorResponse(REQUEST_ERRORS.queue);
        return json(await listModerationQueue(store, queue.output));
      },
    },
    {
      method: 'POST',
      pattern: '/moderation/comments/:id/:decision',
      handler: async (request, { id, decision }) => {
        if (decision !== 'approve' && decision !== 'reject' && decision !== 'keep') return errorResponse(REQUEST_ERRORS.unknownDecision);
        // An empty body is allowed: the reason is optional.
        const body = await parseBody(request, ModerationDecisionRequestSchema, REQUEST_ERRORS.decision, { emptyAs: {} });
        const reason = body.reason?.trim() || null;
        return json({ comment: await decide(store, id as string, decision, reason) });
      },
    },
  ];
  const compiled = routes.map((route) => ({ route, regex: compile(route.pattern) }));

  function match(method: string, path: string) {
    let pathMatched = false;
    for (const { route, regex } of compiled) {
      const found = regex.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        const params: Params = {};
        for (const [name, value] of Object.entries(found.groups ?? {})) params[name] = decodeURIComponent(value);
        return { route, params };
      }
    }
    return { pathMatched };
  }

  return {
    routes,
    routeOf(request) {
      try {
        const found = match(request.method, new URL(request.url).pathname);
        return 'route' in found && found.route ? found.route.pattern : null;
      } catch {
        // A malformed %-escape in the path: no route.
        return null;
      }
    },
    async handle(request) {
      try {
        const url = new URL(request.url);
        let found;
        try {
          found = match(request.method, url.pathname);
        } catch {
          // A malformed %-escape in the path.
          return errorResponse(REQUEST_ERRORS.unknownRoute);
        }
        if (!('route' in found) || !found.route) {
          if (!found.pathMatched) return errorResponse(REQUEST_ERRORS.unknownRoute);
          const allowed = routes.filter((route) => compile(route.pattern).test(url.pathname)).map((route) => route.method);
          const response = errorResponse(REQUEST_ERRORS.methodNotAllowed);
          response.headers.set('allow', [...new Set(allowed)].join(', '));
          return response;
        }
        return await found.route.handler(request, found.params, url);
      } catch (error) {
        if (error instanceof Refusal) return error.response;
        if (error instanceof Problem) return errorResponse(PROBLEMS[error.code], error.fields);
        onError?.(error);
        return errorResponse(REQUEST_ERRORS.server);
      }
    },
  };
}
