import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../../shared/live-contract';
import type { ModerationComment } from '../../../../shared/moderation-contract';
import { leftQueue, withDeparted } from './queue-departures';

const event = (status: QueueEvent['status'], moderator: string | null = 'collegue'): QueueEvent => ({ id: 'c', status, moderator });
const comment = (id: string, createdAt: string) => ({ id, createdAt }) as ModerationComment;

describe('leftQueue', () => {
  it('takes a decided comment out of the queue it was decided from', () => {
    expect(leftQueue('pending', event('published'))).toBe(true);
    expect(leftQueue('pending', event('rejected'))).toBe(true);
    expect(leftQueue('published', event('rejected'))).toBe(true);
    expect(leftQueue('rejected', event('published'))).toBe(true);
  });

  it('takes any decision on a reported comment out of "Signalés", "Conserver" included', () => {
    expect(leftQueue('reported', event('published'))).toBe(true);
    expect(leftQueue('reported', event('rejected'))).toBe(true);
    // Reported again, or republished by no moderator: still there.
    expect(leftQueue('reported', event('reported', null))).toBe(false);
    expect(leftQueue('reported', event('published', null))).toBe(false);
  });

  it('leaves a comment where it is when its status has not moved, or it was only reported', () => {
    expect(leftQueue('pending', event('pending', null))).toBe(false);
    expect(leftQueue('published', event('published'))).toBe(false);
    expect(leftQueue('published', event('reported', null))).toBe(false);
  });

  it('takes out a comment its author deleted, from every queue', () => {
    for (const queue of ['pending', 'reported', 'published', 'rejected'] as const) expect(leftQueue(queue, event('deleted', null))).toBe(true);
  });
});

describe('withDeparted', () => {
  const a = comment('a', '2026-11-26T10:00:00+01:00');
  const b = comment('b', '2026-11-26T10:05:00+01:00');
  const c = comment('c', '2026-11-26T09:10:00Z');
  const d = comment('d', '2026-11-26T10:20:00+01:00');

  it('puts the comments that left back in their places, oldest first, whatever the time zones', () => {
    const rows = withDeparted([b, d], new Map([[a.id, a], [c.id, c]]));
    expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows a departed comment once, as it was, even while a read still has it', () => {
    const before = { ...b, body: 'vu' };
    expect(withDeparted([a, b], new Map([[b.id, before]]))).toEqual([a, before]);
  });
});
