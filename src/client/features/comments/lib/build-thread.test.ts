import { describe, expect, it } from 'vitest';
import type { ThreadComment } from '../../../../shared/contract';
import { buildThread, childrenIn, threadOf } from './build-thread';

const comment = (id: string, parentId: string | null): ThreadComment => ({
  id,
  parentId,
  createdAt: '2015-11-27T08:00:00+01:00',
  articleSlug: 'a',
  author: `auteur ${id}`,
  body: `texte ${id}`,
  replyCount: 0,
  descendantCount: 0,
  recommendations: 0,
  removed: false,
  placeholder: null,
  editedAt: null,
});

describe('buildThread', () => {
  it('keeps the server’s order and finds each comment’s replies', () => {
    const thread = buildThread([
      comment('new', null),
      comment('old', null),
      comment('r1', 'old'),
      comment('r1a', 'r1'),
      comment('r2', 'old'),
    ]);
    expect(thread.roots).toEqual(['new', 'old']);
    expect(childrenIn(thread, 'old')).toEqual(['r1', 'r2']);
    expect(childrenIn(thread, 'r1')).toEqual(['r1a']);
    expect(childrenIn(thread, 'new')).toEqual([]);
  });

  it('takes the comments whose parent is not in the batch as its roots (a batch of replies)', () => {
    const thread = buildThread([comment('a', 'elsewhere'), comment('a1', 'a'), comment('b', 'elsewhere')]);
    expect(thread.roots).toEqual(['a', 'b']);
    expect(childrenIn(thread, 'a')).toEqual(['a1']);
  });

  it('indexes a batch once, however often it is asked for', () => {
    const batch = [comment('a', null)];
    expect(threadOf(batch)).toBe(threadOf(batch));
    expect(threadOf([...batch])).not.toBe(threadOf(batch));
  });
});
