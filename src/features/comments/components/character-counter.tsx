import { COMMENT_MAX_GRAPHEMES } from '../../../api/comment-rules';

/** From this many characters left, the counter warns that the limit is near. */
export const NEAR_LIMIT_REMAINING = 200;

function counterState(count: number): 'ok' | 'near' | 'over' {
  if (count > COMMENT_MAX_GRAPHEMES) return 'over';
  if (COMMENT_MAX_GRAPHEMES - count <= NEAR_LIMIT_REMAINING) return 'near';
  return 'ok';
}

function counterHint(count: number): string {
  const remaining = COMMENT_MAX_GRAPHEMES - count;
  if (remaining < 0) return ` : limite dépassée de ${-remaining} caractère${-remaining > 1 ? 's' : ''}`;
  if (remaining <= NEAR_LIMIT_REMAINING) return ` : encore ${remaining} caractère${remaining > 1 ? 's' : ''}`;
  return '';
}

/** The visible count, updated at every keystroke; the state is said in words, not colour alone. */
export function CharacterCounter({ id, count }: { id: string; count: number }) {
  return (
    <p id={id} className="character-counter" data-state={counterState(count)}>
      {count} / {COMMENT_MAX_GRAPHEMES}
      {counterHint(count)}
    </p>
  );
}
