import { lazy, Suspense, useEffect } from 'react';
import { useCatalogue } from '../lib/i18n/language';
import { navigate, usePathname } from '../lib/router';
import { ArticlePage } from './article-page';
import { NotFoundPage } from './not-found-page';
import { PartFailure } from '../lib/part-failure';

// Readers never need the moderation tool: it is its own chunk, out of the article's budget.
const ModerationPage = lazy(() => import('./moderation-page').then((module) => ({ default: module.ModerationPage })));

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
  const t = useCatalogue();
  if (pathname === '/') return <RedirectHome />;
  if (pathname === '/moderation' || pathname === '/moderation/') {
    return (
      <PartFailure>
        <Suspense fallback={<p className="loading page">{t.site.loadingModeration}</p>}>
          <ModerationPage />
        </Suspense>
      </PartFailure>
    );
  }
  const articleMatch = /^\/articles\/([^/]+)\/?$/.exec(pathname);
  const slug = articleMatch?.[1] ? decodeSlug(articleMatch[1]) : null;
  // Keyed by slug: another article is another page, with its own forms and state.
  if (slug) return <ArticlePage key={slug} slug={slug} />;
  return <NotFoundPage />;
}
