// A second moderator, in another browser: their own session, sent as a cookie to the same API
// over the same store as the page's (the mock's handlers keep the page's session in their jar,
// so the page and this colleague cannot share them). What they decide reaches the page through
// the store's signal, as another server process's decisions would.
import { createApi } from '../src/http/api';
import { headerSessionCookies } from '../src/http/session-cookie';
import { store } from '../src/mock/db';
import { demoPasswordHash, demoPasswords } from '../src/mock/demo-account';

const ORIGIN = 'http://localhost';
const COLLEAGUE = { name: 'collegue', password: 'collegue-demo' };

export interface OtherModerator {
  name: string;
  /** POST /api/moderation/comments/:id/:decision as this moderator; the response's status. */
  decide(id: string, decision: 'approve' | 'reject' | 'keep', body?: Record<string, unknown>): Promise<number>;
  /** Stops the second API's hub hearing the store. */
  close(): void;
}

export async function signInOtherModerator(): Promise<OtherModerator> {
  await store.access.putModerator({ name: COLLEAGUE.name, passwordHash: demoPasswordHash(COLLEAGUE.password), createdAt: new Date().toISOString() });
  const api = createApi({ store, passwords: demoPasswords, sessionCookies: headerSessionCookies });
  const client = { addressKey: 'other-moderator' };
  const json = (body: unknown, cookie = ''): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const signedIn = await api.handle(new Request(`${ORIGIN}/api/session`, json(COLLEAGUE)), client);
  if (signedIn.status !== 200) throw new Error(`The other moderator could not sign in: ${signedIn.status}`);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    name: COLLEAGUE.name,
    async decide(id, decision, body = {}) {
      const response = await api.handle(new Request(`${ORIGIN}/api/moderation/comments/${encodeURIComponent(id)}/${decision}`, json(body, cookie)), client);
      return response.status;
    },
    close: () => api.hub.close(),
  };
}
