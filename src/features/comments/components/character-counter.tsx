import { COMMENT_MAX_GRAPHEMES } from '../../../api/comment-rules';

/** The counter warns that the limit is near from a tenth of it left (200 of 2000). */
export const nearLimitRemaining = (max: number) => Math.round(max / 10);

function counterState(count: number, max: number): 'ok' | 'near' | 'over' {
  if (count > max) return 'over';
  if (max - count <= nearLimitRemaining(max)) return 'near';
  return 'ok';
}

function counterHint(count: number, max: number): string {
  const remaining = max - count;
  if (remaining < 0) return ` : limite dépassée de ${-remaining} caractère${-remaining > 1 ? 's' : ''}`;
  if (remaining <= nearLimitRemaining(max)) return ` : encore ${remaining} caractère${remaining > 1 ? 's' : ''}`;
  return '';
}

/** The visible count, updated at every keystroke; the state is said in words, not colour alone. */
export function CharacterCounter({ id, count, max = COMMENT_MAX_GRAPHEMES }: { id: string; count: number; max?: number }) {
  return (
    <p id={id} className="character-counter" data-state={counterState(count, max)}>
      {count} / {max}
      {counterHint(count, max)}
    </p>
  );
}
