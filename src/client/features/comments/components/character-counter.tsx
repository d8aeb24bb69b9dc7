import { useEffect, useRef, useState } from 'react';
import { COMMENT_MAX_GRAPHEMES } from '../../../../shared/comment-rules';
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

/** Screen readers hear the count after this pause in typing, as GOV.UK's character count does. */
export const SPOKEN_COUNT_PAUSE_MS = 1_000;

// Crossing one of these (characters left) is said at once: 100 left, 20 left, over the limit.
function thresholdOf(remaining: number, max: number): number {
  const steps = [Math.round(max / 20), Math.round(max / 100), 0];
  return steps.filter((step) => remaining < step).length;
}

/**
 * The count for screen readers, in a polite live region that never speaks at every keystroke:
 * once the reader pauses, and at once when a threshold is crossed.
 */
function SpokenCount({ count, max }: { count: number; max: number }) {
  const t = useDeferredCatalogue();
  const [spoken, setSpoken] = useState('');
  const previous = useRef({ count, threshold: thresholdOf(max - count, max) });

  useEffect(() => {
    if (previous.current.count === count) return;
    const remaining = max - count;
    const threshold = thresholdOf(remaining, max);
    const crossed = threshold !== previous.current.threshold;
    previous.current = { count, threshold };
    const timer = setTimeout(
      () => setSpoken(remaining < 0 ? t.form.spokenOver(-remaining) : t.form.spokenLeft(remaining)),
      crossed ? 0 : SPOKEN_COUNT_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [count, max, t]);

  return (
    <p className="visually-hidden" aria-live="polite" data-spoken-count="">
      {spoken}
    </p>
  );
}

/** The visible count, updated at every keystroke; the state is said in words, not colour alone. */
export function CharacterCounter({ id, count, max = COMMENT_MAX_GRAPHEMES }: { id: string; count: number; max?: number }) {
  const t = useDeferredCatalogue();
  return (
    <>
      <p id={id} className="character-counter" data-state={counterState(count, max)}>
        {count} / {max}
        {counterHint(t, count, max)}
      </p>
      <SpokenCount count={count} max={max} />
    </>
  );
}
