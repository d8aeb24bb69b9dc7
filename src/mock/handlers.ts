// The mock backend: the HTTP API of the real server (src/http/api.ts) over the core's in-memory
// store, behind MSW, for the browser worker (dev, demo build) and the Node tests. Nothing here
// decides what the API answers; it only adds the fault switch and the browser's persistence.
import { http } from 'msw';
import { createApi, type ApiOptions, type ClientContext } from '../http/api';
import { headerSessionCookies, type SessionCookies } from '../http/session-cookie';
import { saveDb, store } from './db';
import { demoPasswords } from './demo-account';
import { withFault, type FaultTarget } from './faults';
import { jarSessionCookies } from './session-jar';

/** Every request to the mock comes from this one browser: one address for the throttles. */
const MOCK_CLIENT: ClientContext = { addressKey: 'mock-client' };

const READS = new Set(['/articles/:slug', '/articles/:slug/comments', '/articles/:slug/comments/:id/replies', '/articles/:slug/comments/:id/context']);

/** What the contract suite sets as it does on the real server: throttles, the clock, re-moderation. */
type HandlerOptions = Pick<ApiOptions, 'rateRules' | 'now' | 'remoderateEdits'>;

/**
 * The mock's handlers. `sessionCookies`: the page's jar (browser, app tests), or real Cookie and
 * Set-Cookie headers (the contract suite, which checks them as it does on the real server).
 */
export function createHandlers({ sessionCookies, ...options }: HandlerOptions & { sessionCookies: SessionCookies }) {
  const api = createApi({ store, passwords: demoPasswords, sessionCookies, ...options, onError: (error) => console.error(error) });

  function faultTargetOf(request: Request): FaultTarget | null {
    const route = api.routeOf(request);
    if (route === '/articles/:slug/comments' && request.method === 'POST') return 'post-comment';
    return route !== null && request.method === 'GET' && READS.has(route) ? 'read' : null;
  }

  return [
    // /api/ right after the origin (not Vite's /src/client/api/… modules in development), as a
    // regular expression: MSW decodes a path pattern's parameters and would throw on a malformed
    // %-escape, which the API itself answers with a 404.
    http.all(/^[a-z]+:\/\/[^/]+\/api\//, async ({ request }) => {
      const target = faultTargetOf(request);
      const answer = () =>
        api.handle(request, MOCK_CLIENT).then(async (response) => {
          if (request.method !== 'GET' && request.method !== 'HEAD') await saveDb();
          return response;
        });
      return target === null ? answer() : withFault(target, answer);
    }),
  ];
}

export const handlers = createHandlers({ sessionCookies: jarSessionCookies });
export const headerHandlers = (options: HandlerOptions = {}) => createHandlers({ sessionCookies: headerSessionCookies, ...options });
