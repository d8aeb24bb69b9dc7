// Signing in and out. The token goes into the session cookie (session-cookie.ts) and nowhere else.
import { moderatorOf, signIn, signOut } from '../core/sessions';
import { SignInRequestSchema } from '../shared/moderation-contract';
import { REQUEST_ERRORS } from './messages-fr';
import type { Route, RouteDeps } from './route';
import { json, noContent, parseBody } from './wire';

export function sessionRoutes({ store, now, passwords, sessionCookies }: RouteDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/session',
      // Signing in from another site would sign the browser into the attacker's account.
      sameSiteOnly: true,
      handler: async ({ request, client }) => {
        const credentials = await parseBody(request, SignInRequestSchema, REQUEST_ERRORS.signIn);
        const signedIn = await signIn(store.access, passwords, credentials, client.addressKey, now().getTime());
        const response = json({ moderator: { name: signedIn.moderator } });
        sessionCookies.write(response, request, signedIn.token);
        return response;
      },
    },
    {
      method: 'GET',
      pattern: '/session',
      handler: async ({ request }) => json({ moderator: { name: await moderatorOf(store.access, sessionCookies.read(request), now().getTime()) } }),
    },
    {
      method: 'DELETE',
      pattern: '/session',
      sameSiteOnly: true,
      handler: async ({ request }) => {
        await signOut(store.access, sessionCookies.read(request));
        const response = noContent();
        sessionCookies.write(response, request, null);
        return response;
      },
    },
  ];
}
