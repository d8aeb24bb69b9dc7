import { useEffect } from 'react';
import { navigate, usePathname } from '../lib/router';
import { ArticlePage } from './article-page';
import { ModerationPage } from './moderation-page';
import { NotFoundPage } from './not-found-page';

export const HOME_ARTICLE_SLUG = 'hollande-poutine-daech';

function RedirectHome() {
  useEffect(() => navigate(`/articles/${HOME_ARTICLE_SLUG}`, { replace: true }), []);
  return null;
}

function decodeSlug(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function Routes() {
  const pathname = usePathname();
  if (pathname === '/') return <RedirectHome />;
  if (pathname === '/moderation' || pathname === '/moderation/') return <ModerationPage />;
  const articleMatch = /^\/articles\/([^/]+)\/?$/.exec(pathname);
  const slug = articleMatch?.[1] ? decodeSlug(articleMatch[1]) : null;
  // Keyed by slug: another article is another page, with its own forms and state.
  if (slug) return <ArticlePage key={slug} slug={slug} />;
  return <NotFoundPage />;
}
