import { describe, expect, it } from 'vitest';
import type { PublishedComment } from '../../../api/contract';
import { buildThread } from './build-thread';

const comment = (id: string, parentId: string | null, createdAt: string): PublishedComment => ({
  id,
  parentId,
  createdAt,
  articleSlug: 'a',
  author: `auteur ${id}`,
  body: `texte ${id}`,
});

describe('buildThread', () => {
  it('orders top-level comments newest first and replies oldest first, at any depth', () => {
    const thread = buildThread([
      comment('old', null, '2015-11-27T08:00:00+01:00'),
      comment('new', null, '2015-11-28T08:00:00+01:00'),
      comment('r2', 'old', '2015-11-27T12:00:00+01:00'),
      comment('r1', 'old', '2015-11-27T10:00:00+01:00'),
      comment('r1a', 'r1', '2015-11-27T11:00:00+01:00'),
    ]);
    expect(thread.childrenOf.get(null)).toEqual(['new', 'old']);
    expect(thread.childrenOf.get('old')).toEqual(['r1', 'r2']);
    expect(thread.childrenOf.get('r1')).toEqual(['r1a']);
    expect(thread.total).toBe(5);
  });

  it('keeps a reply whose parent is not published at the top level', () => {
    const thread = buildThread([comment('orphan', 'gone', '2015-11-27T08:00:00+01:00')]);
    expect(thread.childrenOf.get(null)).toEqual(['orphan']);
  });

  it('builds a 20 000-deep chain without recursion limits', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      comment(`c${i}`, i === 0 ? null : `c${i - 1}`, new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString()),
    );
    expect(buildThread(chain).childrenOf.get('c19998')).toEqual(['c19999']);
  });
});
