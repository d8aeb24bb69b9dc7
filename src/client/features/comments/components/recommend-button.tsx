import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ThreadComment } from '../../../../shared/contract';
import { ApiError } from '../../../api/http-client';
import { announce } from '../../../lib/announcer';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { setRecommendation } from '../api/reactions';
import { markRecommended, readerToken, useRecommended } from '../lib/reader-marks';

/**
 * "Recommander": a toggle with its count. The press shows at once; the server's count replaces
 * the guess when it answers, and a failure puts everything back and says why.
 */
export function RecommendButton({ articleSlug, comment }: { articleSlug: string; comment: ThreadComment }) {
  const t = useCatalogue();
  // The reader's press while the server has not answered; else what this browser remembers.
  const [pressing, setPressing] = useState<boolean | null>(null);
  const remembered = useRecommended(comment.id);
  const pressed = pressing ?? remembered;
  // The count the server (or our guess) gave, valid while the list still says `fromList`.
  const [known, setKnown] = useState<{ fromList: number; count: number } | null>(null);
  const count = known && known.fromList === comment.recommendations ? known.count : comment.recommendations;

  const mutation = useMutation({
    mutationFn: (recommend: boolean) => setRecommendation(articleSlug, comment.id, recommend, readerToken()),
    onSuccess: (result) => {
      markRecommended(comment.id, result.recommended);
      setKnown({ fromList: comment.recommendations, count: result.recommendations });
    },
    onError: (error, recommend) => {
      // The server already had it this way (another tab, say): take its word and keep the state.
      if (error instanceof ApiError && error.status === 409) {
        markRecommended(comment.id, recommend);
        return;
      }
      // Nothing was remembered: the button shows what it showed before the press.
      setKnown(null);
      announce(errorMessage(t, error, t.comments.recommendFailed));
    },
    onSettled: () => setPressing(null),
  });

  function toggle() {
    if (mutation.isPending) return;
    const recommend = !pressed;
    setPressing(recommend);
    setKnown({ fromList: comment.recommendations, count: Math.max(0, count + (recommend ? 1 : -1)) });
    mutation.mutate(recommend);
  }

  return (
    <button
      type="button"
      className="button button--link comment__recommend"
      aria-pressed={pressed}
      // The visible "Recommander N" starts the name (WCAG 2.5.3, axe's label-content-name-mismatch).
      aria-label={t.comments.recommendLabel(t.number(count), comment.author)}
      onClick={toggle}
    >
      {t.comments.recommend} <span className="comment__count">{t.number(count)}</span>
    </button>
  );
}
