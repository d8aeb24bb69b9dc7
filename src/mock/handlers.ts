// The mock backend: the HTTP API of the real server (src/http/api.ts) over the core's in-memory
// store, behind MSW, for the browser worker (dev, demo build) and the Node tests. Nothing here
// decides what the API answers; it only adds the fault switch and the browser's persistence.
import { http } from 'msw';
import { createApi } from '../http/api';
import { saveDb, store } from './db';
import { withFault, type FaultTarget } from './faults';

const api = createApi({ store, onError: (error) => console.error(error) });

const READS = new Set(['/articles/:slug', '/articles/:slug/comments', '/articles/:slug/comments/:id/replies', '/articles/:slug/comments/:id/context']);

function faultTargetOf(request: Request): FaultTarget | null {
  const route = api.routeOf(request);
  if (route === '/articles/:slug/comments' && request.method === 'POST') return 'post-comment';
  return route !== null && request.method === 'GET' && READS.has(route) ? 'read' : null;
}

export const handlers = [
  // /api/ right after the origin (not Vite's /src/client/api/… modules in development), as a
  // regular expression: MSW decodes a path pattern's parameters and would throw on a malformed
  // %-escape, which the API itself answers with a 404.
  http.all(/^[a-z]+:\/\/[^/]+\/api\//, async ({ request }) => {
    const target = faultTargetOf(request);
    const answer = () =>
      api.handle(request).then(async (response) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') await saveDb();
        return response;
      });
    return target === null ? answer() : withFault(target, answer);
  }),
];
