// The HTTP API: the contract's routes over web-standard Request and Response. The real server
// (src/server) and the mock (src/mock) both serve this very function, over a SQL store and over
// the in-memory one: what the API answers is decided here and in the core, once. This module is
// the router and the gate (sessions, other sites); the routes live in *-routes.ts.
import { sha256Hex } from '../core/digest';
import { Problem } from '../core/problem';
import { createLiveHub, type LiveHub } from '../core/live-hub';
import { moderatorOf, type PasswordCheck } from '../core/sessions';
import type { Store } from '../core/store';
import { DEFAULT_RATE_RULES, type RateRules } from '../core/throttle';
import { authorRoutes } from './author-routes';
import { discussionRoutes } from './discussion-routes';
import { streamCounter } from './event-stream';
import { BANNED_WORDS_FIELD, PROBLEMS, REQUEST_ERRORS } from './messages-fr';
import { moderationRoutes } from './moderation-routes';
import type { ClientContext, Route, RouteDeps } from './route';
import { headerSessionCookies, type SessionCookies } from './session-cookie';
import { sessionRoutes } from './session-routes';
import { errorResponse, Refusal } from './wire';

export type { ClientContext, Route } from './route';

export interface ApiOptions {
  store: Store;
  now?: () => Date;
  newId?: () => string;
  /** Told of every failure that is not the client's (a 500), with its error. */
  onError?: (error: unknown) => void;
  /** Checks moderators' passwords; without it nobody can sign in. */
  passwords?: PasswordCheck;
  rateRules?: RateRules;
  /** Live streams one client (address) may hold open at once; MAX_STREAMS_PER_CLIENT by default. */
  maxStreamsPerClient?: number;
  /** How the session token travels; by default the Cookie and Set-Cookie headers. */
  sessionCookies?: SessionCookies;
  /** A published comment its author edits goes back to the moderators (off by default). */
  remoderateEdits?: boolean;
}

export interface Api {
  routes: readonly Route[];
  /** Answers any request under /api; never throws. */
  handle(request: Request, client?: ClientContext): Promise<Response>;
  /** The pattern of the route a request goes to, or null. */
  routeOf(request: Request): string | null;
  /** The live streams' hub: its size for the bench; closing it ends every stream (the server stopping). */
  hub: LiveHub;
}

const nobodySignsIn: PasswordCheck = { verify: async () => false };
/** What throttles count when the adapter does not know the client's address. */
const UNKNOWN_CLIENT: ClientContext = { addressKey: 'unknown' };

function compile(pattern: string): RegExp {
  const source = pattern.replace(/:(\w+)/g, (_match, name: string) => `(?<${name}>[^/]+)`);
  return new RegExp(`^/api${source}/?$`);
}

/**
 * Whether a request comes from another site: what the browser says of it (Sec-Fetch-Site), or
 * failing that its Origin against the host it was sent to. A request with neither comes from
 * no browser (curl, a script): it carries no cookie a browser would have added on its own.
 */
function fromAnotherSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  try {
    const host = new URL(origin).host;
    return host !== new URL(request.url).host && host !== request.headers.get('host');
  } catch {
    // "Origin: null" (a sandboxed frame, a redirect across sites): not this site.
    return true;
  }
}

const changesState = (route: Route) => route.method !== 'GET';

/**
 * A public read answered 200 gets a validator: the ETag of its body. Browsers (and a cache in
 * front) then ask again with If-None-Match and get a 304 without the body when nothing changed;
 * `no-cache` lets them keep the answer but never use it unchecked. Moderators' reads stay
 * `no-store`: they are private.
 */
async function withValidator(request: Request, response: Response): Promise<Response> {
  const body = await response.text();
  const tag = `W/"${(await sha256Hex(body)).slice(0, 32)}"`;
  const headers = new Headers(response.headers);
  headers.set('etag', tag);
  headers.set('cache-control', 'no-cache');
  const asked = request.headers.get('if-none-match');
  if (asked !== null && asked.split(',').some((candidate) => candidate.trim() === tag || candidate.trim() === '*')) {
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: response.status, headers });
}

function problemResponse(problem: Problem): Response {
  const fields = problem.code === 'banned_words' ? { body: BANNED_WORDS_FIELD } : problem.fields;
  const response = errorResponse(PROBLEMS[problem.code], fields);
  if (problem.retryAfterSeconds !== undefined) response.headers.set('retry-after', String(problem.retryAfterSeconds));
  return response;
}

export function createApi(options: ApiOptions): Api {
  const deps: RouteDeps = {
    store: options.store,
    hub: createLiveHub(options.store, (error) => options.onError?.(error)),
    streams: streamCounter(options.maxStreamsPerClient),
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => crypto.randomUUID()),
    passwords: options.passwords ?? nobodySignsIn,
    rateRules: options.rateRules ?? DEFAULT_RATE_RULES,
    sessionCookies: options.sessionCookies ?? headerSessionCookies,
    remoderateEdits: options.remoderateEdits ?? false,
  };
  const routes: Route[] = [...discussionRoutes(deps), ...authorRoutes(deps), ...sessionRoutes(deps), ...moderationRoutes(deps)];
  const compiled = routes.map((route) => ({ route, regex: compile(route.pattern) }));

  function match(method: string, path: string) {
    let pathMatched = false;
    for (const { route, regex } of compiled) {
      const found = regex.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        const params: Record<string, string> = {};
        for (const [name, value] of Object.entries(found.groups ?? {})) params[name] = decodeURIComponent(value);
        return { route, params };
      }
    }
    return { pathMatched };
  }

  /** Who the request is from, for moderators' routes; throws the refusal otherwise. */
  async function gate(route: Route, request: Request): Promise<string> {
    if ((route.sameSiteOnly || (route.moderatorsOnly && changesState(route))) && fromAnotherSite(request)) {
      throw new Problem('cross_origin');
    }
    if (!route.moderatorsOnly) return '';
    return moderatorOf(deps.store.access, deps.sessionCookies.read(request), deps.now().getTime());
  }

  return {
    routes,
    hub: deps.hub,
    routeOf(request) {
      try {
        const found = match(request.method, new URL(request.url).pathname);
        return 'route' in found && found.route ? found.route.pattern : null;
      } catch {
        // A malformed %-escape in the path: no route.
        return null;
      }
    },
    async handle(request, client = UNKNOWN_CLIENT) {
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
        const moderator = await gate(found.route, request);
        const response = await found.route.handler({ request, params: found.params, url, client, moderator });
        const publicRead =
          found.route.method === 'GET' && !found.route.moderatorsOnly && !found.route.stream && found.route.pattern !== '/session';
        return publicRead && response.status === 200 ? await withValidator(request, response) : response;
      } catch (error) {
        if (error instanceof Refusal) return error.response;
        if (error instanceof Problem) return problemResponse(error);
        options.onError?.(error);
        return errorResponse(REQUEST_ERRORS.server);
      }
    },
  };
}
