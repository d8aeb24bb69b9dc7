import type * as v from 'valibot';
import type { ApiErrorCode as ServerErrorCode } from '../../shared/contract';
import { takeEarlyResponse } from './early-requests';
import type { RequestProblem } from './request-problem';
import type { SchemaPick } from './response-check';

const loadChecker = () => import('./response-check');


/** Where the API lives: `/api` on the page's origin unless VITE_API_URL names a real server. */
export const API_BASE_URL: string = import.meta.env.VITE_API_URL ?? '/api';

/** The server's codes, the client's own findings, and any code a newer server may add. */
export type ApiErrorCode = ServerErrorCode | 'offline' | 'timeout' | 'network' | 'invalid_response' | 'http' | (string & {});

/**
 * Every failure of a request: the server's code and French message, or the `problem` the client
 * found itself, which the interface puts into words (src/client/lib/i18n/error-message.ts).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: Readonly<Record<string, string>>;
  /** From a 429's Retry-After header: how long the server asks us to wait. */
  readonly retryAfterSeconds: number | null;
  /** Null when the server explained itself (code and message are then the server's). */
  readonly problem: RequestProblem | null;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    fields: Record<string, string> = {},
    retryAfterSeconds: number | null = null,
    problem: RequestProblem | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
    this.problem = problem;
  }
}

// The message of an error the client found is only its code: the interface words the problem.
const clientError = (status: number, code: ApiErrorCode, problem: RequestProblem, retryAfterSeconds: number | null = null) =>
  new ApiError(status, code, problem.code, {}, retryAfterSeconds, problem);

/** A request that has had no answer after this long is abandoned; retrying is then safe. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Retry-After is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

function apiUrl(path: string): string {
  // Relative bases are resolved against the page, so the same code runs in a browser and in
  // jsdom, whose fetch has no notion of a current document.
  return new URL(API_BASE_URL + path, globalThis.location?.href).toString();
}

/**
 * GETs or sends `path` and returns its answer once checked against the schema `pick` chooses,
 * or throws an ApiError saying what went wrong.
 */
export async function requestJson<TSchema extends v.GenericSchema>(
  path: string,
  pick: SchemaPick<TSchema>,
  init: RequestInit = {},
): Promise<v.InferOutput<TSchema>> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');

  if (isOffline()) throw clientError(0, 'offline', { code: 'offline' });
  // Fetched with the request, not after it; a failure to fetch it is reported below.
  const checker = loadChecker();
  checker.catch(() => {});

  // Our own timeout, chained to the caller's signal (TanStack Query cancels through it).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, REQUEST_TIMEOUT_MS);
  const abortFromCaller = () => controller.abort();
  init.signal?.addEventListener('abort', abortFromCaller);

  // A GET the page's inline script already started (see early-requests.ts) is not sent twice;
  // if that early attempt failed, the request is simply made now.
  const early = init.method === undefined && init.body === undefined ? takeEarlyResponse(path) : undefined;
  let response: Response;
  let data: unknown;
  // The timeout covers the body too: a server may answer its headers and then stall.
  try {
    try {
      const send = () => fetch(apiUrl(path), { ...init, headers, signal: controller.signal });
      response = await (early ? early.catch(send) : send());
    } catch (error) {
      if (init.signal?.aborted) throw error;
      if (timedOut) throw clientError(0, 'timeout', { code: 'timeout' });
      if (isOffline()) throw clientError(0, 'offline', { code: 'offline' });
      throw clientError(0, 'network', { code: 'network' });
    }

    if (response.status === 429) {
      const seconds = parseRetryAfter(response.headers.get('Retry-After'));
      throw clientError(429, 'rate_limited', { code: 'rateLimited', seconds }, seconds);
    }

    try {
      data = response.status === 204 ? null : await response.json();
    } catch (error) {
      if (init.signal?.aborted) throw error;
      if (timedOut) throw clientError(0, 'timeout', { code: 'timeout' });
      if (!response.ok) throw clientError(response.status, 'server', { code: 'refused', status: response.status });
      throw clientError(response.status, 'invalid_response', { code: 'unreadable' });
    }
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener('abort', abortFromCaller);
  }

  let check: Awaited<typeof checker>;
  try {
    check = await checker;
  } catch {
    // The checker's own download failed: the connection, as far as the reader can tell.
    throw clientError(0, isOffline() ? 'offline' : 'network', { code: isOffline() ? 'offline' : 'network' });
  }

  if (!response.ok) {
    const refusal = check.refusalOf(data);
    if (refusal) throw new ApiError(response.status, refusal.code, refusal.message, refusal.fields);
    throw clientError(response.status, response.status >= 500 ? 'server' : 'http', { code: 'refused', status: response.status });
  }

  const answer = check.checkAnswer(pick, data);
  if (!answer.ok) throw clientError(response.status, 'invalid_response', { code: 'unexpected' });
  return answer.value;
}

/** A request answered 204 No Content. */
export async function requestNoContent(path: string, init: RequestInit): Promise<void> {
  await requestJson(path, (schemas) => schemas.NoContentSchema, init);
}
