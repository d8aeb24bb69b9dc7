// Fault injection for the mock backend, so that tests (and a developer trying the app) can see
// what a reader sees when the network or the server misbehaves. In a browser, requests answered
// by the service worker never reach Playwright's page.route, so faults are injected here, in the
// mock itself: it exists only where the mock does (dev server, demo build, tests), never in the
// production build. In the browser: `window.__reagirFaults.inject({ kind: 'status', status: 503 })`.
import { delay, HttpResponse } from 'msw';

export type FaultTarget = 'post-comment' | 'read';

export type Fault =
  /** The request never reaches the server: what a dropped connection looks like. */
  | { kind: 'network' }
  /** The server answers after `ms` milliseconds (then normally). */
  | { kind: 'slow'; ms: number }
  /** The server answers this status, with a JSON error body; 429 may carry Retry-After. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** A 200 whose body is not what the contract says. */
  | { kind: 'malformed' }
  /** A 200 whose JSON body is cut in the middle. */
  | { kind: 'truncated' }
  /** The server does the work, but its answer is lost on the way back. */
  | { kind: 'lose-response' };

interface Injected {
  fault: Fault;
  target: FaultTarget;
  /** How many more requests it applies to. */
  remaining: number;
}

let injected: Injected[] = [];

// What a real server would say for the statuses worth simulating.
const INJECTED_ERRORS: Record<number, { code: string; message: string }> = {
  404: { code: 'not_found', message: 'Cet article est introuvable.' },
  429: { code: 'rate_limited', message: 'Trop de demandes.' },
  500: { code: 'server', message: 'Le serveur a rencontré une erreur. Réessayez dans un instant.' },
};

export const faults = {
  inject(fault: Fault, { target = 'post-comment', times = 1 }: { target?: FaultTarget; times?: number } = {}) {
    injected.push({ fault, target, remaining: times });
  },
  clear() {
    injected = [];
  },
  /** The fault that applies to this request, if any; each use counts against its `times`. */
  take(target: FaultTarget): Fault | undefined {
    const entry = injected.find((candidate) => candidate.target === target && candidate.remaining > 0);
    if (!entry) return undefined;
    entry.remaining -= 1;
    injected = injected.filter((candidate) => candidate.remaining > 0);
    return entry.fault;
  },
};

/**
 * Runs `handle` under the fault injected for `target`, if any. Faults that replace the answer
 * return at once; 'slow' delays it; 'lose-response' lets the work happen and drops the answer.
 */
export async function withFault(target: FaultTarget, handle: () => Promise<Response> | Response): Promise<Response> {
  const fault = faults.take(target);
  switch (fault?.kind) {
    case undefined:
      return handle();
    case 'network':
      return HttpResponse.error();
    case 'slow':
      await delay(fault.ms);
      return handle();
    case 'status': {
      const headers = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : undefined;
      const body = { error: INJECTED_ERRORS[fault.status] ?? { code: 'injected', message: `Erreur ${fault.status}.` } };
      // 502 and 503 usually come from a proxy, as HTML rather than our JSON.
      return fault.status === 502 || fault.status === 503
        ? new HttpResponse('<html><body>Bad gateway</body></html>', { status: fault.status, headers: { 'Content-Type': 'text/html', ...headers } })
        : HttpResponse.json(body, { status: fault.status, headers });
    }
    case 'malformed':
      return HttpResponse.json({ unexpected: true });
    case 'truncated':
      return new HttpResponse('{"comment": {"id": "abc", "body": "co', { headers: { 'Content-Type': 'application/json' } });
    case 'lose-response':
      await handle();
      return HttpResponse.error();
  }
}
