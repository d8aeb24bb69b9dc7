import type { CommentSort } from '../../shared/contract';

// Keys from general to specific, each built from its parent's: invalidating
// `comments.ofArticle(slug)` refreshes every list, reply batch and context of one article after a
// moderation, and nothing of the other articles — by construction, not by convention.
const articles = ['articles'] as const;
const comments = ['comments'] as const;
const moderation = ['moderation'] as const;

const ofArticle = (slug: string) => [...comments, slug] as const;

export const queryKeys = {
  article: (slug: string) => [...articles, 'detail', slug] as const,
  comments: {
    ofArticle,
    pages: (slug: string, sort: CommentSort) => [...ofArticle(slug), 'pages', sort] as const,
    replies: (slug: string, parentId: string, afterId: string | null) => [...ofArticle(slug), 'replies', parentId, afterId] as const,
    context: (slug: string, id: string) => [...ofArticle(slug), 'context', id] as const,
  },
  // The moderation tool's own keys are built from this one in its chunk (features/moderation/api/keys.ts).
  moderation: {
    all: moderation,
  },
};
