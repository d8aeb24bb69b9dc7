import { SITE_NAME } from './site';
import { useDocumentMetadata } from './use-document-metadata';

/** A page's <title>, "<title> · Réagir"; pages with more to say use useDocumentMetadata. */
export function useDocumentTitle(title: string): void {
  useDocumentMetadata({ title: `${title} · ${SITE_NAME}` });
}
