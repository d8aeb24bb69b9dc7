import { frModeration, type ModerationCatalogue } from './fr-moderation';
import { useDeferredOverride } from './language';

/**
 * The moderation tool's words in the interface's language. Only the moderation chunk imports
 * this module, so its French never reaches readers; English brings its own (enDeferred).
 */
export function useModerationCatalogue(): ModerationCatalogue {
  return useDeferredOverride()?.moderation ?? frModeration;
}
