// The data a page rendered on the server carries (a JSON script, PAGE_DATA_ELEMENT_ID): parsed
// once, for main.tsx that hydrates from it and for the parts that read a detail of it.
import { PAGE_DATA_ELEMENT_ID, type ArticlePageData } from '../../shared/server-page';

// Keyed by the element, not its text: reading a large script's text at every call would copy it.
let parsed: { element: Element; data: ArticlePageData } | null = null;

/** The page's data, or null when the page was not rendered on the server (or outside a browser). */
export function renderedPageData(): ArticlePageData | null {
  const element = typeof document === 'undefined' ? null : document.getElementById(PAGE_DATA_ELEMENT_ID);
  if (!element) return null;
  if (parsed?.element !== element) {
    const text = element.textContent;
    if (!text) return null;
    parsed = { element, data: JSON.parse(text) as ArticlePageData };
  }
  return parsed.data;
}
