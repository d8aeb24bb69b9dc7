import * as v from 'valibot';
import { ApiError, requestJson } from '../../../api/http-client';

// Never read for a 204; valibot's object is already in the first bundle (unknown would be added to it).
const NO_BODY = v.object({});

/**
 * A request answered 204 No Content. requestJson reads a JSON body, which a 204 has not by
 * definition: it then reports an unreadable answer with the status, which here means success.
 * (A helper of its own in the HTTP client would weigh on the article page's first bundle.)
 */
export async function requestNoContent(path: string, init: RequestInit): Promise<void> {
  try {
    await requestJson(path, NO_BODY, init);
  } catch (error) {
    if (error instanceof ApiError && error.status === 204) return;
    throw error;
  }
}
