import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useReadOnce } from '../../../lib/hydration';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { useCatalogue } from '../../../lib/i18n/language';
import { commentStatusesQueryOptions } from '../api/comment-statuses';
import { forgetOwnPending, NO_PENDING, ownPendingOn } from '../lib/own-pending';

/**
 * On a visit, asks what became of the reader's pending comments on this article, tells them
 * ("publié", "pas retenu") and stops showing them as pending; published ones are in the thread.
 */
export function OwnCommentOutcomes({ articleSlug }: { articleSlug: string }) {
  const t = useCatalogue();
  const words = useDeferredCatalogue();
  // Asked once per visit, for the comments pending when the page opened (this browser's own).
  const asked = useReadOnce(() => ownPendingOn(articleSlug), NO_PENDING);
  const ids = useMemo(() => asked.map((comment) => comment.id), [asked]);
  const statuses = useQuery({ ...commentStatusesQueryOptions(ids), enabled: ids.length > 0 });
  const decided = useMemo(
    () => (statuses.data ? asked.filter((comment) => statuses.data.statuses[comment.id] !== 'pending') : []),
    [statuses.data, asked],
  );

  useEffect(() => {
    if (decided.length > 0) forgetOwnPending(decided.map((comment) => comment.id));
  }, [decided]);

  const messages = decided.map((comment) => {
    const when = t.dateTime(comment.createdAt);
    const status = statuses.data?.statuses[comment.id];
    if (status === 'published') return words.outcomes.published(when);
    if (status === 'rejected') return words.outcomes.rejected(when);
    return words.outcomes.decided(when);
  });

  return (
    <div role="status" className="own-outcomes">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
