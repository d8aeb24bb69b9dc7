// The names of a discussion's live events (live-contract.ts holds their shapes): apart, without
// valibot, because the article page's first bundle listens for them.

/** The SSE `event:` names of a discussion's changes. */
export const DISCUSSION_EVENT_TYPES = ['published', 'removed', 'edited', 'recommended'] as const;
export type DiscussionEventType = (typeof DISCUSSION_EVENT_TYPES)[number];

/**
 * Sent instead of the events missed when they are too many or no longer kept: the client reads
 * the discussion again. Its `id:` is the article's last event.
 */
export const RESET_EVENT = 'reset';

/** The first event of a stream opened without a number to resume from: its `id:` is the article's last event. */
export const READY_EVENT = 'ready';
