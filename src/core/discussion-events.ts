// A discussion's events: each change readers can see (a comment published or removed, edited,
// recommended) is written in the same transaction as the change itself, numbered 1, 2, 3… per
// article under the article's lock. A reader who reconnects is given what it missed from the
// store, in order, with no gap and nothing twice; one who missed too much reads the page again.
import { MAX_REPLAYED_EVENTS, type DiscussionEvent, type DiscussionEventType } from '../shared/live-contract';
import type { StoreReads, StoreWrites } from './store';
import { toThreadComment } from './views';

/** An event as the store keeps it: its number in the article, its type, its JSON. */
export interface StoredEvent {
  id: number;
  type: DiscussionEventType;
  data: string;
}

/** How many events an article keeps: a reader away for longer reads the page again. */
export const KEPT_EVENTS = 2_000;

/**
 * Writes the event of a change to `subjectId`, as the thread shows it once the change is made:
 * call it inside the change's transaction (under its article's lock), after the change.
 */
export async function recordDiscussionEvent(tx: StoreWrites, type: DiscussionEventType, subjectId: string): Promise<void> {
  const subject = await tx.comment(subjectId);
  if (!subject) return;
  const [ancestors, article] = await Promise.all([tx.ancestors(subjectId), tx.article(subject.articleSlug)]);
  const chain = [subject, ...ancestors];
  const event: DiscussionEvent = {
    type,
    subject: subjectId,
    comments: chain.filter((comment) => comment.visible).map(toThreadComment),
    hidden: chain.filter((comment) => !comment.visible).map((comment) => comment.id),
    total: article?.publishedCount ?? 0,
    topLevelTotal: article?.topLevelCount ?? 0,
  };
  await tx.appendEvent(subject.articleSlug, type, JSON.stringify(event));
}

/** What a reader reconnecting after event `after` is given: the events it missed, or a reset to `head`. */
export type Replay = { events: StoredEvent[] } | { reset: number };

export async function replayAfter(store: Pick<StoreReads, 'lastEventId' | 'discussionEvents'>, slug: string, after: number): Promise<Replay> {
  const head = await store.lastEventId(slug);
  // A number from a store since emptied or restored: the reader's page is of another history.
  if (after > head) return { reset: head };
  if (after === head) return { events: [] };
  if (head - after > MAX_REPLAYED_EVENTS) return { reset: head };
  const events = await store.discussionEvents(slug, after, MAX_REPLAYED_EVENTS);
  // No longer kept (see KEPT_EVENTS).
  if (events[0]?.id !== after + 1) return { reset: head };
  return { events };
}
