import { useEffect } from 'react';
import type { Article, PublishedComment } from '../../shared/contract';
import { renderedPageData } from '../lib/rendered-page';

/** What a page says about itself: a title, or an article with the comments it shows. */
export type PageDescription =
  | { title: string }
  /** `origin`: the site's, when the server knows it; else siteOrigin(), read when applied. */
  | { article: Article; comments: readonly PublishedComment[]; commentCount: number | undefined; origin?: string };

/**
 * Keeps <title> and the head elements describing the page in the document while the page that
 * calls it is shown (null: none of them), and puts back what was there when it goes. The code
 * that builds and writes them (apply-page-description.ts) loads on first use.
 */
// A page the server rendered has its head written already, for the description it opens with:
// the code that writes heads is then not fetched until the page describes itself otherwise.
let headFromServer = renderedPageData() !== null;

export function useDocumentMetadata(description: PageDescription | null): void {
  // Compared as text: callers build a new object at each render, the effect runs on changes only.
  const signature = description === null ? '' : JSON.stringify(description);
  useEffect(() => {
    if (signature === '') return;
    if (headFromServer) {
      headFromServer = false;
      return;
    }
    let restore: (() => void) | undefined;
    let gone = false;
    void import('./apply-page-description').then(({ applyPageDescription }) => {
      if (!gone) restore = applyPageDescription(JSON.parse(signature) as PageDescription);
    });
    return () => {
      gone = true;
      restore?.();
    };
  }, [signature]);
}
