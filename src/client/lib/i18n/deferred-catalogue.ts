import { frDeferred, type DeferredCatalogue } from './fr-deferred';
import { useDeferredOverride } from './language';

/**
 * The words of the parts loaded on demand (comment form, report dialog, moderation tool), in
 * the interface's language. Only those parts import this module, so the French it holds ships
 * in their chunks rather than in the article page's first bundle.
 */
export function useDeferredCatalogue(): DeferredCatalogue {
  return useDeferredOverride() ?? frDeferred;
}
