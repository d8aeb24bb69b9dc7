import type { CommentSort, ModerationQueue } from '../../shared/contract';

// Keys from general to specific: invalidating ['comments', slug] refreshes every list, reply
// batch and context of one article after a moderation, and nothing of the other articles.
export const queryKeys = {
  article: (slug: string) => ['articles', 'detail', slug] as const,
  comments: {
    ofArticle: (slug: string) => ['comments', slug] as const,
    pages: (slug: string, sort: CommentSort) => ['comments', slug, 'pages', sort] as const,
    replies: (slug: string, parentId: string, afterId: string | null) =>
      ['comments', slug, 'replies', parentId, afterId] as const,
    context: (slug: string, id: string) => ['comments', slug, 'context', id] as const,
  },
  moderation: {
    all: ['moderation'] as const,
    list: (queue: ModerationQueue) => ['moderation', 'list', queue] as const,
  },
};
