// A comment's author changing it afterwards: PUT (new text) and DELETE on the comment's own
// address, with the secret given in the answer to the post as `Authorization: Bearer <token>`
// (a header: never in an address, where logs and histories would keep it). Throttled per client
// address, before the token is even looked at, so that guessing is throttled too.
import { deleteComment, editComment } from '../core/author-changes';
import { consume } from '../core/throttle';
import { EditCommentRequestSchema } from '../shared/contract';
import { REQUEST_ERRORS } from './messages-fr';
import type { Route, RouteDeps } from './route';
import { json, noContent, parseBody } from './wire';

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: Request): string | null {
  const found = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return found?.[1] ?? null;
}

export function authorRoutes({ store, now, rateRules, remoderateEdits }: RouteDeps): Route[] {
  const throttle = (addressKey: string) => consume(store.access, rateRules, [['author-change-address', addressKey]], now().getTime());
  const pattern = '/articles/:slug/comments/:id';
  return [
    {
      method: 'PUT',
      pattern,
      handler: async ({ request, params, client }) => {
        const { body } = await parseBody(request, EditCommentRequestSchema, REQUEST_ERRORS.editComment);
        await throttle(client.addressKey);
        const token = bearerToken(request);
        return json(await editComment(store, params.slug as string, params.id as string, token, body, { now, remoderateEdits }));
      },
    },
    {
      method: 'DELETE',
      pattern,
      handler: async ({ request, params, client }) => {
        await throttle(client.addressKey);
        await deleteComment(store, params.slug as string, params.id as string, bearerToken(request), { now });
        return noContent();
      },
    },
  ];
}
