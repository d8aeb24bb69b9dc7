import { SITE_NAME } from './article-metadata';
import { useDocumentMetadata } from './document-metadata';

/** A page's <title>, "<title> · Réagir"; pages with more to say use useDocumentMetadata. */
export function useDocumentTitle(title: string): void {
  useDocumentMetadata({ title: `${title} · ${SITE_NAME}` });
}
