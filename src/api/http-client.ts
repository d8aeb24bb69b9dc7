import * as v from 'valibot';
import { ApiErrorBodySchema } from './contract';

/** Where the API lives: `/api` on the page's origin unless VITE_API_URL names a real server. */
export const API_BASE_URL: string = import.meta.env.VITE_API_URL ?? '/api';

export type ApiErrorCode =
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

  constructor(status: number, code: ApiErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

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

  let response: Response;
  try {
    response = await fetch(apiUrl(path), { ...init, headers });
  } catch {
    throw new ApiError(0, 'network', 'Connexion impossible : vérifiez votre accès à Internet, puis réessayez.');
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
