// The moderators' routes: queues, decisions, bans, word lists. Every one is moderatorsOnly:
// the router (api.ts) answers 401 without a session before any of these runs.
import * as v from 'valibot';
import { banAuthor, liftBan, listBans } from '../core/bans';
import { decide, listModerationQueue } from '../core/moderate';
import { readWordLists, replaceWordLists } from '../core/word-lists';
import { BanRequestSchema, ModerationDecisionRequestSchema, ModerationQueueSchema, WordListsSchema } from '../shared/moderation-contract';
import { REQUEST_ERRORS } from './messages-fr';
import type { Route, RouteDeps } from './route';
import { eventStreamResponse } from './event-stream';
import { errorResponse, json, noContent, parseBody } from './wire';

export function moderationRoutes({ store, hub, now, newId }: RouteDeps): Route[] {
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/moderation/events',
      stream: true,
      handler: async ({ request }) => eventStreamResponse((sink) => hub.followQueues(sink), request.signal),
    },
    {
      method: 'GET',
      pattern: '/moderation/comments',
      handler: async ({ url }) => {
        const queue = v.safeParse(ModerationQueueSchema, url.searchParams.get('status') ?? 'pending');
        if (!queue.success) return errorResponse(REQUEST_ERRORS.queue);
        return json(await listModerationQueue(store, queue.output));
      },
    },
    // Before the decisions' pattern, which would take "ban" for a decision.
    {
      method: 'POST',
      pattern: '/moderation/comments/:id/ban',
      handler: async ({ request, params, moderator }) => {
        const { reason } = await parseBody(request, BanRequestSchema, REQUEST_ERRORS.ban);
        return json({ ban: await banAuthor(store, params.id as string, { moderator, reason }, { now, newId }) }, 201);
      },
    },
    {
      method: 'POST',
      pattern: '/moderation/comments/:id/:decision',
      handler: async ({ request, params, moderator }) => {
        const { decision } = params;
        if (decision !== 'approve' && decision !== 'reject' && decision !== 'keep') return errorResponse(REQUEST_ERRORS.unknownDecision);
        // An empty body is allowed: the reason is optional.
        const body = await parseBody(request, ModerationDecisionRequestSchema, REQUEST_ERRORS.decision, { emptyAs: {} });
        const reason = body.reason?.trim() || null;
        return json({ comment: await decide(store, params.id as string, decision, reason, { seenIn: body.from, version: body.version, moderator, now: now() }) });
      },
    },
    {
      method: 'GET',
      pattern: '/moderation/bans',
      handler: async () => json({ bans: await listBans(store.access) }),
    },
    {
      method: 'DELETE',
      pattern: '/moderation/bans/:id',
      handler: async ({ params }) => {
        await liftBan(store.access, params.id as string);
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/moderation/word-lists',
      handler: async () => json(await readWordLists(store.access)),
    },
    {
      method: 'PUT',
      pattern: '/moderation/word-lists',
      handler: async ({ request }) => json(await replaceWordLists(store.access, await parseBody(request, WordListsSchema, REQUEST_ERRORS.wordLists))),
    },
  ];
  return routes.map((route) => ({ ...route, moderatorsOnly: true }));
}
