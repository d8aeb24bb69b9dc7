// The data a page rendered on the server carries (a JSON script, PAGE_DATA_ELEMENT_ID): parsed
// once, for main.tsx that hydrates from it and for the parts that read a detail of it.
import { PAGE_DATA_ELEMENT_ID, type ArticlePageData } from '../../shared/server-page';

let parsed: { text: string; data: ArticlePageData } | null = null;

/** The page's data, or null when the page was not rendered on the server (or outside a browser). */
export function renderedPageData(): ArticlePageData | null {
  const text = typeof document === 'undefined' ? null : document.getElementById(PAGE_DATA_ELEMENT_ID)?.textContent;
  if (!text) return null;
  if (parsed?.text !== text) parsed = { text, data: JSON.parse(text) as ArticlePageData };
  return parsed.data;
}
