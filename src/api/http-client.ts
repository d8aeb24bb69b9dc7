import * as v from 'valibot';
import { ApiErrorBodySchema } from './contract';
import { takeEarlyResponse } from './early-requests';

/** Where the API lives: `/api` on the page's origin unless VITE_API_URL names a real server. */
export const API_BASE_URL: string = import.meta.env.VITE_API_URL ?? '/api';

export type ApiErrorCode =
  | 'offline'
  | 'timeout'
  | 'network'
  | 'invalid_response'
  | 'validation'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | (string & {});

/** Every failure of a request, with a French message fit to show as it is. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: Readonly<Record<string, string>>;
  /** From a 429's Retry-After header: how long the server asks us to wait. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    fields: Record<string, string> = {},
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A request that has had no answer after this long is abandoned; retrying is then safe. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Retry-After is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function retryAfterMessage(seconds: number | null): string {
  if (seconds === null) return 'Trop de demandes : patientez un instant avant de réessayer.';
  if (seconds < 60) return `Trop de demandes : réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Trop de demandes : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
const OFFLINE_MESSAGE = 'Vous êtes hors ligne. Réessayez une fois la connexion revenue.';

function messageForStatus(status: number): string {
  if (status === 404) return 'Cette ressource est introuvable.';
  if (status === 429) return 'Trop de demandes : patientez un instant avant de réessayer.';
  if (status >= 500) return 'Le serveur rencontre un problème. Réessayez dans un instant.';
  return `La demande a été refusée (erreur ${status}).`;
}

function apiUrl(path: string): string {
  // Relative bases are resolved against the page, so the same code runs in a browser and in
  // jsdom, whose fetch has no notion of a current document.
  return new URL(API_BASE_URL + path, globalThis.location?.href).toString();
}

export async function requestJson<TSchema extends v.GenericSchema>(
  path: string,
  schema: TSchema,
  init: RequestInit = {},
): Promise<v.InferOutput<TSchema>> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');

  if (isOffline()) throw new ApiError(0, 'offline', OFFLINE_MESSAGE);

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
  try {
    const send = () => fetch(apiUrl(path), { ...init, headers, signal: controller.signal });
    response = await (early ? early.catch(send) : send());
  } catch (error) {
    if (init.signal?.aborted) throw error;
    if (timedOut) throw new ApiError(0, 'timeout', 'Le serveur ne répond pas. Réessayez dans un instant.');
    if (isOffline()) throw new ApiError(0, 'offline', OFFLINE_MESSAGE);
    throw new ApiError(0, 'network', 'Connexion impossible : vérifiez votre accès à Internet, puis réessayez.');
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener('abort', abortFromCaller);
  }

  if (response.status === 429) {
    const seconds = parseRetryAfter(response.headers.get('Retry-After'));
    throw new ApiError(429, 'rate_limited', retryAfterMessage(seconds), {}, seconds);
  }

  let data: unknown;
  try {
    data = await response.json();
  } catch {
    if (!response.ok) throw new ApiError(response.status, 'server', messageForStatus(response.status));
    throw new ApiError(response.status, 'invalid_response', 'La réponse du serveur est illisible.');
  }

  if (!response.ok) {
    const body = v.safeParse(ApiErrorBodySchema, data);
    if (body.success) {
      const { code, message, fields } = body.output.error;
      throw new ApiError(response.status, code, message, fields);
    }
    throw new ApiError(response.status, response.status >= 500 ? 'server' : 'http', messageForStatus(response.status));
  }

  const parsed = v.safeParse(schema, data);
  if (!parsed.success) {
    throw new ApiError(response.status, 'invalid_response', 'La réponse du serveur est inattendue.');
  }
  return parsed.output;
}
