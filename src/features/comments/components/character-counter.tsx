import { COMMENT_MAX_GRAPHEMES } from '../../../api/comment-rules';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import type { DeferredCatalogue } from '../../../lib/i18n/fr-deferred';

/** The counter warns that the limit is near from a tenth of it left (200 of 2000). */
export const nearLimitRemaining = (max: number) => Math.round(max / 10);

function counterState(count: number, max: number): 'ok' | 'near' | 'over' {
  if (count > max) return 'over';
  if (max - count <= nearLimitRemaining(max)) return 'near';
  return 'ok';
}

function counterHint(t: DeferredCatalogue, count: number, max: number): string {
  const remaining = max - count;
  if (remaining < 0) return t.form.charactersOver(-remaining);
  if (remaining <= nearLimitRemaining(max)) return t.form.charactersLeft(remaining);
  return '';
}

/** The visible count, updated at every keystroke; the state is said in words, not colour alone. */
export function CharacterCounter({ id, count, max = COMMENT_MAX_GRAPHEMES }: { id: string; count: number; max?: number }) {
  const t = useDeferredCatalogue();
  return (
    <p id={id} className="character-counter" data-state={counterState(count, max)}>
      {count} / {max}
      {counterHint(t, count, max)}
    </p>
  );
}
