import { ApiError } from '../../api/http-client';
import { messageFor } from '../../../shared/coded-messages';
import type { Catalogue } from './fr';

/**
 * A failed request in the interface's language: the client's own findings from the catalogue,
 * the server's explanation as the catalogue knows its code (else in the server's French), and
 * `fallback` for anything that is not a request's failure.
 */
export function errorMessage(t: Catalogue, error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  return error.problem ? messageFor(t.requests, error.problem) : t.serverMessage(error.code, error.message);
}
