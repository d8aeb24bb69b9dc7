// The live part of the contract: what the server pushes, as Server-Sent Events, to the readers of
// an article (GET /api/articles/:slug/events) and to moderators (GET /api/moderation/events).
// Apart from contract.ts so that the article page's first bundle does not carry it: the client
// reads these events in a chunk of its own, loaded with the first event.
import * as v from 'valibot';
import { ThreadCommentSchema } from './contract';
import { DISCUSSION_EVENT_TYPES } from './live-events';

export { DISCUSSION_EVENT_TYPES, READY_EVENT, RESET_EVENT, type DiscussionEventType } from './live-events';

/** The SSE `event:` name of a moderators' stream (its tool's chunk only: not in live-events.ts). */
export const QUEUE_EVENT = 'queue';

/**
 * One change to a discussion, as readers may see it (no email, no status). Each event carries
 * the comments whose view changed, as a thread shows them now: the subject (when still shown),
 * and its ancestors, whose counts moved. A client patches what it has loaded with them; the
 * subject of `published` that it has not loaded is a new comment.
 *
 * Its SSE `id:` is the event's number in the article: 1, 2, 3… with no gap. A client that
 * reconnects with `Last-Event-ID: N` (or `?after=N` on its first connection: CommentPage's
 * `eventId`) gets every event after N, in order, then the live ones.
 */
export const DiscussionEventSchema = v.object({
  type: v.picklist(DISCUSSION_EVENT_TYPES),
  /** The comment the event is about. */
  subject: v.string(),
  /** Current views of the subject (when still shown) and of its ancestors, parent first. */
  comments: v.array(ThreadCommentSchema),
  /** Comments no longer shown at all: the subject removed, a placeholder left with no reply. */
  hidden: v.array(v.string()),
  /** The discussion's counts after the change (CommentPage's `total` and `topLevelTotal`). */
  total: v.number(),
  topLevelTotal: v.number(),
});
export type DiscussionEvent = v.InferOutput<typeof DiscussionEventSchema>;

/**
 * A comment entered a moderation queue or left one: posted (pending), decided, reported. A
 * moderators' stream has no ids: a client that reconnects reads its queue again.
 */
export const QueueEventSchema = v.object({
  id: v.string(),
  status: v.picklist(['pending', 'published', 'rejected', 'reported', 'deleted']),
  /** The moderator who decided, when one did. */
  moderator: v.nullable(v.string()),
});
export type QueueEvent = v.InferOutput<typeof QueueEventSchema>;

/** How many missed events a reconnection is given; past that, a reset. */
export const MAX_REPLAYED_EVENTS = 500;
/** How long the server stays silent on a stream before a comment line keeps proxies from closing it. */
export const KEEPALIVE_MS = 25_000;
