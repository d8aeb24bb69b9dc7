import type { QueueEvent } from '../../../../shared/live-contract';
import type { ModerationComment, ModerationQueue } from '../../../../shared/moderation-contract';

/**
 * Whether a comment shown in `queue` has left it, by what the moderators' stream says became of
 * it. A decision answers a comment's reports, so any decision takes it out of "Signalés"; a new
 * report leaves a published comment where it is.
 */
export function leftQueue(queue: ModerationQueue, event: QueueEvent): boolean {
  if (event.status === 'deleted') return true;
  if (event.status === 'reported') return false;
  if (queue === 'reported') return event.moderator !== null || event.status !== 'published';
  return event.status !== queue;
}

const timeOf = (comment: ModerationComment) => Date.parse(comment.createdAt);

/** The server's order of a queue: oldest first, then by id. */
function oldestFirst(a: ModerationComment, b: ModerationComment): number {
  return timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The queue as shown: its comments as last read, and in their places (queues are oldest first)
 * those that left it under the moderator's eyes, as they were when they left.
 */
export function withDeparted(
  fresh: readonly ModerationComment[],
  departed: ReadonlyMap<string, ModerationComment>,
): ModerationComment[] {
  if (departed.size === 0) return [...fresh];
  const staying = fresh.filter((comment) => !departed.has(comment.id));
  const gone = [...departed.values()].sort(oldestFirst);
  const rows: ModerationComment[] = [];
  let next = 0;
  for (const comment of staying) {
    while (next < gone.length && oldestFirst(gone[next] as ModerationComment, comment) < 0) rows.push(gone[next++] as ModerationComment);
    rows.push(comment);
  }
  return [...rows, ...gone.slice(next)];
}
