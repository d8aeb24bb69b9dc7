// Keys from general to specific, so that invalidating ['comments'] reaches every list
// and ['comments', 'list', slug] only one article's.
export const queryKeys = {
  article: (slug: string) => ['articles', 'detail', slug] as const,
  comments: {
    all: ['comments'] as const,
    list: (slug: string) => ['comments', 'list', slug] as const,
  },
  moderation: {
    all: ['moderation'] as const,
    list: (status: 'pending') => ['moderation', 'list', status] as const,
  },
};
